package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "cancel",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish cancel RO-20260302-000001",
            "  chanops replenish cancel RO-20260302-000001 RO-20260302-000002",
            "  chanops replenish orders --run 7 --status open   # what --run 7 would cancel",
            "  chanops replenish cancel --run 7"
        },
        description = "Cancel open or planned orders (a shipped order must be received), all or none: the orders named,"
                + " or those a check run raised (--run).")
public final class ReplenishCancelCommand extends ChanopsCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Order ids.")
    List<String> ids = List.of();

    @Option(
            names = "--run",
            paramLabel = "N",
            description = "Cancel the open and planned orders check run N raised (a check prints its run number on its"
                    + " last line); its orders shipped or received since are left.")
    Long run;

    @Override
    protected int run() {
        if (ids.isEmpty() == (run == null)) {
            throw UserException.usage("give the ids of the orders to cancel, or --run N for a check run's orders");
        }
        OrderService orders = OrderService.of(ctx().ledger(), ctx().operation());
        if (run == null) {
            orders.cancel(ids).forEach(this::printCancelled);
            return ExitCode.OK;
        }
        OrderService.RunCancellation r = orders.cancelRun(run);
        r.cancelled().forEach(this::printCancelled);
        out().printf(
                        "check run %d (%s): %d orders cancelled%s%n",
                        run,
                        r.run(),
                        r.cancelled().size(),
                        r.left().isEmpty()
                                ? ""
                                : ", " + r.left().size() + " left as they are: "
                                        + String.join(
                                                ", ",
                                                r.left().stream()
                                                        .map(o -> o.orderId() + " (" + o.status() + ")")
                                                        .toList()));
        return ExitCode.OK;
    }

    private void printCancelled(Order o) {
        out().printf("%s cancelled (%s %d x %s for %s)%n", o.orderId(), o.kind(), o.qty(), o.sku(), o.siteId());
    }
}
