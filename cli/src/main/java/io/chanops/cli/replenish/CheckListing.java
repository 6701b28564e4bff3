package io.chanops.cli.replenish;

import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.replenish.check.CheckReport;
import io.chanops.replenish.orders.OrderKind;
import java.util.List;
import java.util.Locale;

/** The table of what a check raised or escalated: emergencies in red. Shared by the check and stock import. */
public final class CheckListing {
    public static final List<String> COLUMNS = List.of(
            "order_id", "site_id", "sku", "kind", "action", "qty", "order_qty", "due_date", "warehouse", "reason");

    private CheckListing() {}

    public static Listing of(CheckReport report) {
        Listing listing = new Listing(COLUMNS);
        for (CheckReport.Row r : report.actions()) {
            listing.add(
                    r.kind() == OrderKind.EMERGENCY ? Style.RED : Style.NONE,
                    List.of(
                            r.orderId(),
                            r.siteId(),
                            r.sku(),
                            r.kind().toString(),
                            r.action().toString().toLowerCase(Locale.ROOT),
                            r.qty(),
                            r.orderQty(),
                            r.dueDate(),
                            r.warehouse() == null ? "" : r.warehouse(),
                            r.reason()));
        }
        return listing;
    }
}
