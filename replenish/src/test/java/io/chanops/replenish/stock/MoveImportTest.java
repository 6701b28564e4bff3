package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.catalog.CatalogImport;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportVoice;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.check.ScenarioLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoveImportTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    Ledger ledger;

    @BeforeEach
    void masterData() {
        ledger = TestLedgers.fresh(dir);
        Path sites = TestLedgers.write(dir, "sites.csv", RandomMoves.SITES);
        Path catalog = TestLedgers.write(
                dir,
                "catalog.csv",
                "sku,type,name,price,status,channels,monthly_fee,months",
                "H1,handset,Phone,1000.00,listed,web|hall,,",
                "C1,contract,Plan,0,listed,hall,129.00,24");
        ScenarioLedger.importMasterData(ledger, sites, catalog, NOW);
    }

    /** A moves.csv-shaped file {@code name}: the header, then {@code rows}. */
    private Path movesFile(String name, String... rows) {
        return TestLedgers.writeRows(dir, name, "at,site_id,sku,kind,qty,ref", rows);
    }

    private MoveImport.Result<Void> importMoves(Path file, boolean force) {
        return new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(file, StandardCharsets.UTF_8, force, w -> {}, null, null);
    }

    /** {@code count} sales of H1 at S1 without a ref, one a minute from 10:00 on 1 March, newest first if {@code reversed}. */
    private static String[] salesWithoutRef(int count, boolean reversed) {
        String[] rows = new String[count];
        for (int i = 0; i < count; i++) {
            rows[reversed ? count - 1 - i : i] = String.format("2026-03-01 10:%02d,S1,H1,sale,1,", i);
        }
        return rows;
    }

    /**
     * A feed without refs exported again (another name, its rows in another order): every one of its moves is in the
     * ledger already, so it is refused, dry run too, and nothing is counted twice; --force imports it. A file of which
     * one move is new, or of fewer than ten moves, is imported as it is.
     */
    @Test
    void aFeedWithoutRefsExportedAgainIsRefusedUnlessForced() {
        List<String> firstDay = new ArrayList<>(List.of("2026-02-28 08:00,S1,H1,receipt,50,GRN-1"));
        firstDay.addAll(List.of(salesWithoutRef(12, false)));
        importMoves(movesFile("pos-0301.csv", firstDay.toArray(String[]::new)), false);
        assertThat(onHand("S1", "H1")).isEqualTo(50 - 12);

        Path again = movesFile("pos-0301-resent.csv", salesWithoutRef(12, true));
        assertThatThrownBy(() -> importMoves(again, false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining(again + ": every one of its 12 moves without a ref is in the ledger already, the"
                        + " same time, site, SKU, kind and quantity (the same feed exported again under another name?):"
                        + " importing it would count them twice; --force imports it anyway");
        assertThatThrownBy(() -> new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                        .validate(again, StandardCharsets.UTF_8, MoveImport.Booked.REFUSE, false, w -> {}, null))
                .isInstanceOf(InputRejectedException.class);
        assertThat(onHand("S1", "H1")).isEqualTo(50 - 12);

        List<String> oneNew = new ArrayList<>(List.of(salesWithoutRef(12, false)));
        oneNew.add("2026-03-01 11:00,S1,H1,sale,1,");
        importMoves(movesFile("pos-0301-late.csv", oneNew.toArray(String[]::new)), false);
        assertThat(onHand("S1", "H1")).isEqualTo(50 - 12 - 13);
        importMoves(movesFile("few.csv", salesWithoutRef(9, false)), false);
        assertThat(onHand("S1", "H1")).isEqualTo(50 - 12 - 13 - 9);
        importMoves(again, true);
        assertThat(onHand("S1", "H1")).isEqualTo(50 - 12 - 13 - 9 - 12);
    }

    /**
     * Moves dated more than a day after the clock are imported as dated, with one warning naming the first of them and
     * how many there are (a wrong year is the likely mistake); a day ahead is normal and passes quietly. The dry run
     * warns the same, in its words.
     */
    @Test
    void movesDatedMoreThanADayAheadAreImportedWithOneWarning() {
        Path file = movesFile(
                "ahead.csv",
                "2026-03-03 09:30,S1,H1,receipt,5,GRN-A", // exactly a day after NOW: quiet
                "2062-03-02 10:00,S1,H1,receipt,7,GRN-B",
                "2026-03-01 08:00,S1,H1,sale,1,POS-1",
                "2027-03-02 10:00,S1,H1,sale,2,POS-2");
        MoveImport moveImport = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        List<String> dryRun = new ArrayList<>();
        moveImport.validate(file, StandardCharsets.UTF_8, MoveImport.Booked.REFUSE, false, dryRun::add, null);
        List<String> warnings = new ArrayList<>();
        moveImport.importFile(file, StandardCharsets.UTF_8, false, warnings::add, null, null);
        assertThat(warnings)
                .containsExactly(
                        file + ":3: at: 2062-03-02 10:00:00 is more than a day after now (2026-03-02 09:30:00),"
                                + " as is 1 later row; imported as dated: check the year and month");
        assertThat(dryRun).isEqualTo(inDryRunWords(warnings));
        assertThat(onHand("S1", "H1")).isEqualTo(5 + 7 - 1 - 2);

        Path tomorrow = movesFile("tomorrow.csv", "2026-03-03 09:30,S1,H1,receipt,1,GRN-C");
        List<String> none = new ArrayList<>();
        moveImport.importFile(tomorrow, StandardCharsets.UTF_8, false, none::add, null, null);
        assertThat(none).isEmpty();
    }

    /** A numeric document ref a spreadsheet wrote in scientific notation is refused, by every way of reading. */
    @Test
    void aRefInScientificNotationIsRefusedByTheByteAndTheRowReading() {
        Path f = movesFile(
                "saved.csv",
                "2026-03-01 08:00,S1,H1,receipt,5,2.02603E+10",
                "2026-03-01 09:00,S1,H1,sale,1,20260301002");
        assertThat(ScanAgreement.agree(f))
                .isEqualTo("rejected:\n" + f + ":2: ref: " + Cells.scientificProblem("2.02603E+10"));
    }

    private MoveImport.Result<Void> importSkippingBooked(Path file) {
        return new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(file, StandardCharsets.UTF_8, false, MoveImport.Booked.SKIP_SAME, w -> {}, null, null);
    }

    /**
     * A feed whose files overlap: with SKIP_SAME the moves booked already (same document, time and quantity) are left
     * out and the rest imported in one batch; the same file again imports nothing. Without it the overlap is refused.
     */
    @Test
    void anOverlappingFeedImportsOnlyItsNewMovesWhenBookedOnesAreSkipped() {
        importMoves(
                movesFile(
                        "day1.csv",
                        "2026-03-01 08:00,S1,H1,receipt,10,GRN-1",
                        "2026-03-01 09:00,S1,H1,sale,1,POS-1",
                        "2026-03-01 10:00,S2,H1,receipt,4,GRN-2"),
                false);
        Path day2 = movesFile(
                "day2.csv",
                "2026-03-01 09:00,S1,H1,sale,1,POS-1",
                "2026-03-01 10:00,S2,H1,receipt,4,GRN-2",
                "2026-03-02 08:00,S1,H1,sale,2,POS-2",
                "2026-03-02 08:30,S2,H1,sale,1,POS-3");
        assertThat(TestLedgers.rejection(() -> importMoves(day2, false)))
                .hasSize(3)
                .startsWith(day2 + ": 2 of its 4 moves are in the ledger already, each the same move (a feed whose"
                        + " files overlap?): --skip-booked leaves them out and imports the other 2")
                .contains(day2 + ":2: ref: duplicate row: sale 'POS-1' of H1 at S1 is already in the ledger (batch 3,"
                        + " day1.csv)");

        MoveImport.Result<Void> r = importSkippingBooked(day2);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.positions()).isEqualTo(2);
        assertThat(onHand("S1", "H1")).isEqualTo(10 - 1 - 2);
        assertThat(onHand("S2", "H1")).isEqualTo(4 - 1);
        long written = ledger.read(h -> h.createQuery("SELECT rows_written FROM import_batch WHERE batch_id = :b")
                .bind("b", r.batchId())
                .mapTo(Long.class)
                .one());
        assertThat(written).isEqualTo(2);

        long batches = ledger.read(h -> h.createQuery("SELECT count(*) FROM import_batch")
                .mapTo(Long.class)
                .one());
        MoveImport.Result<Void> again = importSkippingBooked(day2);
        long batchesAfter = ledger.read(h -> h.createQuery("SELECT count(*) FROM import_batch")
                .mapTo(Long.class)
                .one());
        assertThat(batchesAfter).as("nothing written, not even a batch").isEqualTo(batches);
        assertThat(again.rows()).isZero();
        assertThat(again.batchId()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
        assertThat(again.after()).isNull();
        assertThat(onHand("S1", "H1")).isEqualTo(7);

        MoveImport.Validated<Void> dry = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .validate(day2, StandardCharsets.UTF_8, MoveImport.Booked.SKIP_SAME, false, w -> {}, null);
        assertThat(dry).isEqualTo(new MoveImport.Validated<Void>(4, 2, 4, null));
    }

    /**
     * Skipping leaves out only the same move again: a booked document with another quantity or time (a corrected
     * document) is refused, naming both; so is a move without a ref, which could not be told from one imported before.
     */
    @Test
    void skippingBookedMovesRefusesACorrectedDocumentAndAMoveWithoutRef() {
        importMoves(movesFile("day1.csv", "2026-03-01 09:00,S1,H1,receipt,5,GRN-1"), false);
        Path corrected = movesFile(
                "corrected.csv", "2026-03-01 09:00,S1,H1,receipt,6,GRN-1", "2026-03-02 08:00,S1,H1,sale,1,POS-9");
        assertThatThrownBy(() -> importSkippingBooked(corrected))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("corrected.csv:2: ref: duplicate row: receipt 'GRN-1' of H1 at S1 is already in"
                        + " the ledger (batch ")
                .hasMessageContaining(" at 2026-03-01 09:00:00 with qty 5, and this line says 2026-03-01 09:00:00 with"
                        + " qty 6: --skip-booked leaves out only the same move again");
        Path noRef = movesFile("noref.csv", "2026-03-02 08:00,S1,H1,sale,1,POS-9", "2026-03-02 08:05,S1,H1,sale,1,");
        assertThatThrownBy(() -> importSkippingBooked(noRef))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("noref.csv:3: ref: empty: --skip-booked needs a ref on every move");
        assertThat(onHand("S1", "H1")).isEqualTo(5);
    }

    /**
     * Positions a file takes below zero on hand are named in one warning after the commit (the first five, then a
     * count); positions already below zero, or that stay at zero or more, are not.
     */
    @Test
    void positionsTakenBelowZeroOnHandAreNamedInOneWarning() {
        List<String> warnings = new ArrayList<>();
        MoveImport moveImport = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        Path first =
                movesFile("first.csv", "2026-03-01 08:00,S1,H1,receipt,2,GRN-1", "2026-03-01 09:00,S1,H1,sale,5,POS-1");
        moveImport.importFile(first, StandardCharsets.UTF_8, false, warnings::add, null, null);
        assertThat(warnings)
                .containsExactly(first + ": on hand went below zero at 1 position: H1 at S1: -3 (was 0); more sold or"
                        + " sent out than received and counted, imported as given: a quantity typed wrong, or a receipt"
                        + " or count not imported yet?");
        warnings.clear();
        Path more = movesFile("more.csv", "2026-03-01 10:00,S1,H1,sale,1,POS-2");
        moveImport.importFile(more, StandardCharsets.UTF_8, false, warnings::add, null, null);
        assertThat(warnings).isEmpty();
        assertThat(onHand("S1", "H1")).isEqualTo(-4);
    }

    /**
     * A dry run gives the warnings the import then gives (moves far back, on hand below zero), worded as what the
     * import would do: also for back-dated positions, whose on hand it folds from the ledger's moves and the file's
     * together, reading only.
     */
    @Test
    void aDryRunWarnsOfTheLevelsTheImportWouldSet() {
        MoveImport moveImport = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        moveImport.importFile(
                movesFile(
                        "first.csv",
                        "2026-03-01 08:00,S1,H1,receipt,10,R-1",
                        "2026-03-01 18:00,S1,H1,count,4,INV-1",
                        "2026-03-01 08:00,S2,H1,receipt,3,R-2"),
                StandardCharsets.UTF_8,
                false,
                w -> {},
                null,
                null);
        Path file = movesFile(
                "next.csv",
                "2026-03-01 12:00,S1,H1,sale,20,S-1", // before the count, which sets on hand again
                "2026-03-01 19:00,S1,H1,sale,5,S-2", // after it: 4 - 5
                "2026-03-01 18:00,S2,H1,sale,1,S-3",
                "2025-03-01 12:00,S2,H1,sale,9,S-4", // a year typed wrong: -9, then the receipt, then the sale
                "2026-03-01 10:00,S1,C1,sale,1,"); // a contract: not stocked, refused
        assertThatThrownBy(() -> moveImport.validate(
                        file, StandardCharsets.UTF_8, MoveImport.Booked.REFUSE, false, w -> {}, null))
                .isInstanceOf(InputRejectedException.class);
        Path valid = movesFile(
                "valid.csv",
                "2026-03-01 12:00,S1,H1,sale,20,S-1",
                "2026-03-01 19:00,S1,H1,sale,5,S-2",
                "2026-03-01 18:00,S2,H1,sale,1,S-3",
                "2025-03-01 12:00,S2,H1,sale,9,S-4");
        List<String> dry = new ArrayList<>();
        moveImport.validate(valid, StandardCharsets.UTF_8, MoveImport.Booked.REFUSE, false, dry::add, null);
        assertThat(dry)
                .containsExactly(
                        valid + ": moves dated more than a month before the last move of their position in the ledger,"
                                + " at 1 position: H1 at S2: 2025-03-01 12:00:00, last 2026-03-01 08:00:00; would be"
                                + " imported as dated, on hand recomputed: a year typed wrong?",
                        valid + ": on hand would go below zero at 2 positions: H1 at S1: -1 (was 4), H1 at S2: -7 (was"
                                + " 3); more sold or sent out than received and counted, would be imported as given: a"
                                + " quantity typed wrong, or a receipt or count not imported yet?");
        assertThat(moveCount()).isEqualTo(3);
        List<String> real = new ArrayList<>();
        moveImport.importFile(valid, StandardCharsets.UTF_8, false, real::add, null, null);
        assertThat(dry).isEqualTo(inDryRunWords(real));
        assertThat(onHand("S1", "H1")).isEqualTo(-1);
        assertThat(onHand("S2", "H1")).isEqualTo(-7);
    }

    /**
     * Random files over a ledger that grows, most of them back-dated: the dry run of each folds the levels its import
     * then writes, and warns exactly as it does.
     */
    @Test
    void aDryRunWarnsAsTheImportOfRandomFilesDoes() {
        MoveImport moveImport = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        int warned = 0;
        for (int round = 0; round < 8; round++) {
            String[] lines = RandomMoves.lines(round, 25, "R" + round + "-%d", "");
            for (int i = 1; i < lines.length; i++) {
                lines[i] = lines[i].replace(",A1,", ",H1,");
            }
            Path file = TestLedgers.write(dir, "random-" + round + ".csv", lines);
            Moves moves = RandomMoves.read(file);
            Map<Position, Long> folded = ledger.read(h -> StockLevels.prepare(h, moves, moves.sortIntoWritingOrder(), 0)
                    .fold()
                    .foldBackDatedReadOnly(h)
                    .onHandAfter());
            List<String> dry = new ArrayList<>();
            moveImport.validate(file, StandardCharsets.UTF_8, MoveImport.Booked.REFUSE, true, dry::add, null);
            List<String> real = new ArrayList<>();
            moveImport.importFile(file, StandardCharsets.UTF_8, true, real::add, null, null);
            assertThat(dry).as("round " + round).isEqualTo(inDryRunWords(real));
            for (Map.Entry<Position, Long> level : folded.entrySet()) {
                assertThat(onHand(level.getKey().siteId(), level.getKey().sku()))
                        .as("round %d: the levels the dry run folded are those the import wrote", round)
                        .isEqualTo(level.getValue());
            }
            warned += real.stream().filter(w -> w.contains("below zero")).count();
        }
        assertThat(warned).as("the files take positions below zero").isPositive();
    }

    /** The import's warnings as a dry run words them. */
    private static List<String> inDryRunWords(List<String> warnings) {
        return warnings.stream()
                .map(w -> w.replace("on hand went below", "on hand would go below")
                        .replace("; imported as", "; would be imported as")
                        .replace(", imported as", ", would be imported as"))
                .toList();
    }

    @Test
    void aWarningOfManyPositionsNamesFiveAndCountsTheRest() {
        List<StockLevels.WentNegative> found = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            found.add(new StockLevels.WentNegative(new Position("S" + i, "H1"), i, -i));
        }
        List<String> warnings = new ArrayList<>();
        MoveImport.warnOfNegativeOnHand(Path.of("m.csv"), found, ImportVoice.IMPORT, p -> warnings.add(p.toString()));
        assertThat(warnings)
                .containsExactly(
                        "m.csv: on hand went below zero at 7 positions: H1 at S1: -1 (was 1), H1 at S2: -2 (was"
                                + " 2), H1 at S3: -3 (was 3), H1 at S4: -4 (was 4), H1 at S5: -5 (was 5) and 2 more; more sold"
                                + " or sent out than received and counted, imported as given: a quantity typed wrong, or a"
                                + " receipt or count not imported yet?");
    }

    private long onHand(String site, String sku) {
        return ledger.read(h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = :s AND sku = :k")
                .bind("s", site)
                .bind("k", sku)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    private long moveCount() {
        return ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM stock_move")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void onHandIsTheFoldOfMovesInTimeOrderAndACountResetsIt() {
        Path f = movesFile(
                "moves.csv",
                "2026-03-01 12:00,S1,H1,sale,2,S-2",
                "2026-03-01 08:00,S1,H1,receipt,10,R-1",
                "2026-03-01 13:00,S1,H1,count,5,INV-1",
                "2026-03-01 14:00,S1,H1,adjust,-1,ADJ-1",
                "2026-03-01 15:00,S1,H1,return,1,RT-1",
                "2026-03-01 16:00,S1,H1,transfer_out,2,T-1",
                "2026-03-01 16:00,S2,H1,transfer_in,2,T-1");
        MoveImport.Result<Void> r = importMoves(f, false);
        assertThat(r.rows()).isEqualTo(7);
        assertThat(r.positions()).isEqualTo(2);
        assertThat(onHand("S1", "H1")).isEqualTo(5 - 1 + 1 - 2);
        assertThat(onHand("S2", "H1")).isEqualTo(2);
    }

    @Test
    void onHandOfManyPositionsFindsThoseWithALevelAcrossQueries() {
        Path f = movesFile(
                "moves.csv",
                "2026-03-01 08:00,S1,H1,receipt,10,R-1",
                "2026-03-01 09:00,S2,H1,receipt,3,R-2",
                "2026-03-01 10:00,S2,H1,sale,1,S-1");
        importMoves(f, false);
        List<Position> asked = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            asked.add(new Position("S" + (i + 3), "H1")); // no such level: more than one query's worth
        }
        asked.add(700, new Position("S2", "H1"));
        asked.add(new Position("S1", "H1"));
        asked.add(new Position("S1", "C1"));
        assertThat(new StockRepository(ledger).onHandOf(asked))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(new Position("S1", "H1"), 10L, new Position("S2", "H1"), 2L));
    }

    @Test
    void aBackDatedFileRecomputesThePositionFromAllMoves() {
        importMoves(
                movesFile("a.csv", "2026-03-01 08:00,S1,H1,receipt,10,R-1", "2026-03-01 18:00,S1,H1,count,4,INV-1"),
                false);
        assertThat(onHand("S1", "H1")).isEqualTo(4);
        // a sale before the count does not change on hand: the later count wins
        importMoves(movesFile("b.csv", "2026-03-01 12:00,S1,H1,sale,3,S-9"), false);
        assertThat(onHand("S1", "H1")).isEqualTo(4);
        // a sale after the count does
        importMoves(movesFile("c.csv", "2026-03-01 19:00,S1,H1,sale,1,S-10"), false);
        assertThat(onHand("S1", "H1")).isEqualTo(3);
    }

    /**
     * Moves dated more than a month before their position's last move in the ledger (last year's date typed in
     * January) are imported as dated with one warning; a day back, or a first load, is quiet.
     */
    @Test
    void movesDatedMoreThanAMonthBeforeTheirPositionsLastMoveAreWarnedOf() {
        List<String> warnings = new ArrayList<>();
        MoveImport moveImport = new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()));
        moveImport.importFile(
                movesFile("first.csv", "2026-03-01 08:00,S1,H1,receipt,10,R-1"),
                StandardCharsets.UTF_8,
                false,
                warnings::add,
                null,
                null);
        moveImport.importFile(
                movesFile("yesterday.csv", "2026-02-28 08:00,S1,H1,receipt,1,R-2"),
                StandardCharsets.UTF_8,
                false,
                warnings::add,
                null,
                null);
        assertThat(warnings).isEmpty();
        Path lastYear = movesFile("typo.csv", "2025-03-01 12:00,S1,H1,sale,2,S-1");
        moveImport.importFile(lastYear, StandardCharsets.UTF_8, false, warnings::add, null, null);
        assertThat(warnings)
                .containsExactly(lastYear + ": moves dated more than a month before the last move of their position in"
                        + " the ledger, at 1 position: H1 at S1: 2025-03-01 12:00:00, last 2026-03-01 08:00:00;"
                        + " imported as dated, on hand recomputed: a year typed wrong?");
        assertThat(onHand("S1", "H1")).isEqualTo(9);
    }

    @Test
    void everyBadRowIsReportedWithFileLineAndColumnAndNothingIsWritten() {
        Path f = movesFile(
                "moves.csv",
                "2026-03-01 10:00,S1,H1,sale,1,S-1",
                "2026-02-30 10:00,S1,H1,sale,1,S-2",
                "2026-03-01 10:00,S9,H1,sale,1,S-3",
                "2026-03-01 10:00,S1,X1,sale,1,S-4",
                "2026-03-01 10:00,S1,C1,sale,1,S-5",
                "2026-03-01 10:00,S1,H1,sold,1,S-6",
                "2026-03-01 10:00,S1,H1,sale,1.5,S-7",
                "2026-03-01 10:00,S1,H1,sale,-1,S-8",
                "2026-03-01 10:00,S1,H1,count,-1,INV",
                "2026-03-01 10:00,S1,H1,adjust,0,ADJ",
                "2026-03-01 10:00,S1,H1,sale,1,S-1",
                "2026-03-01 10:00,S1,H1,transfer-in,1,T-1");
        assertThat(TestLedgers.rejection(() -> importMoves(f, false)))
                .containsExactly(
                        f + ":3: at: '2026-02-30 10:00' is not a date-time YYYY-MM-DD HH:MM[:SS]: February 2026 has"
                                + " 28 days",
                        f + ":4: site_id: unknown site 'S9' (import it with 'site import' first)",
                        f + ":5: sku: unknown SKU 'X1' (import it with 'catalog import' first)",
                        f + ":6: sku: 'C1' is a contract, which is not stocked",
                        f
                                + ":7: kind: 'sold' is not one of receipt, sale, return, transfer_in, transfer_out, "
                                + "adjust, count",
                        f + ":8: qty: '1.5' is not a whole number",
                        f + ":9: qty: '-1' must be a positive whole number for a sale",
                        f + ":10: qty: a count is the counted on hand and cannot be negative",
                        f + ":11: qty: an adjust of 0 changes nothing",
                        f + ":12: ref: duplicate row: sale 'S-1' of H1 at S1 is already on line 2",
                        f + ":13: kind: 'transfer-in' is not one of receipt, sale, return, transfer_in, transfer_out,"
                                + " adjust, count (did you mean 'transfer_in'?)");
        assertThat(moveCount()).isZero();
        assertThat((Long) ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM import_batch WHERE kind = 'moves'")
                        .mapTo(Long.class)
                        .one()))
                .isZero();
    }

    @Test
    void wrongHeaderIsRejected() {
        Path f = TestLedgers.write(dir, "moves.csv", "when,site,sku,kind,qty", "2026-03-01 10:00,S1,H1,sale,1");
        assertThat(TestLedgers.rejection(() -> importMoves(f, false)))
                .containsExactly(
                        f + ":1: at: required column is missing from the header",
                        f + ":1: site_id: required column is missing from the header");
    }

    @Test
    void theSameFileTwiceIsRefusedUnlessForced() {
        Path f = movesFile("moves.csv", "2026-03-01 10:00,S1,H1,receipt,5,");
        importMoves(f, false);
        assertThatThrownBy(() -> importMoves(f, false)).hasMessageContaining("already imported as batch");
        assertThat(onHand("S1", "H1")).isEqualTo(5);
        importMoves(f, true);
        assertThat(onHand("S1", "H1")).isEqualTo(10);
        // a file whose documents are booked says first that it was imported before; forced, its documents still repeat
        Path withRef = movesFile("grn.csv", "2026-03-01 11:00,S1,H1,receipt,5,GRN-1");
        importMoves(withRef, false);
        assertThatThrownBy(() -> importMoves(withRef, false)).hasMessageContaining("already imported as batch");
        assertThatThrownBy(() -> importMoves(withRef, true))
                .hasMessageContaining(":2: ref: duplicate row: receipt 'GRN-1'");
        assertThat(onHand("S1", "H1")).isEqualTo(15);
        // the digest is computed during the insert and recorded in the same transaction
        List<String> digests =
                ledger.read(h -> h.createQuery("SELECT sha256 FROM import_batch WHERE kind = 'moves' ORDER BY batch_id")
                        .mapTo(String.class)
                        .list());
        String sha = FileDigest.sha256(f);
        assertThat(digests).containsExactly(sha, sha, FileDigest.sha256(withRef));
    }

    @Test
    void rowsWithoutRefAreNeverDuplicates() {
        Path f = movesFile(
                "moves.csv",
                "2026-03-01 08:00,S1,H1,receipt,5,",
                "2026-03-01 10:00,S1,H1,sale,1,",
                "2026-03-01 10:00,S1,H1,sale,1,");
        importMoves(f, false);
        assertThat(onHand("S1", "H1")).isEqualTo(3);
    }

    @Test
    void quotedCellsCrlfAndABomReadAsThePlainFileDoes() throws Exception {
        Path plain = movesFile(
                "plain.csv", "2026-03-01 08:00,S1,H1,receipt,10,R-1", "2026-03-01 12:00,S1,H1,sale,2,\"S,2\"");
        Path crlf = dir.resolve("crlf.csv");
        Files.write(
                crlf,
                ("\uFEFFat,site_id,sku,kind,qty,ref\r\n2026-03-01 08:00,S2,H1,receipt,10,R-1\r\n\r\n"
                                + "2026-03-01 12:00,S2,H1,sale,2,S-2\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        importMoves(plain, false);
        importMoves(crlf, false);
        assertThat(onHand("S1", "H1")).isEqualTo(8);
        assertThat(onHand("S2", "H1")).isEqualTo(8);
        assertThat((String) ledger.read(
                        h -> h.createQuery("SELECT ref FROM stock_move WHERE site_id = 'S1' AND kind = 'sale'")
                                .mapTo(String.class)
                                .one()))
                .isEqualTo("S,2");
    }

    @Test
    void movesGetConsecutiveIdsInPositionAndTimeOrderAcrossImports() {
        importMoves(
                movesFile(
                        "a.csv",
                        "2026-03-01 12:00,S2,H1,receipt,1,",
                        "2026-03-01 08:00,S1,H1,receipt,1,",
                        "2026-03-01 09:00,S1,H1,receipt,1,"),
                false);
        importMoves(movesFile("b.csv", "2026-03-02 08:00,S1,H1,sale,1,"), false);
        List<String> ids = ledger.read(
                h -> h.createQuery("SELECT move_id || ' ' || site_id || ' ' || at FROM stock_move ORDER BY move_id")
                        .mapTo(String.class)
                        .list());
        assertThat(ids)
                .containsExactly(
                        "1 S1 2026-03-01 08:00:00",
                        "2 S1 2026-03-01 09:00:00",
                        "3 S2 2026-03-01 12:00:00",
                        "4 S1 2026-03-02 08:00:00");
        assertThat((Long) ledger.read(h -> h.createQuery("SELECT last_move_id FROM stock_level WHERE site_id = 'S1'")
                        .mapTo(Long.class)
                        .one()))
                .isEqualTo(4);
    }

    @Test
    void aSiteRemovedWhileTheFileWasReadRejectsTheImportInItsTransaction() {
        Path f = movesFile("moves.csv", "2026-03-01 08:00,GONE,H1,receipt,1,");
        Moves moves = MoveReader.read(
                f,
                StandardCharsets.UTF_8,
                Set.of("GONE", "S1"),
                Map.of("H1", ProductType.HANDSET),
                w -> {},
                null,
                MoveReader.Scan.FAST);
        assertThatThrownBy(() -> ledger.writeBulk(h -> {
                    MoveImport.checkReferences(h, moves, f);
                    return null;
                }))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("site 'GONE' or SKU 'H1' was removed");
    }

    @Test
    void movesAreStoredAsTextValuesWhateverTheyAreBoundAsAndTheKindCheckIsOnAgainAfterwards() {
        // SQLite gets the text columns as UTF-8 blobs cast back to text, with its CHECK constraints off for the insert
        importMoves(
                movesFile("a.csv", "2026-03-01 12:00,S2,H1,receipt,1,票-1", "2026-03-01 08:00:30,S1,H1,transfer_out,2,"),
                false);
        List<String> rows = ledger.read(h -> h.createQuery("SELECT typeof(at) || typeof(site_id) || typeof(sku) "
                        + "|| typeof(kind) || typeof(ref) || ' ' || at || ' ' || site_id || ' ' || sku || ' ' || kind "
                        + "FROM stock_move ORDER BY move_id")
                .mapTo(String.class)
                .list());
        assertThat(rows)
                .containsExactly(
                        "texttexttexttextnull 2026-03-01 08:00:30 S1 H1 transfer_out",
                        "texttexttexttexttext 2026-03-01 12:00:00 S2 H1 receipt");
        int found = ledger.read(h -> h.createQuery(
                        "SELECT count(*) FROM stock_move WHERE site_id = 'S2' AND kind = 'receipt' AND ref = '票-1'")
                .mapTo(Integer.class)
                .one());
        assertThat(found).isEqualTo(1);

        Moves moves = MoveReader.read(
                movesFile("b.csv", "2026-03-02 08:00,S1,H1,sale,1,"),
                StandardCharsets.UTF_8,
                Set.of("S1"),
                Map.of("H1", ProductType.HANDSET),
                w -> {},
                null,
                MoveReader.Scan.FAST);
        int ignoring = ledger.writeBulk(h -> {
            MoveInsert.insert(
                    h, ledger.dialect(), moves, moves.sortIntoWritingOrder().rows(), 100, 1);
            return h.createQuery("PRAGMA ignore_check_constraints")
                    .mapTo(Integer.class)
                    .one();
        });
        assertThat(ignoring).isZero();
    }

    @Test
    void theSqliteBindingStoresExactlyWhatPlainParametersStore() {
        // 1,000 moves (many 64-row statements and a shorter last one) with refs of every kind: none, ASCII, non-ASCII,
        // formula-like; inserted once through SQLite's binder (bytes cast to text, numbered parameters) and once
        // through the portable one (Strings, eight parameters a row), into two tables of the same ledger
        String[] lines = RandomMoves.lines(7, 1000, "", "R-%d", "票据-%d", "'=%d", "Ü-%d");
        Path sites = TestLedgers.write(dir, "more-sites.csv", RandomMoves.SITES);
        Path catalog = TestLedgers.write(dir, "more-catalog.csv", RandomMoves.CATALOG);
        new SiteImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(sites, StandardCharsets.UTF_8, true, w -> {});
        new CatalogImport(new StockRepository(ledger), OperationContext.at(NOW, ledger.zone()))
                .importFile(ledger, catalog, StandardCharsets.UTF_8, true, w -> {});
        Moves moves = RandomMoves.read(TestLedgers.write(dir, "many.csv", lines));
        int[] rows = moves.sortIntoWritingOrder().rows();
        String columns =
                "move_id, typeof(at), at, site_id, typeof(site_id), sku, typeof(sku), kind, typeof(kind), qty, "
                        + "ref, typeof(ref), batch_id";
        List<String> viaSqlite = ledger.writeBulk(h -> {
            MoveInsert.insert(h, MoveInsert.Way.SQLITE, moves, rows, 1, 1);
            return h.createQuery("SELECT " + columns + " FROM stock_move ORDER BY move_id").mapToMap().list().stream()
                    .map(Object::toString)
                    .toList();
        });
        List<String> viaPlain = ledger.writeBulk(h -> {
            h.execute("DELETE FROM stock_move");
            MoveInsert.insert(h, MoveInsert.Way.PLAIN, moves, rows, 1, 1);
            return h.createQuery("SELECT " + columns + " FROM stock_move ORDER BY move_id").mapToMap().list().stream()
                    .map(Object::toString)
                    .toList();
        });
        assertThat(viaSqlite).hasSize(1000).isEqualTo(viaPlain);
        assertThat(viaSqlite).anyMatch(r -> r.contains("票据-")).anyMatch(r -> r.contains("ref=null"));
    }

    @Test
    void aDocumentBookedByAnEarlierFileIsADuplicateRowNamingItsLineAndBatch() {
        importMoves(
                movesFile("feb.csv", "2026-03-01 08:00,S1,H1,receipt,8,GRN-001", "2026-03-01 09:00,S1,H1,sale,1,"),
                false);
        Path again = movesFile(
                "mar.csv",
                "2026-03-01 10:00,S1,H1,receipt,5,GRN-002",
                "2026-03-01 09:00,S1,H1,sale,1,",
                "2026-03-01 08:00,S1,H1,receipt,8,GRN-001");
        assertThat(TestLedgers.rejection(() -> importMoves(again, false)))
                .containsExactly(again + ":4: ref: duplicate row: receipt "
                        + "'GRN-001' of H1 at S1 is already in the ledger (batch 3, feb.csv)");
        assertThatThrownBy(() -> new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                        .validate(again, StandardCharsets.UTF_8, MoveImport.Booked.REFUSE, false, w -> {}, null))
                .hasMessageContaining(":4: ref: duplicate row");
        assertThat(onHand("S1", "H1")).isEqualTo(7);
        assertThat(moveCount()).isEqualTo(2);
    }

    @Test
    void documentsAreLookedUpThroughTheirIndex() {
        String plan = ledger.read(h -> String.join(
                "\n",
                h.createQuery("EXPLAIN QUERY PLAN SELECT m.site_id, m.sku, m.kind, m.ref "
                                + "FROM (VALUES ('S1', 'H1', 'receipt', 'A'), ('S2', 'H1', 'sale', 'B')) AS v "
                                + "JOIN stock_move m ON m.site_id = v.column1 AND m.sku = v.column2 AND m.kind "
                                + "= v.column3 AND m.ref = v.column4 WHERE m.ref IS NOT NULL")
                        .map((rs, ctx) -> rs.getString(4))
                        .list()));
        assertThat(plan)
                .contains(
                        "SEARCH m USING COVERING INDEX stock_move_document (site_id=? AND sku=? AND kind=? AND ref=?)");
    }
}
