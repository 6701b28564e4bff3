package io.chanops.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.reconcile.match.Category;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileServiceTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String PLATFORM = "order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status";
    private static final String BOSS = "业务流水号,外部订单号,手机号码,业务类型,受理时间,金额(分),状态,营业厅编码";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    Ledger ledger;
    Path profile;

    @BeforeEach
    void setUp() {
        ledger = TestLedgers.fresh(dir);
        profile = TestLedgers.sample("boss-profile.properties");
    }

    private RunOutcome run(Path platform, Path boss, String out, boolean carry, boolean force) {
        return run(platform, boss, out, carry, force, 1800, 0, w -> {});
    }

    private RunOutcome run(
            Path platform,
            Path boss,
            String out,
            boolean carry,
            boolean force,
            long windowSeconds,
            long toleranceFen,
            Consumer<String> warn) {
        return new ReconcileService(ledger)
                .run(
                        new RunRequest(
                                platform,
                                StandardCharsets.UTF_8,
                                boss,
                                profile,
                                dir.resolve(out),
                                toleranceFen,
                                windowSeconds,
                                carry,
                                false,
                                false,
                                force,
                                false,
                                NOW,
                                "tester"),
                        warn,
                        n -> {});
    }

    private Path january() {
        return TestLedgers.write(
                dir,
                "p1.csv",
                PLATFORM,
                "A,2026-01-05 10:00:00,web,GZ-WEB,13800000001,HS-RN14-128,1,1199.00,completed",
                "B,2026-01-05 11:00:00,app,GZ-TH-01,13800000002,SIM-STD,2,20.00,refunded",
                "C,2026-01-06 12:00:00,wap,GZ-WEB,13800000003,CT-5G-129-24,1,129.00,paid",
                "D,2026-01-07 12:00:00,web,GZ-WEB,13800000004,SIM-STD,1,10.00,completed");
    }

    private Path januaryBoss() {
        return TestLedgers.write(
                dir,
                "b1.csv",
                GB18030,
                BOSS,
                "S1,A,13800000001,终端销售,20260105100500,119900,正常,GZ-WEB",
                "S2,B,13800000002,号卡开户,20260105110500,2000,正常,GZ-TH-01",
                "S3,B,13800000002,退费冲正,20260105160000,-2000,已撤单,GZ-TH-01",
                "S4,,13800000003,合约办理,20260106121000,12900,正常,GZ-WEB",
                "S4,,13800000003,合约办理,20260106121000,12900,正常,GZ-WEB");
    }

    /**
     * A window longer than a day that matched an order to a BOSS row without an order ref days later (a window typed in
     * days for minutes) says how many and how far apart; a window of a day or less says nothing.
     */
    @Test
    void aLongWindowThatMatchedRowsDaysApartIsWarnedOf() {
        Path boss = TestLedgers.write(
                dir,
                "b-late.csv",
                GB18030,
                BOSS,
                "S1,A,13800000001,终端销售,20260105100500,119900,正常,GZ-WEB",
                "S4,,13800000003,合约办理,20260109121000,12900,正常,GZ-WEB");
        List<String> warnings = new ArrayList<>();
        RunOutcome week = run(january(), boss, "week", false, false, 7 * 86_400, 0, warnings::add);
        assertThat(week.summary().count(Category.MATCHED)).isEqualTo(2);
        assertThat(warnings)
                .contains("--window 7d matched 1 order to BOSS rows of the same number and amount more than a day"
                        + " apart (up to 3 days): they may be other transactions of the same customer; the window is"
                        + " for a BOSS row without an order ref accepted soon after the order (was minutes meant?)");
        warnings.clear();
        run(january(), boss, "day", false, true, 86_400, 0, warnings::add);
        assertThat(warnings).noneMatch(w -> w.startsWith("--window"));
    }

    @Test
    void aRunStoresItsFindingsConfirmedOrdersAndBossActivityAndWritesTheReports() throws Exception {
        RunOutcome o = run(january(), januaryBoss(), "out", false, false);

        List<String> users = ledger.read(h -> h.createQuery("SELECT os_user FROM reconcile_run")
                .mapTo(String.class)
                .list());
        assertThat(users)
                .as("the run is recorded under the user of its request")
                .containsExactly("tester");
        assertThat(o.summary().count(Category.MATCHED)).isEqualTo(3);
        assertThat(o.summary().count(Category.MISSING_IN_BOSS)).isEqualTo(1);
        assertThat(o.summary().count(Category.DUPLICATE_BOSS)).isEqualTo(1);
        List<Map<String, Object>> confirmed = confirmedOrders();
        assertThat(confirmed).hasSize(3);
        assertThat(confirmed.get(1))
                .containsEntry("order_id", "B")
                .containsEntry("platform_status", "refunded")
                .containsEntry("boss_live", 0)
                .containsEntry("boss_net_fen", 0)
                .containsEntry("qty", 2)
                .containsEntry("boss_accepted_at", "2026-01-05 16:00:00")
                .containsEntry("channel", "app");
        assertThat(confirmed.get(2))
                .containsEntry("matched_by", "fallback")
                .containsEntry("created_at", "2026-01-06 12:00:00");
        List<Map<String, Object>> items = ledger.read(
                h -> h.createQuery("SELECT category, order_id, boss_ids FROM reconcile_item ORDER BY item_id")
                        .mapToMap()
                        .list());
        assertThat(items).extracting(m -> m.get("category")).containsExactly("MISSING_IN_BOSS", "DUPLICATE_BOSS");
        // the duplicate copy of S4 is no transaction; the reversal S3 is
        List<Map<String, Object>> activity = ledger.read(h -> h.createQuery(
                        "SELECT day, site_id, rows_count, amount_fen FROM boss_activity ORDER BY day, site_id")
                .mapToMap()
                .list());
        assertThat(activity)
                .extracting(m ->
                        m.get("day") + " " + m.get("site_id") + " " + m.get("rows_count") + " " + m.get("amount_fen"))
                .containsExactly("2026-01-05 GZ-TH-01 2 0", "2026-01-05 GZ-WEB 1 119900", "2026-01-06 GZ-WEB 1 12900");
        assertThat(Files.readAllLines(dir.resolve("out/summary.csv")))
                .containsExactly(
                        "category,count,platform_amount,boss_amount",
                        "MATCHED,3,1348.00,1328.00",
                        "OK_CANCELLED,0,0.00,0.00",
                        "AMOUNT_MISMATCH,0,0.00,0.00",
                        "STATUS_MISMATCH,0,0.00,0.00",
                        "MISSING_IN_BOSS,1,10.00,0.00",
                        "MISSING_IN_PLATFORM,0,0.00,0.00",
                        "DUPLICATE_PLATFORM,0,0.00,0.00",
                        "DUPLICATE_BOSS,1,0.00,129.00",
                        "TOTAL,5,1358.00,1457.00");
        assertThat(Files.readAllLines(dir.resolve("out/discrepancies.csv")))
                .contains("MISSING_IN_BOSS,D,,13800000004,10.00,0.00,-10.00,completed,,,GZ-WEB,2026-01-07 12:00:00");
    }

    @Test
    void quantitiesAndFenWrittenWithSpacesSignsOrZeroPaddingReconcileAsThePlainFileDoes() throws Exception {
        run(january(), januaryBoss(), "plain", false, false);
        List<Map<String, Object>> plain = confirmedOrders();

        ledger = TestLedgers.fresh(Files.createDirectories(dir.resolve("padded-ledger")));
        Path platform = TestLedgers.write(
                dir,
                "p1-padded.csv",
                PLATFORM,
                "A,2026-01-05 10:00:00,web,GZ-WEB,13800000001,HS-RN14-128, 1 ,1199.00,completed",
                "B,2026-01-05 11:00:00,app,GZ-TH-01,13800000002,SIM-STD,+2,20.00,refunded",
                "C,2026-01-06 12:00:00,wap,GZ-WEB,13800000003,CT-5G-129-24,0000000001,129.00,paid",
                "D,2026-01-07 12:00:00,web,GZ-WEB,13800000004,SIM-STD,\"+00000000000000001\",10.00,completed");
        Path boss = TestLedgers.write(
                dir,
                "b1-padded.csv",
                GB18030,
                BOSS,
                "S1,A,13800000001,终端销售,20260105100500,+119900,正常,GZ-WEB",
                "S2,B,13800000002,号卡开户,20260105110500, 2000,正常,GZ-TH-01",
                "S3,B,13800000002,退费冲正,20260105160000,-000000000000002000,已撤单,GZ-TH-01",
                "S4,,13800000003,合约办理,20260106121000,000000000000012900 ,正常,GZ-WEB",
                "S4,,13800000003,合约办理,20260106121000,12900,正常,GZ-WEB");
        RunOutcome o = run(platform, boss, "padded", false, false);

        assertThat(o.platformTotalFen()).isEqualTo(135800);
        assertThat(confirmedOrders()).isEqualTo(plain);
        for (String report : List.of("summary.csv", "discrepancies.csv")) {
            assertThat(Files.readString(dir.resolve("padded").resolve(report)))
                    .as(report)
                    .isEqualTo(Files.readString(dir.resolve("plain").resolve(report)));
        }
    }

    /** The stored confirmed orders by order_id, as the table's columns (small numbers as ints). */
    private List<Map<String, Object>> confirmedOrders() {
        List<Map<String, Object>> rows = new ArrayList<>();
        ledger.read(h -> h.createQuery(
                                "SELECT run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, amount_fen, "
                                        + "boss_net_fen, boss_accepted_at, platform_status, boss_live, matched_by FROM "
                                        + "confirmed_order ORDER BY order_id")
                        .mapToMap()
                        .list())
                .forEach(row -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    row.forEach((column, value) -> m.put(
                            column,
                            column.equals("run_id") || !(value instanceof Number n) ? value : (Object) n.intValue()));
                    m.put("run_id", ((Number) row.get("run_id")).longValue());
                    rows.add(m);
                });
        return rows;
    }

    @Test
    void theSamePairOfFilesIsRefusedUnlessForced() {
        Path p = january();
        Path b = januaryBoss();
        run(p, b, "one", false, false);
        assertThatThrownBy(() -> run(p, b, "two", false, false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("already reconciled as run 1");
        assertThat(Files.exists(dir.resolve("two"))).isFalse();
        assertThat(run(p, b, "three", false, true).runId()).isEqualTo(2);
    }

    /**
     * January reconciled (order D left MISSING_IN_BOSS), then February's files with {@code --carry} and the run's
     * tolerance: order E and its BOSS row, and D's BOSS row, found late, of {@code lateFen}.
     */
    private RunOutcome februaryFindingDLate(long lateFen, long toleranceFen) {
        run(january(), januaryBoss(), "jan", false, false);
        Path feb = TestLedgers.write(
                dir, "p2.csv", PLATFORM, "E,2026-02-02 10:00:00,web,GZ-WEB,13800000005,SIM-STD,1,10.00,completed");
        Path febBoss = TestLedgers.write(
                dir,
                "b2.csv",
                GB18030,
                BOSS,
                "T1,E,13800000005,号卡开户,20260202100500,1000,正常,GZ-WEB",
                "T2,D,13800000004,号卡开户,20260203101705," + lateFen + ",正常,GZ-WEB");
        return run(feb, febBoss, "feb", true, false, 1800, toleranceFen, w -> {});
    }

    /** The run that resolved January's MISSING_IN_BOSS item of order D. */
    private long runResolvingD() {
        return ledger.read(
                h -> h.createQuery("SELECT resolved_run_id FROM reconcile_item WHERE order_id = 'D' AND run_id = 1")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void carryResolvesAnEarlierMissingInBossOrderAndConfirmsIt() {
        RunOutcome o = februaryFindingDLate(1000, 0);

        assertThat(o.summary().count(Category.RESOLVED_LATE)).isEqualTo(1);
        assertThat(o.summary().count(Category.MISSING_IN_PLATFORM)).isZero();
        assertThat(o.hasDiscrepancies()).isFalse();
        assertThat(runResolvingD()).isEqualTo(2);
        long confirmed = confirmedOrders().stream()
                .filter(m -> m.get("run_id").equals(2L) && m.get("order_id").equals("D"))
                .count();
        assertThat(confirmed).isEqualTo(1);
        assertThat(new RunHistory(ledger).findings(2, Optional.of(Category.RESOLVED_LATE)))
                .singleElement()
                .satisfies(f -> assertThat(f.ageDays()).isEqualTo(27));
        // once closed, it is not carried again
        Path febBoss2 =
                TestLedgers.write(dir, "b3.csv", GB18030, BOSS, "T3,D,13800000004,号卡开户,20260204101705,1000,正常,GZ-WEB");
        RunOutcome again = run(dir.resolve("p2.csv"), febBoss2, "feb2", true, false);
        assertThat(again.summary().count(Category.RESOLVED_LATE)).isZero();
    }

    /**
     * An order found late whose BOSS group disagrees with it (an amount beyond the tolerance, or one side not live) is
     * closed as RESOLVED_LATE but not confirmed, and the run reports it as it would an AMOUNT_MISMATCH or
     * STATUS_MISMATCH (exit 3); within the tolerance it is confirmed, as a MATCHED order is.
     */
    @Test
    void anOrderFoundLateThatDisagreesWithBossIsClosedUnconfirmedAndReported() {
        RunOutcome o = februaryFindingDLate(900, 0);

        assertThat(o.summary().count(Category.RESOLVED_LATE)).isEqualTo(1);
        assertThat(o.summary().discrepancies()).isZero();
        assertThat(o.lateDisagreeing()).isEqualTo(1);
        assertThat(o.hasDiscrepancies()).isTrue();
        assertThat(confirmedOrders().stream().filter(m -> m.get("order_id").equals("D")))
                .isEmpty();
        assertThat(runResolvingD()).isEqualTo(2);
    }

    @Test
    void anOrderFoundLateWithinTheToleranceIsConfirmed() {
        RunOutcome o = februaryFindingDLate(999, 1);

        assertThat(o.lateDisagreeing()).isZero();
        assertThat(o.hasDiscrepancies()).isFalse();
        assertThat(confirmedOrders().stream().filter(m -> m.get("order_id").equals("D")))
                .singleElement()
                .satisfies(m -> assertThat(m.get("run_id")).isEqualTo(2L));
    }

    @Test
    void aRejectedInputWritesNothing() {
        Path bad =
                TestLedgers.write(dir, "bad.csv", GB18030, BOSS, "S1,A,13800000001,终端销售,20260105100500,abc,正常,GZ-WEB");
        assertThat(TestLedgers.rejection(() -> run(january(), bad, "x", false, false)))
                .containsExactly(bad + ":2: 金额(分): 'abc' is not a whole number of fen (amount.unit=fen)");
        int runs = ledger.read(h -> h.createQuery("SELECT count(*) FROM reconcile_run")
                .mapTo(Integer.class)
                .one());
        assertThat(runs).isZero();
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    /** Platform orders saved from a spreadsheet that wrote their long numbers in scientific notation: refused. */
    @Test
    void aPlatformOrderWhoseIdOrPhoneASpreadsheetRewroteIsRefused() {
        Path saved = platformFile(
                "saved.csv",
                "A,2026-01-05 10:00:00,web,GZ-WEB,1.38E+10,HS-RN14-128,1,1199.00,completed",
                "2.60105E+11,2026-01-05 11:00:00,app,GZ-TH-01,13800000002,SIM-STD,2,20.00,refunded");
        assertThat(platformRejection(saved))
                .containsExactly(
                        saved + ":2: msisdn: " + Cells.scientificProblem("1.38E+10"),
                        saved + ":3: order_id: " + Cells.scientificProblem("2.60105E+11"));
    }

    @Test
    void aPlatformStatusASlipAwayFromOneIsNamed() {
        Path orders = platformFile(
                "orders.csv",
                "A,2026-01-05 10:00:00,web,GZ-WEB,13800000001,HS-RN14-128,1,1199.00,complete",
                "B,2026-01-05 11:00:00,app,GZ-TH-01,13800000002,SIM-STD,2,20.00,returned");
        assertThat(platformRejection(orders))
                .containsExactly(
                        orders + ":2: status: 'complete' must be paid, completed, cancelled or refunded (did you mean"
                                + " 'completed'?)",
                        orders + ":3: status: 'returned' must be paid, completed, cancelled or refunded");
    }

    private Path platformFile(String name, String... rows) {
        List<String> lines = new ArrayList<>(List.of(PLATFORM));
        lines.addAll(List.of(rows));
        return TestLedgers.write(dir, name, lines.toArray(String[]::new));
    }

    /** The problems of a run of {@code platform} against a valid one-row BOSS export. */
    private List<String> platformRejection(Path platform) {
        Path boss =
                TestLedgers.write(dir, "b.csv", GB18030, BOSS, "S1,A,13800000001,终端销售,20260105100500,119900,正常,GZ-WEB");
        return TestLedgers.rejection(() -> run(platform, boss, "x", false, false));
    }
}
