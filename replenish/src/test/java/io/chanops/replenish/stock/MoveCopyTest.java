package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chanops.ledger.DeferredIndexes;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import io.chanops.replenish.check.ScenarioLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
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
        List<String> viaPlain = storedMoves(
                (h, moves, rows, batch) -> MoveInsert.insert(h, MoveInsert.Way.PLAIN, moves, rows, 1, batch));
        List<String> viaCopy = storedMoves(
                (h, moves, rows, batch) -> MoveInsert.insert(h, MoveInsert.Way.COPY, moves, rows, 1, batch));
        assertThat(viaCopy).hasSize(3000).isEqualTo(viaPlain);
        assertThat(viaCopy)
                .anyMatch(r -> r.contains("票据-"))
                .anyMatch(r -> r.contains("ref=null"))
                .anyMatch(r -> r.contains("tab\there"))
                .anyMatch(r -> r.contains("back\\\\slash"));
    }

    /** A fresh PostgreSQL ledger with the sites and products of {@link RandomMoves}. */
    private Ledger ledgerWithMasterData() {
        Ledger ledger = schemas.freshLedger();
        ScenarioLedger.importMasterData(
                ledger,
                TestLedgers.write(dir, "sites.csv", RandomMoves.SITES),
                TestLedgers.write(dir, "catalog.csv", RandomMoves.CATALOG),
                NOW);
        return ledger;
    }

    /**
     * A feed whose files overlap, on PostgreSQL: the booked moves are found through the document index with their time
     * and quantity, left out, and the rest imported, as on SQLite ({@code MoveImportTest}).
     */
    @Test
    void anOverlappingFeedImportsOnlyItsNewMovesOnPostgresql() {
        Ledger ledger = ledgerWithMasterData();
        MoveImport imports = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        String header = "at,site_id,sku,kind,qty,ref";
        imports.importFile(
                TestLedgers.writeRows(
                        dir,
                        "day1.csv",
                        header,
                        "2026-03-01 08:00,S1,H1,receipt,10,GRN-1",
                        "2026-03-01 09:00,S1,H1,sale,1,P-1"),
                StandardCharsets.UTF_8,
                false,
                w -> {},
                null,
                null);
        Path day2 = TestLedgers.writeRows(
                dir, "day2.csv", header, "2026-03-01 09:00,S1,H1,sale,1,P-1", "2026-03-02 08:00,S1,H1,sale,2,P-2");
        MoveImport.Result<Void> r = imports.importFile(
                day2, StandardCharsets.UTF_8, false, MoveImport.Booked.SKIP_SAME, w -> {}, null, null);
        assertThat(r.rows()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        long onHand =
                ledger.read(h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = 'S1' AND sku = 'H1'")
                        .mapTo(Long.class)
                        .one());
        assertThat(onHand).isEqualTo(10 - 1 - 2);
    }

    /**
     * A feed without refs exported again, on PostgreSQL: its moves are looked up by key as on SQLite ({@code
     * MoveImportTest}), the file refused, then imported with --force.
     */
    @Test
    void aFeedWithoutRefsExportedAgainIsRefusedOnPostgresql() {
        Ledger ledger = ledgerWithMasterData();
        MoveImport imports = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(String.format("2026-03-01 10:%02d,S1,H1,receipt,%d,", i, i + 1));
        }
        String header = "at,site_id,sku,kind,qty,ref";
        imports.importFile(
                TestLedgers.writeRows(dir, "a.csv", header, rows.toArray(String[]::new)),
                StandardCharsets.UTF_8,
                false,
                w -> {},
                null,
                null);
        Collections.reverse(rows);
        Path again = TestLedgers.writeRows(dir, "b.csv", header, rows.toArray(String[]::new));
        assertThatThrownBy(() -> imports.importFile(again, StandardCharsets.UTF_8, false, w -> {}, null, null))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("every one of its 12 moves without a ref is in the ledger already");
        MoveImport.Result<Void> forced = imports.importFile(again, StandardCharsets.UTF_8, true, w -> {}, null, null);
        assertThat(forced.rows()).isEqualTo(12);
    }

    /**
     * A load larger than stock_move (its indexes built after the COPY, the insert trigger off and the references
     * checked once by key) stores what the plain inserts store, and leaves the same indexes and triggers.
     */
    @Test
    void copyWithDeferredIndexesStoresExactlyWhatPlainInsertsStore() {
        List<String> viaPlain = storedMoves(
                (h, moves, rows, batch) -> MoveInsert.insert(h, MoveInsert.Way.PLAIN, moves, rows, 1, batch));
        List<String> schemaBefore = new ArrayList<>();
        List<String> schemaDuring = new ArrayList<>();
        List<String> schemaAfter = new ArrayList<>();
        List<String> viaDeferred = storedMoves((h, moves, rows, batch) -> {
            schemaBefore.addAll(stockMoveSchema(h));
            new DeferredIndexes(h, "stock_move", 1).load(rows.length, () -> {
                MoveCopy.copyCheckingKeys(h, moves, rows, 1, batch);
                schemaDuring.addAll(stockMoveSchema(h));
            });
            schemaAfter.addAll(stockMoveSchema(h));
        });
        assertThat(viaDeferred).hasSize(3000).isEqualTo(viaPlain);
        assertThat(schemaBefore)
                .anyMatch(s -> s.startsWith("index stock_move_pkey "))
                .contains("trigger stock_move_references_insert O");
        assertThat(schemaDuring)
                .noneMatch(s -> s.startsWith("index"))
                .contains("trigger stock_move_references_insert O");
        assertThat(schemaAfter).isEqualTo(schemaBefore);
    }

    /** The keyed check refuses a move naming a missing batch, as the trigger does, and the trigger stays on. */
    @Test
    void copyCheckingKeysRefusesAMissingBatch() {
        TestPostgres.url(); // skips here without a server: the catch below would take the skip for the refusal
        Throwable refused = catchThrowable(() ->
                storedMoves((h, moves, rows, batch) -> MoveCopy.copyCheckingKeys(h, moves, rows, 1, batch + 100)));
        assertThat(refused)
                .hasMessageContaining("batch_id)=(")
                .hasMessageContaining("is not present in table \"import_batch\"");
    }

    /** What stock_move's indexes and triggers are: "index NAME DEFINITION" and "trigger NAME ENABLED" rows. */
    private static List<String> stockMoveSchema(Handle h) {
        List<String> schema = new ArrayList<>(TestPostgres.indexesOf(h, "stock_move").stream()
                .map(index -> "index " + index)
                .toList());
        schema.addAll(h.createQuery("SELECT 'trigger ' || tgname || ' ' || CAST(tgenabled AS text) FROM pg_trigger "
                        + "WHERE tgrelid = CAST('stock_move' AS regclass) AND NOT tgisinternal ORDER BY 1")
                .mapTo(String.class)
                .list());
        return schema;
    }

    /** Inserts moves on a handle: their rows in writing order, into a batch that exists. */
    private interface MovesInsert {
        void insert(Handle h, Moves moves, int[] rows, long batch) throws Exception;
    }

    /**
     * stock_move of a fresh PostgreSQL ledger after {@code insert} of 3,000 moves, one string per row in id order; refs
     * of every kind: none, ASCII, non-ASCII, formula-like, and the characters COPY's text format escapes that a file
     * may hold (a tab, a backslash).
     */
    private List<String> storedMoves(MovesInsert insert) {
        Ledger ledger = schemas.freshLedger();
        ScenarioLedger.importMasterData(
                ledger,
                TestLedgers.write(dir, "sites.csv", RandomMoves.SITES),
                TestLedgers.write(dir, "catalog.csv", RandomMoves.CATALOG),
                NOW);
        String[] lines = RandomMoves.lines(
                11, 3000, "", "R-%d", "票据-%d", "'=%d", "Ü-%d", "back\\\\slash-%d", "\"tab\there-%d\"");
        Moves moves = RandomMoves.read(TestLedgers.write(dir, "many.csv", lines));
        int[] rows = moves.sortIntoWritingOrder().rows();
        long batch = ledger.read(h -> h.createQuery("SELECT MIN(batch_id) FROM import_batch")
                .mapTo(Long.class)
                .one());
        return ledger.write(h -> {
            try {
                insert.insert(h, moves, rows, batch);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return h
                    .createQuery("SELECT move_id, at, site_id, sku, kind, qty, ref, batch_id, "
                            + "pg_typeof(at)::text AS at_type FROM stock_move ORDER BY move_id")
                    .mapToMap()
                    .list()
                    .stream()
                    .map(Object::toString)
                    .toList();
        });
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
