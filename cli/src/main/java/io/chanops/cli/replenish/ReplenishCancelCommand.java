package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "cancel",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops replenish cancel 42"},
        description = "Cancel an open or planned order (a shipped order must be received).")
public final class ReplenishCancelCommand extends ChanopsCommand {
    @Parameters(paramLabel = "ID", description = "Order id.")
    String id;

    @Override
    protected int run() {
        Order o = OrderService.of(ctx().ledger(), ctx().operation()).cancel(id);
        out().printf("%s cancelled (%s %d x %s for %s)%n", o.orderId(), o.kind(), o.qty(), o.sku(), o.siteId());
        return ExitCode.OK;
    }
}
