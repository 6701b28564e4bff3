package io.chanops.replenish.orders;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.model.Position;
import io.chanops.replenish.stock.StockLevels;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.check.OrderKind;
import io.chanops.replenish.check.OrderStatus;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Orders after they are raised: list, ship, receive (with the stock moves, in the same transaction), cancel. Every
 * change is one write transaction that re-reads the order under the write lock, so two people shipping or
 * receiving the same order cannot both succeed.
 */
public final class OrderService {
    public static final String RECEIPT_BATCH_KIND = "order-receipt";
    private static final String SELECT = "SELECT order_id, site_id, sku, kind, qty, received_qty, status, raised_at, due_date, "
            + "warehouse, vehicle_id, stop_no, updated_at, reason, escalated_at FROM replenishment_order";

    /** Filters of {@code replenish orders}; null = any. */
    public record Filter(OrderStatus status, OrderKind kind, LocalDate due, String site, String sku) {
    }

    /** What a receipt did: the order after it, and the quantity moved. */
    public record Receipt(Order order, long qty, long batchId) {
    }

    private OrderService() {
    }

    public static List<Order> list(Ledger ledger, Filter f) {
        return ledger.read(h -> h.createQuery(SELECT + " WHERE (:status IS NULL OR status = :status) AND (:kind IS NULL OR kind = :kind) "
                        + "AND (:due IS NULL OR due_date = :due) AND (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku) "
                        + "ORDER BY raised_at, order_id")
                .bind("status", f.status() == null ? null : f.status().toString())
                .bind("kind", f.kind() == null ? null : f.kind().toString())
                .bind("due", f.due() == null ? null : f.due().toString())
                .bind("site", f.site()).bind("sku", f.sku())
                .map((rs, ctx) -> order(rs)).list());
    }

    public static Optional<Order> find(Handle h, String id) {
        return h.createQuery(SELECT + " WHERE order_id = :id").bind("id", id).map((rs, ctx) -> order(rs)).findOne();
    }

    /** The newest order of one position, if it has any. */
    public static Optional<Order> lastOf(Handle h, String site, String sku) {
        return h.createQuery(SELECT + " WHERE site_id = :site AND sku = :sku ORDER BY raised_at DESC, order_id DESC LIMIT 1")
                .bind("site", site).bind("sku", sku).map((rs, ctx) -> order(rs)).findOne();
    }

    /** Every order of one position still on order (open, planned or shipped: what the check counts), newest first. */
    public static List<Order> onOrder(Handle h, String site, String sku) {
        return h.createQuery(SELECT + " WHERE site_id = :site AND sku = :sku AND " + OrderStatus.ON_ORDER
                        + " ORDER BY raised_at DESC, order_id DESC")
                .bind("site", site).bind("sku", sku).map((rs, ctx) -> order(rs)).list();
    }

    static Order order(ResultSet rs) throws SQLException {
        return new Order(rs.getString("order_id"), rs.getString("site_id"), rs.getString("sku"), OrderKind.parse(rs.getString("kind")),
                rs.getLong("qty"), rs.getLong("received_qty"), OrderStatus.parse(rs.getString("status")), rs.getString("raised_at"),
                rs.getString("due_date"), rs.getString("warehouse"), rs.getString("vehicle_id"),
                rs.getObject("stop_no") == null ? null : rs.getInt("stop_no"), rs.getString("updated_at"),
                rs.getString("reason"), rs.getString("escalated_at"));
    }

    /** Open or planned -> shipped. */
    public static Order ship(Ledger ledger, String id, LocalDateTime now) {
        return ledger.write(h -> {
            Order o = require(h, id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED), "ship");
            setStatus(h, id, OrderStatus.SHIPPED, now);
            return find(h, o.orderId()).orElseThrow();
        });
    }

    /** Open or planned -> cancelled. A shipped order is on its way and must be received (possibly in part). */
    public static Order cancel(Ledger ledger, String id, LocalDateTime now) {
        return ledger.write(h -> {
            Order o = require(h, id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED), "cancel");
            setStatus(h, id, OrderStatus.CANCELLED, now);
            return find(h, o.orderId()).orElseThrow();
        });
    }

    /**
     * Receives {@code qty} units (all outstanding when null): writes {@code transfer_out} at the warehouse and
     * {@code transfer_in} at the store, updates both on-hand levels, and closes the order when nothing is left
     * outstanding; a partial receipt leaves the rest on order with the status it had.
     */
    public static Receipt receive(Ledger ledger, String id, Long qty, LocalDateTime now) {
        return ledger.write(h -> {
            Order o = require(h, id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED, OrderStatus.SHIPPED), "receive");
            long n = qty == null ? o.outstanding() : qty;
            if (n <= 0) {
                throw rejected(id, "--qty must be a positive whole number");
            }
            if (n > o.outstanding()) {
                throw rejected(id, "--qty " + n + " is more than the " + o.outstanding() + " units outstanding on the order");
            }
            if (o.warehouse() == null) {
                throw rejected(id, "the order has no supplying warehouse to take the stock from");
            }
            String at = LocalTimes.format(now);
            long batch = ImportBatches.record(h, RECEIPT_BATCH_KIND, Path.of(id), id + "#" + (o.receivedQty() + n), 2, 2, now, false);
            long moveId = Ids.reserve(h, Ids.STOCK_MOVE, 2);
            String ref = id;
            h.createUpdate("INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) VALUES "
                            + "(:m1, :at, :wh, :sku, 'transfer_out', :qty, :ref, :batch), (:m2, :at, :site, :sku, 'transfer_in', :qty, :ref, :batch)")
                    .bind("m1", moveId).bind("m2", moveId + 1).bind("at", at).bind("wh", o.warehouse()).bind("site", o.siteId())
                    .bind("sku", o.sku()).bind("qty", n).bind("ref", ref).bind("batch", batch).execute();
            StockLevels.recompute(h, Set.of(new Position(o.warehouse(), o.sku()), new Position(o.siteId(), o.sku())));
            long received = o.receivedQty() + n;
            h.createUpdate("UPDATE replenishment_order SET received_qty = :r, status = :s, updated_at = :now WHERE order_id = :id")
                    .bind("r", received).bind("s", (received >= o.qty() ? OrderStatus.RECEIVED : o.status()).toString())
                    .bind("now", at).bind("id", id).execute();
            return new Receipt(find(h, id).orElseThrow(), n, batch);
        });
    }

    private static Order require(Handle h, String id, Set<OrderStatus> allowed, String action) {
        Order o = find(h, id).orElseThrow(() -> rejected(id, "no such order (see 'replenish orders')"));
        if (!allowed.contains(o.status())) {
            throw rejected(id, "cannot " + action + " an order that is " + o.status());
        }
        return o;
    }

    private static void setStatus(Handle h, String id, OrderStatus status, LocalDateTime now) {
        h.createUpdate("UPDATE replenishment_order SET status = :s, updated_at = :now WHERE order_id = :id")
                .bind("s", status.toString()).bind("now", LocalTimes.format(now)).bind("id", id).execute();
    }

    private static InputRejectedException rejected(String id, String message) {
        return InputRejectedException.of(Problem.ofFile("order " + id, message));
    }
}
