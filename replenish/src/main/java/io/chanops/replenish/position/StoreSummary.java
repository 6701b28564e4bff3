package io.chanops.replenish.position;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.replenish.stock.StockRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line per store for ops at a glance: positions with a policy, how many are below R (inventory position &lt; R)
 * and below L (on hand &lt; L), on hand, recent sales per day and days of cover (on hand / sales per day, over the
 * {@code days} before today), and the position that runs out first.
 */
public record StoreSummary(
        Ledger ledger, StockRepository stock, SiteRepository sites, PositionQuery positions, OperationContext context) {
    /** Days of cover are null when nothing sold (cover is then unbounded). */
    public record Line(
            String siteId,
            String name,
            long positions,
            long belowR,
            long belowL,
            long onHand,
            double soldPerDay,
            Double daysOfCover,
            String shortestSku,
            Double shortestCover) {}

    /** The summary on {@code ledger}'s repositories. */
    public static StoreSummary of(Ledger ledger, OperationContext context) {
        return new StoreSummary(
                ledger,
                new StockRepository(ledger),
                ledger.repository(SiteRepository.class),
                PositionQuery.of(ledger),
                context);
    }

    /** One line per store (or only {@code site}), with sales over the {@code days} before the context's today. */
    public List<Line> lines(int days, String site) {
        return lines(days, site, context.today());
    }

    /**
     * The day the sales window ends (exclusive): the context's today when its clock was set on purpose, or when the
     * ledger holds moves up to today; otherwise the day after the latest move, so that a ledger whose moves stopped
     * some time ago (a demo, a restored backup) still shows its sales instead of an empty window.
     */
    public LocalDate windowEnd(boolean clockGiven) {
        LocalDate today = context.today();
        if (clockGiven) {
            return today;
        }
        return stock.latestMoveDay()
                .map(d -> d.plusDays(1))
                .filter(end -> end.isBefore(today))
                .orElse(today);
    }

    /** One line per store (or only {@code site}), with sales over the {@code days} before {@code end} (exclusive). */
    public List<Line> lines(int days, String site, LocalDate end) {
        LocalDate today = end;
        Map<String, String[]> stores = new TreeMap<>();
        Map<Position, Long> sold = ledger.read(h -> {
            for (Site s : sites.list()) {
                if (s.isStore() && (site == null || s.siteId().equals(site))) {
                    stores.put(s.siteId(), new String[] {s.name()});
                }
            }
            return stock.sales(today.minusDays(days), today, site);
        });
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Object[]> shortest = new HashMap<>();
        positions.forEach(site, null, p -> {
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
            out.add(new Line(
                    id,
                    name[0],
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    perDay,
                    perDay > 0 ? c[3] / perDay : null,
                    best == null ? null : (String) best[0],
                    best == null ? null : (Double) best[1]));
        });
        return out;
    }
}
