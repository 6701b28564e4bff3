package io.chanops.replenish.stock;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Holds {@code stock_level} against what it is kept as: at every position, on hand is the fold of the position's moves
 * in time order ({@code at}, then move id), a count resetting it. Every write keeps the two together in one
 * transaction, so a difference means the ledger was changed by other means (SQL by hand, a copy of the file taken
 * while a write was under way) or damaged.
 *
 * <p>The moves are read site by site, each site's in key order (one range of {@code stock_move}'s key), and folded as
 * they stream by, without the write lock: a position that differs is then read again under the write lock, so that an
 * import committed between two reads is not taken for a difference. {@link #repair} sets such positions from their
 * moves, and removes a level whose position has no moves left.
 */
public final class StockAudit {
    /**
     * A position whose level is not its moves' fold: {@code recorded} null when it has no level, {@code folded} null
     * when it has no moves.
     */
    public record Difference(Position position, Long recorded, Long folded) {
        @Override
        public String toString() {
            return position.siteId() + "/" + position.sku() + ": "
                    + (recorded == null ? "no stock level" : "on hand " + recorded + " in stock_level")
                    + (folded == null ? ", but no moves" : ", " + folded + " by its moves");
        }
    }

    /** What an audit read, and the positions that differ (confirmed under the write lock), in site and SKU order. */
    public record Report(long sites, long positions, long moves, List<Difference> differences) {}

    private final Ledger ledger;

    public StockAudit(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Audits every position of the ledger; {@code movesRead} hears the count of moves read so far, site by site. */
    public Report audit(LongConsumer movesRead) {
        List<Difference> suspects = new ArrayList<>();
        // one connection for every site (a PostgreSQL connection costs a login), each statement its own read
        long[] totals = ledger.read(h -> {
            List<String> sites = StockLevels.sitesWithStock(h).stream().sorted().toList();
            long[] counts = {sites.size(), 0, 0}; // sites, positions, moves
            for (String site : sites) {
                long[] read = auditSite(h, site, suspects);
                counts[1] += read[0];
                counts[2] += read[1];
                movesRead.accept(counts[2]);
            }
            return counts;
        });
        List<Difference> confirmed = suspects.isEmpty()
                ? List.of()
                : ledger.write(h -> suspects.stream()
                        .map(d -> differenceOf(h, d.position()))
                        .flatMap(Optional::stream)
                        .toList());
        return new Report(totals[0], totals[1], totals[2], confirmed);
    }

    /**
     * Sets the positions of {@code differences} from their moves in one transaction, those that still differ then
     * (read again under the write lock); returns them.
     */
    public List<Difference> repair(List<Difference> differences) {
        return ledger.write(h -> {
            List<Difference> repaired = new ArrayList<>();
            for (Difference d : differences) {
                Optional<Difference> now = differenceOf(h, d.position());
                if (now.isEmpty()) {
                    continue;
                }
                if (now.get().folded() == null) {
                    StockLevels.removeLevel(h, d.position());
                } else {
                    StockLevels.recompute(h, Set.of(d.position()));
                }
                repaired.add(now.get());
            }
            return repaired;
        });
    }

    /** Folds the moves of {@code site} and adds the positions whose level differs to {@code suspects}. */
    private static long[] auditSite(Handle h, String site, List<Difference> suspects) {
        Map<String, Long> levels = StockLevels.onHandAt(h, site);
        long[] counts = {0, 0}; // positions, moves
        String[] sku = {null};
        long[] onHand = {0};
        List<Difference> found = new ArrayList<>();
        StockLevels.movesAt(h, site, (next, kind, qty) -> {
            if (!next.equals(sku[0])) {
                if (sku[0] != null) {
                    compare(site, sku[0], onHand[0], levels, found);
                }
                sku[0] = next;
                onHand[0] = 0;
                counts[0]++;
            }
            onHand[0] = kind.apply(onHand[0], qty);
            counts[1]++;
        });
        if (sku[0] != null) {
            compare(site, sku[0], onHand[0], levels, found);
        }
        levels.forEach((k, recorded) -> found.add(new Difference(new Position(site, k), recorded, null)));
        found.sort((a, b) -> a.position().sku().compareTo(b.position().sku()));
        suspects.addAll(found);
        return counts;
    }

    private static void compare(
            String site, String sku, long folded, Map<String, Long> levels, List<Difference> found) {
        Long recorded = levels.remove(sku);
        if (recorded == null || recorded != folded) {
            found.add(new Difference(new Position(site, sku), recorded, folded));
        }
    }

    /** How {@code p}'s level and moves differ now, read in {@code h}'s transaction; empty when they agree. */
    private static Optional<Difference> differenceOf(Handle h, Position p) {
        Long recorded = StockLevels.recordedOnHand(h, p).orElse(null);
        Long folded = StockLevels.foldedOnHand(h, p).orElse(null);
        return Objects.equals(recorded, folded) ? Optional.empty() : Optional.of(new Difference(p, recorded, folded));
    }
}
