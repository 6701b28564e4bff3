package io.chanops.replenish.position;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.Position;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line per store for ops at a glance: positions with a policy, how many are below R (inventory position &lt; R)
 * and below L (on hand &lt; L), on hand, recent sales per day and days of cover (on hand / sales per day, over the
 * {@code days} before today), and the position that runs out first.
 */
public final class StoreSummary {
    /** Days of cover are null when nothing sold (cover is then unbounded). */
    public record Line(String siteId, String name, long positions, long belowR, long belowL, long onHand, double soldPerDay,
                       Double daysOfCover, String shortestSku, Double shortestCover) {
    }

    private StoreSummary() {
    }

    public static List<Line> of(Ledger ledger, LocalDate today, int days, String site) {
        Map<Position, Long> sold = new HashMap<>();
        Map<String, String[]> stores = new java.util.TreeMap<>();
        ledger.read(h -> {
            h.createQuery("SELECT site_id, sku, SUM(qty) FROM stock_move WHERE kind = 'sale' AND at >= :from AND at < :to "
                            + "AND (:site IS NULL OR site_id = :site) GROUP BY site_id, sku")
                    .bind("from", today.minusDays(days).toString()).bind("to", today.toString()).bind("site", site)
                    .map((rs, ctx) -> sold.put(new Position(rs.getString(1), rs.getString(2)), rs.getLong(3))).forEach(x -> { });
            h.createQuery("SELECT site_id, name FROM site WHERE kind = 'store' AND (:site IS NULL OR site_id = :site)").bind("site", site)
                    .map((rs, ctx) -> stores.put(rs.getString(1), new String[] {rs.getString(2)})).forEach(x -> { });
            return null;
        });
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Object[]> shortest = new HashMap<>();
        PositionQuery.forEach(ledger, site, null, p -> {
            if (!stores.containsKey(p.siteId())) {
                return;
            }
            long[] c = counts.computeIfAbsent(p.siteId(), k -> new long[4]);
            if (p.r() != null) {
                c[0]++;
                if (p.inventoryPosition() < p.r()) {
                    c[1]++;
                }
                if (p.onHand() < p.l()) {
                    c[2]++;
                }
            }
            c[3] += Math.max(0, p.onHand());
            long s = sold.getOrDefault(new Position(p.siteId(), p.sku()), 0L);
            if (s > 0) {
                double cover = Math.max(0, p.onHand()) / ((double) s / days);
                Object[] best = shortest.get(p.siteId());
                if (best == null || cover < (double) best[1]) {
                    shortest.put(p.siteId(), new Object[] {p.sku(), cover});
                }
            }
        });
        Map<String, Long> soldBySite = new HashMap<>();
        sold.forEach((p, q) -> soldBySite.merge(p.siteId(), q, Long::sum));
        List<Line> out = new ArrayList<>();
        stores.forEach((id, name) -> {
            long[] c = counts.getOrDefault(id, new long[4]);
            double perDay = soldBySite.getOrDefault(id, 0L) / (double) days;
            Object[] best = shortest.get(id);
            out.add(new Line(id, name[0], c[0], c[1], c[2], c[3], perDay, perDay > 0 ? c[3] / perDay : null,
                    best == null ? null : (String) best[0], best == null ? null : (Double) best[1]));
        });
        return out;
    }
}
