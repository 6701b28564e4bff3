package io.chanops.replenish.planning;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.dao.SiteDao;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.time.LocalTimes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger side of planning: what is to be delivered on a date and what the warehouses can ship, read in one go;
 * and {@link #apply}, which marks the planned orders in one transaction.
 * <p>
 * Available stock of a warehouse = on hand minus what planned or shipped orders from it have not yet delivered:
 * a shipped order leaves the warehouse's books only when it is received, and re-planning must not promise those units
 * twice.
 */
public final class DeliveryDay {
    /** What was read: the orders to deliver, every site, and available units by warehouse and SKU. */
    public record Snapshot(List<DeliveryOrder> orders, Map<String, Site> sites, Map<String, Map<String, Long>> available) {
    }

    private DeliveryDay() {
    }

    public static Snapshot load(Ledger ledger, LocalDate date, boolean includeRegular) {
        return ledger.read(h -> {
            Map<String, Site> sites = new LinkedHashMap<>();
            h.attach(SiteDao.class).list().forEach(s -> sites.put(s.siteId(), s));
            String day = LocalTimes.format(date);
            List<DeliveryOrder> orders = h.createQuery("""
                            SELECT order_id, site_id, sku, kind, qty - received_qty AS due_qty, warehouse, due_date
                            FROM replenishment_order
                            WHERE status = 'open' AND qty > received_qty
                              AND ((kind = 'emergency' AND due_date = :day)
                                   OR (:regular = 1 AND kind = 'regular' AND due_date <= :day))
                            ORDER BY order_id""")
                    .bind("day", day)
                    .bind("regular", includeRegular ? 1 : 0)
                    .map((rs, ctx) -> {
                        String siteId = rs.getString("site_id");
                        String warehouse = rs.getString("warehouse");
                        if (warehouse == null || warehouse.isBlank()) {
                            Site s = sites.get(siteId);
                            warehouse = s == null ? null : s.warehouse();
                        }
                        return new DeliveryOrder(rs.getString("order_id"), siteId, rs.getString("sku"),
                                "emergency".equals(rs.getString("kind")), rs.getLong("due_qty"), warehouse,
                                LocalTimes.parseDate(rs.getString("due_date")).orElse(date));
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
            return new Snapshot(orders, sites, available);
        });
    }

    /** Marks every routed order {@code planned} with its vehicle and stop, all or nothing; returns how many. */
    public static int apply(Ledger ledger, PlanResult plan, LocalDateTime now) {
        return ledger.write(h -> {
            int marked = 0;
            List<Problem> changed = new ArrayList<>();
            for (PlanResult.Route route : plan.routes()) {
                for (PlanResult.Stop stop : route.stops()) {
                    for (DeliveryOrder o : stop.lines()) {
                        int n = h.createUpdate("UPDATE replenishment_order SET status = 'planned', vehicle_id = :vehicle, "
                                        + "stop_no = :stop, updated_at = :now WHERE order_id = :id AND status = 'open'")
                                .bind("vehicle", route.vehicleId())
                                .bind("stop", stop.stopNo())
                                .bind("now", LocalTimes.format(now))
                                .bind("id", o.orderId())
                                .execute();
                        if (n == 0) {
                            changed.add(Problem.ofFile("ledger", "order " + o.orderId()
                                    + " is no longer open (changed while planning); nothing was marked, plan again"));
                        }
                        marked += n;
                    }
                }
            }
            if (!changed.isEmpty()) {
                throw new InputRejectedException(changed);
            }
            return marked;
        });
    }
}
