package io.chanops.replenish.planning;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.dao.SiteDao;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.check.OrderKind;
import io.chanops.replenish.check.OrderStatus;
import io.chanops.replenish.orders.OrderService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The ledger side of planning: what is to be delivered on a date and what the warehouses can ship, read in one go;
 * and {@link #apply}, which marks the planned orders in one transaction, only if no order changed since it was read.
 * <p>
 * Available stock of a warehouse = on hand minus what planned or shipped orders from it have not yet delivered:
 * a shipped order leaves the warehouse's books only when it is received, and re-planning must not promise those units
 * twice.
 */
public final class DeliveryDay {
    /**
     * What was read: the orders to deliver (and each as stored, to check again before applying), every site, and
     * available units by warehouse and SKU.
     */
    public record Snapshot(List<DeliveryOrder> orders, List<OrderAsPlanned> ordersAsRead, Map<String, Site> sites,
                           Map<String, Map<String, Long>> available) {
    }

    /** What {@link #apply} did: the orders it marked; or, when some changed since the plan read them, nothing. */
    public record Application(int marked, List<OrderChange> changed) {
        public Application {
            changed = List.copyOf(changed);
        }

        public boolean refused() {
            return !changed.isEmpty();
        }
    }

    private DeliveryDay() {
    }

    public static Snapshot load(Ledger ledger, LocalDate date, boolean includeRegular) {
        return ledger.read(h -> {
            Map<String, Site> sites = new LinkedHashMap<>();
            h.attach(SiteDao.class).list().forEach(s -> sites.put(s.siteId(), s));
            String day = LocalTimes.format(date);
            List<OrderAsPlanned> asRead = new ArrayList<>();
            List<DeliveryOrder> orders = h.createQuery("""
                            SELECT order_id, site_id, sku, kind, qty, received_qty, status, warehouse, due_date
                            FROM replenishment_order
                            WHERE status = 'open' AND qty > received_qty
                              AND ((kind = 'emergency' AND due_date = :day)
                                   OR (:regular = 1 AND kind = 'regular' AND due_date <= :day))
                            ORDER BY order_id""")
                    .bind("day", day)
                    .bind("regular", includeRegular ? 1 : 0)
                    .map((rs, ctx) -> {
                        OrderAsPlanned stored = new OrderAsPlanned(rs.getString("order_id"), OrderStatus.parse(rs.getString("status")),
                                OrderKind.parse(rs.getString("kind")), rs.getLong("qty"), rs.getLong("received_qty"),
                                LocalDate.parse(rs.getString("due_date")), rs.getString("warehouse"));
                        asRead.add(stored);
                        String siteId = rs.getString("site_id");
                        String warehouse = stored.warehouse();
                        if (warehouse == null || warehouse.isBlank()) {
                            Site s = sites.get(siteId);
                            warehouse = s == null ? null : s.warehouse();
                        }
                        return new DeliveryOrder(stored.orderId(), siteId, rs.getString("sku"), stored.kind() == OrderKind.EMERGENCY,
                                stored.qty() - stored.receivedQty(), warehouse, stored.dueDate());
                    })
                    .list();
            Map<String, Map<String, Long>> available = new HashMap<>();
            h.createQuery("SELECT l.site_id, l.sku, l.on_hand FROM stock_level l JOIN site s ON s.site_id = l.site_id "
                            + "WHERE s.kind = 'warehouse'")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                    .forEach(r -> available.computeIfAbsent((String) r[0], w -> new HashMap<>()).put((String) r[1], (Long) r[2]));
            h.createQuery("SELECT warehouse, sku, SUM(qty - received_qty) FROM replenishment_order "
                            + "WHERE status IN ('planned', 'shipped') AND warehouse IS NOT NULL GROUP BY warehouse, sku")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                    .forEach(r -> available.computeIfAbsent((String) r[0], w -> new HashMap<>())
                            .merge((String) r[1], -(Long) r[2], Long::sum));
            return new Snapshot(orders, asRead, sites, available);
        });
    }

    /**
     * Marks every routed order {@code planned} with its vehicle and stop, then runs {@code publish} (the plan's files),
     * all in one write transaction: a failure in {@code publish} marks nothing. Under the write lock every order the
     * plan read is read again first; if any is no longer exactly as read (SPEC §6), nothing is marked, {@code publish}
     * does not run, and the changed orders are returned.
     */
    public static Application apply(Ledger ledger, DayPlan plan, LocalDateTime now, Runnable publish) {
        return ledger.write(h -> {
            List<OrderChange> changed = changedSinceRead(h, plan.ordersAsRead());
            if (!changed.isEmpty()) {
                return new Application(0, changed);
            }
            int marked = 0;
            for (PlanResult.Route route : plan.result().routes()) {
                for (PlanResult.Stop stop : route.stops()) {
                    for (DeliveryOrder o : stop.lines()) {
                        marked += h.createUpdate("UPDATE replenishment_order SET status = 'planned', vehicle_id = :vehicle, "
                                        + "stop_no = :stop, updated_at = :now WHERE order_id = :id AND status = 'open'")
                                .bind("vehicle", route.vehicleId())
                                .bind("stop", stop.stopNo())
                                .bind("now", LocalTimes.format(now))
                                .bind("id", o.orderId())
                                .execute();
                    }
                }
            }
            publish.run();
            return new Application(marked, List.of());
        });
    }

    private static List<OrderChange> changedSinceRead(Handle h, List<OrderAsPlanned> asRead) {
        List<OrderChange> changed = new ArrayList<>();
        for (OrderAsPlanned then : asRead) {
            List<String> differences = OrderService.find(h, then.orderId())
                    .map(now -> then.differences(OrderAsPlanned.of(now)))
                    .orElse(List.of("no longer in the ledger"));
            if (!differences.isEmpty()) {
                changed.add(new OrderChange(then.orderId(), differences));
            }
        }
        return changed;
    }
}
