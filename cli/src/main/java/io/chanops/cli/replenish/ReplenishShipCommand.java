package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderService;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Order ids, e.g. RO-20260302-000001.")
    List<String> ids = List.of();

    @Option(
            names = "--vehicle",
            paramLabel = "V",
            description = "Ship every order planned on vehicle V (by replenish plan --apply), in stop order.")
    String vehicle;

    @Option(
            names = "--date",
            paramLabel = "DATE",
            description = "With --vehicle: the delivery day YYYY-MM-DD whose load leaves (needed when the van holds"
                    + " the planned orders of several days).")
    LocalDate date;

    @Override
    protected int run() {
        if (ids.isEmpty() == (vehicle == null)) {
            throw UserException.usage("give the ids of the orders to ship, or --vehicle V for a van's planned orders");
        }
        if (date != null && vehicle == null) {
            throw UserException.usage("--date picks the day of a vehicle's load: give it with --vehicle V");
        }
        OrderService orders = OrderService.of(ctx().ledger(), ctx().operation());
        List<Order> shipped = vehicle == null ? orders.ship(ids) : orders.shipVehicle(vehicle, date);
        for (Order o : shipped) {
            out().printf(
                            "%s shipped: %d x %s from %s to %s%n",
                            o.orderId(), o.outstanding(), o.sku(), o.warehouse(), o.siteId());
        }
        return ExitCode.OK;
    }
}
