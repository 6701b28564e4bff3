package io.chanops.replenish.orders;

import io.chanops.ledger.Ledger;
import java.util.List;

/**
 * Holds each order's {@code received_qty} against the receipts booked for it: {@code replenish receive} writes a
 * {@code transfer_in} at the order's store and a {@code transfer_out} at the site that supplies it, both with the order
 * id as ref, in the transaction that raises the order's received quantity. A difference means the ledger was changed by
 * other means (a receipt's moves deleted by hand) or a receipt booked twice (a feed that also books the delivery under
 * the order id): on hand and the order then tell two stories. Read in one statement, so it sees one committed state.
 */
public final class ReceiptAudit {
    /** An order whose receipts do not add up to what it says it received. */
    public record Difference(OrderRepository.Receipts receipts) {
        @Override
        public String toString() {
            OrderRepository.Receipts r = receipts;
            return r.orderId() + ": received " + r.receivedQty() + " by the order, " + r.bookedIn()
                    + " booked in at " + r.siteId()
                    + (r.warehouse() == null ? "" : " and " + r.bookedOut() + " out at " + r.warehouse())
                    + " (moves " + r.sku() + " with ref " + r.orderId() + ")";
        }
    }

    /** How many orders the audit read, and those that differ, by id. */
    public record Report(long orders, List<Difference> differences) {}

    private final Ledger ledger;

    public ReceiptAudit(Ledger ledger) {
        this.ledger = ledger;
    }

    public Report audit() {
        return ledger.read(h -> {
            OrderRepository orders = h.attach(OrderRepository.class);
            List<Difference> differences =
                    orders.receiptsNotBooked().stream().map(Difference::new).toList();
            return new Report(orders.count(), differences);
        });
    }
}
