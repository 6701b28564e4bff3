package io.chanops.replenish.orders;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.Problem;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.stock.StockRepository;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Orders after they are raised: list, ship, receive (with the stock moves, in the same transaction), cancel. Every
 * change is one write transaction that re-reads the order under the write lock, so two people shipping or
 * receiving the same order cannot both succeed. Changes are stamped with the context's time and user.
 */
public record OrderService(Ledger ledger, OrderRepository orders, StockRepository stock, OperationContext context) {
    public static final String RECEIPT_BATCH_KIND = "order-receipt";

    /** Filters of {@code replenish orders}; null = any. */
    public record Filter(OrderStatus status, OrderKind kind, LocalDate due, String site, String sku) {}

    /** What a receipt did: the order after it, and the quantity moved. */
    public record Receipt(Order order, long qty, long batchId) {}

    /** The service on {@code ledger}'s repositories. */
    public static OrderService of(Ledger ledger, OperationContext context) {
        return new OrderService(ledger, ledger.repository(OrderRepository.class), new StockRepository(ledger), context);
    }

    public List<Order> list(Filter f) {
        return ledger.read(h -> orders.list(
                f.status(), f.kind(), f.due() == null ? null : f.due().toString(), f.site(), f.sku()));
    }

    /** Open or planned -> shipped. */
    public Order ship(String id) {
        return change(id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED), "ship", OrderStatus.SHIPPED);
    }

    /** Open or planned -> cancelled. A shipped order is on its way and must be received (possibly in part). */
    public Order cancel(String id) {
        return change(id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED), "cancel", OrderStatus.CANCELLED);
    }

    private Order change(String id, Set<OrderStatus> allowed, String action, OrderStatus to) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            Order o = require(id, allowed, action);
            orders.setStatus(id, to, LocalTimes.format(now));
            return orders.find(o.orderId()).orElseThrow();
        });
    }

    /**
     * Receives {@code qty} units (all outstanding when null): writes {@code transfer_out} at the warehouse and
     * {@code transfer_in} at the store, updates both on-hand levels, and closes the order when nothing is left
     * outstanding; a partial receipt leaves the rest on order with the status it had.
     */
    public Receipt receive(String id, Long qty) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            Order o = require(id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED, OrderStatus.SHIPPED), "receive");
            long n = qty == null ? o.outstanding() : qty;
            if (n <= 0) {
                throw rejected(id, "--qty must be a positive whole number");
            }
            if (n > o.outstanding()) {
                throw rejected(
                        id, "--qty " + n + " is more than the " + o.outstanding() + " units outstanding on the order");
            }
            if (o.warehouse() == null) {
                throw rejected(id, "the order has no supplying warehouse to take the stock from");
            }
            String at = LocalTimes.format(now);
            long batch = ImportBatches.record(
                    h,
                    RECEIPT_BATCH_KIND,
                    Path.of(id),
                    id + "#" + (o.receivedQty() + n),
                    2,
                    2,
                    now,
                    context.user(),
                    false);
            stock.transfer(o.warehouse(), o.siteId(), o.sku(), n, id, at, batch);
            long received = o.receivedQty() + n;
            orders.setReceived(id, received, received >= o.qty() ? OrderStatus.RECEIVED : o.status(), at);
            return new Receipt(orders.find(id).orElseThrow(), n, batch);
        });
    }

    private Order require(String id, Set<OrderStatus> allowed, String action) {
        Order o = orders.find(id).orElseThrow(() -> rejected(id, "no such order (see 'replenish orders')"));
        if (!allowed.contains(o.status())) {
            throw rejected(id, "cannot " + action + " an order that is " + o.status());
        }
        return o;
    }

    private static InputRejectedException rejected(String id, String message) {
        return InputRejectedException.of(Problem.ofFile("order " + id, message));
    }
}
