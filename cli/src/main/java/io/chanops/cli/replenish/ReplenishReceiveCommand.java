package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.replenish.orders.OrderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "receive",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish receive RO-20260302-000001",
            "  chanops replenish receive RO-20260302-000001 --qty 3"
        },
        description = {
            "Receive an order at the store: writes transfer_out at the warehouse and transfer_in at the store in the "
                    + "same transaction",
            "that closes the order. With --qty, a partial receipt leaves the rest on order.",
            "A transfer order (from rebalance) takes the stock from its donor store: transfer_out there, transfer_in "
                    + "at the store."
        })
public final class ReplenishReceiveCommand extends ChanopsCommand {
    @Parameters(paramLabel = "ID", description = "Order id.")
    String id;

    @Option(names = "--qty", paramLabel = "N", description = "Units received (default: all outstanding).")
    Long qty;

    @Option(
            names = "--booked",
            description = "The store's feed booked the delivery already (transfer_in with the order id as ref):"
                    + " record those units on the order, and write only the supplier's transfer_out its feed did not"
                    + " book.")
    boolean booked;

    @Override
    protected int run() {
        OrderService.Receipt r =
                OrderService.of(ctx().ledger(), ctx().operation()).receive(id, qty, booked);
        var o = r.order();
        out().printf(
                        "%s: received %d x %s at %s from %s%s; %s%n",
                        o.orderId(),
                        r.qty(),
                        o.sku(),
                        o.siteId(),
                        o.warehouse(),
                        booked ? " (booked by the store's feed)" : "",
                        o.outstanding() == 0
                                ? "order received in full"
                                : o.outstanding() + " still on order (" + o.status() + ")");
        return ExitCode.OK;
    }
}
