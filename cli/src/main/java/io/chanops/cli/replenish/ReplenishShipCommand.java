package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "ship",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish ship RO-20260302-000001",
            "  chanops replenish ship RO-20260302-000001 RO-20260302-000007",
            "  chanops replenish ship --vehicle VAN-1   # every order planned on VAN-1, as it leaves",
            "  chanops replenish ship --vehicle VAN-1 --date 2026-03-02   # when VAN-1 also holds another day's"
        },
        description = "Mark open or planned orders as shipped, all or none (they stay on order until received): the"
                + " orders named, or those planned on a vehicle (--vehicle).")
public final class ReplenishShipCommand extends ChanopsCommand {
    @Mixin
    OrdersOrVanLoad orders;

    @Override
    protected int run() {
        OrderService service = OrderService.of(ctx().ledger(), ctx().operation());
        for (Order o : orders.change("ship", service::ship, service::shipVehicle)) {
            out().printf(
                            "%s shipped: %d x %s from %s to %s%n",
                            o.orderId(), o.outstanding(), o.sku(), o.warehouse(), o.siteId());
        }
        return ExitCode.OK;
    }
}
