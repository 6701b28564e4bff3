package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "unplan",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish unplan --vehicle GZ-VAN-2   # the van broke down: its load is open again",
            "  chanops replenish plan --date 2026-03-02 --vehicles vans-without-2.csv --apply",
            "  chanops replenish unplan RO-20260302-000001"
        },
        description = "Take planned orders off their vehicle, open again, all or none: the orders named, or a van's"
                + " load (--vehicle). replenish plan --apply plans them again.")
public final class ReplenishUnplanCommand extends ChanopsCommand {
    @Mixin
    OrdersOrVanLoad orders;

    @Override
    protected int run() {
        OrderService service = OrderService.of(ctx().ledger(), ctx().operation());
        for (Order o : orders.change("unplan", service::unplan, service::unplanVehicle)) {
            out().printf(
                            "%s open again: off %s (stop %d of %s)%n",
                            o.orderId(),
                            o.vehicleId(),
                            o.stopNo(),
                            o.plannedFor() == null ? "an unrecorded day" : o.plannedFor());
        }
        return ExitCode.OK;
    }
}
