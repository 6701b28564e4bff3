package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import io.chanops.replenish.check.ScenarioLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's COPY of the moves stores exactly what the plain INSERT path stores (needs a server: see
 * {@link TestPostgres}; skipped without one).
 */
class MoveCopyTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void copyStoresExactlyWhatPlainInsertsStore() {
        Ledger ledger = schemas.freshLedger();
        ScenarioLedger.importMasterData(
                ledger,
                TestLedgers.write(dir, "sites.csv", RandomMoves.SITES),
                TestLedgers.write(dir, "catalog.csv", RandomMoves.CATALOG),
                NOW);
        // refs of every kind: none, ASCII, non-ASCII, formula-like, and the characters COPY's text format escapes that
        // a file may hold (a tab, a backslash)
        String[] lines = RandomMoves.lines(
                11, 3000, "", "R-%d", "票据-%d", "'=%d", "Ü-%d", "back\\\\slash-%d", "\"tab\there-%d\"");
        Moves moves = MoveImport.read(
                TestLedgers.write(dir, "many.csv", lines),
                StandardCharsets.UTF_8,
                Set.of("S1", "S2"),
                Map.of("H1", ProductType.HANDSET, "A1", ProductType.ACCESSORY),
                w -> {},
                null);
        int[] rows = moves.sortIntoWritingOrder().rows();
        String select = "SELECT move_id, at, site_id, sku, kind, qty, ref, batch_id, pg_typeof(at)::text AS at_type "
                + "FROM stock_move ORDER BY move_id";
        long batch = ledger.read(h -> h.createQuery("SELECT MIN(batch_id) FROM import_batch")
                .mapTo(Long.class)
                .one());
        List<String> viaPlain = ledger.write(h -> {
            MoveInsert.insert(h, MoveInsert.Way.PLAIN, moves, rows, 1, batch);
            List<String> found = h.createQuery(select).mapToMap().list().stream()
                    .map(Object::toString)
                    .toList();
            h.execute("DELETE FROM stock_move");
            return found;
        });
        List<String> viaCopy = ledger.write(h -> {
            MoveInsert.insert(h, MoveInsert.Way.COPY, moves, rows, 1, batch);
            return h.createQuery(select).mapToMap().list().stream()
                    .map(Object::toString)
                    .toList();
        });
        assertThat(viaCopy).hasSize(3000).isEqualTo(viaPlain);
        assertThat(viaCopy)
                .anyMatch(r -> r.contains("票据-"))
                .anyMatch(r -> r.contains("ref=null"))
                .anyMatch(r -> r.contains("tab\there"))
                .anyMatch(r -> r.contains("back\\\\slash"));
    }

    /**
     * The levels' COPY path (staging table, one upsert) leaves stock_level as the multi-row upserts do: new positions
     * inserted, existing ones updated, text COPY must escape included.
     */
    @Test
    void levelsCopyStoresExactlyWhatUpsertsStore() {
        List<Map<Position, StockLevels.Level>> rounds = levelRounds(2500);
        assertThat(levelsAfter(rounds, (h, levels, before) -> StockLevels.upsert(h, levels, true)))
                .hasSizeGreaterThan(2500)
                .isEqualTo(levelsAfter(rounds, (h, levels, before) -> StockLevels.upsert(h, levels, false)))
                .anyMatch(r -> r.contains("票\\t\tA"));
    }

    /**
     * An import's levels on PostgreSQL (new positions COPY'd straight into stock_level, existing ones upserted) leave
     * stock_level as the multi-row upserts do, over rounds with new positions only, then both kinds, many of each.
     */
    @Test
    void importLevelsCopyStoresExactlyWhatUpsertsStore() {
        List<Map<Position, StockLevels.Level>> rounds = levelRounds(6000);
        assertThat(levelsAfter(rounds, (h, levels, before) -> StockLevels.write(h, levels, before, true)))
                .hasSizeGreaterThan(3000)
                .isEqualTo(levelsAfter(rounds, (h, levels, before) -> StockLevels.write(h, levels, before, false)));
    }

    /** Writes levels in a round, knowing the positions earlier rounds wrote. */
    private interface LevelWrite {
        void apply(Handle h, Map<Position, StockLevels.Level> levels, Set<Position> before);
    }

    /** Two rounds of {@code draws} levels each over 4,000 positions (some with text COPY must escape). */
    private static List<Map<Position, StockLevels.Level>> levelRounds(int draws) {
        Random random = new Random(5);
        List<Map<Position, StockLevels.Level>> rounds = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Map<Position, StockLevels.Level> levels = new LinkedHashMap<>();
            for (int i = 0; i < draws; i++) {
                int p = random.nextInt(4000);
                levels.put(
                        new Position("S" + (p % 40), (p % 7 == 0 ? "票\\t\tA" : "SKU-") + (p / 40)),
                        new StockLevels.Level(
                                random.nextInt(200) - 20,
                                String.format("2026-03-%02d 10:00:%02d", 1 + round, random.nextInt(60)),
                                1 + random.nextInt(1_000_000)));
            }
            rounds.add(levels);
        }
        return rounds;
    }

    /** stock_level of a fresh PostgreSQL ledger after {@code write} of each round, one transaction a round. */
    private List<String> levelsAfter(List<Map<Position, StockLevels.Level>> rounds, LevelWrite write) {
        Ledger ledger = schemas.freshLedger();
        Set<Position> before = new HashSet<>();
        for (Map<Position, StockLevels.Level> levels : rounds) {
            ledger.write(h -> {
                write.apply(h, levels, Set.copyOf(before));
                return null;
            });
            before.addAll(levels.keySet());
        }
        return ledger.read(
                h -> h.createQuery("SELECT * FROM stock_level ORDER BY site_id, sku").mapToMap().list().stream()
                        .map(Object::toString)
                        .toList());
    }

    @Test
    void theTextFormatEscapesWhatItMust() {
        assertThat(new String(MoveCopy.text("a\\b\tc\nd\re票"), StandardCharsets.UTF_8))
                .isEqualTo("a\\\\b\\tc\\nd\\re票");
    }
}
