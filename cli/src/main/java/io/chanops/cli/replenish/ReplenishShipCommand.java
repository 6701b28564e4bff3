package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "ship",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops replenish ship 42"},
        description = "Mark an open or planned order as shipped (it stays on order until received).")
public final class ReplenishShipCommand extends ChanopsCommand {
    @Parameters(paramLabel = "ID", description = "Order id, e.g. RO-20260302-000001.")
    String id;

    @Override
    protected int run() {
        Order o = OrderService.of(ctx().ledger(), ctx().operation()).ship(id);
        out().printf(
                        "%s shipped: %d x %s from %s to %s%n",
                        o.orderId(), o.outstanding(), o.sku(), o.warehouse(), o.siteId());
        return ExitCode.OK;
    }
}
