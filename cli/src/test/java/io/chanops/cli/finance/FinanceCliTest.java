package io.chanops.cli.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.OnSampleLedger;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.confirmed.ConfirmedOrder;
import io.chanops.reconcile.confirmed.ConfirmedOrderRepository;
import io.chanops.reconcile.confirmed.ConfirmedOrderWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end: commission and cost reports through the real CLI, on a ledger holding what reconcile runs stored. */
class FinanceCliTest extends OnSampleLedger {
    private String rules;

    @BeforeEach
    void setUp() {
        rules = TestLedgers.sample("commission-rules.csv").toString();
    }

    private void sql(String statement, Object... args) {
        Ledger ledger = Ledger.open(cli.db().toString(), Duration.ofSeconds(2));
        ledger.write(h -> h.execute(statement, args));
    }

    /** January's contract J-CT (GZ-TH-01, CT-5G-129-24), refunded on 2026-02-10, as run {@code run} stored it. */
    private void januaryContractRefunded(long run) {
        order(
                run,
                "J-CT",
                "2026-01-20 10:00:00",
                "GZ-TH-01",
                "CT-5G-129-24",
                1,
                0,
                "refunded",
                false,
                "2026-02-10 09:00:00");
    }

    private void run(long id, String at) {
        sql(
                "INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, boss_sha256, "
                        + "profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, discrepancies, "
                        + "os_user) VALUES (?, ?, 'p.csv', ?, 'b.csv', ?, 'boss.properties', 0, 30, 0, 0, 0, 'test')",
                id,
                at,
                "p" + id,
                "b" + id);
    }

    private void order(
            long run,
            String id,
            String created,
            String site,
            String sku,
            long qty,
            long netFen,
            String status,
            boolean live,
            String acceptedAt) {
        Ledger ledger = Ledger.open(cli.db().toString(), Duration.ofSeconds(2));
        ledger.write(h -> {
            try (ConfirmedOrderWriter w = new ConfirmedOrderRepository(h).writer(run)) {
                w.add(new ConfirmedOrder(
                        run,
                        id,
                        dateTime(created),
                        "web",
                        site,
                        "13800138000",
                        sku,
                        qty,
                        netFen,
                        netFen,
                        dateTime(acceptedAt),
                        status,
                        live,
                        "order_ref"));
            }
            return null;
        });
    }

    private static LocalDateTime dateTime(String text) {
        return LocalTimes.parseDateTime(text).orElseThrow();
    }

    private void activity(long run, String day, String site, long rows) {
        sql(
                "INSERT INTO boss_activity (run_id, day, site_id, rows_count, amount_fen) VALUES (?, ?, ?, ?, 0)",
                run,
                day,
                site,
                rows);
    }

    /** January and February as two monthly reconcile runs would store them. */
    private void reconciledJanuaryAndFebruary() {
        run(1, "2026-02-01 09:00:00");
        order(
                1,
                "J-CT",
                "2026-01-20 10:00:00",
                "GZ-TH-01",
                "CT-5G-129-24",
                1,
                12_900,
                "completed",
                true,
                "2026-01-20 10:01:00");
        order(
                1,
                "J-HS",
                "2026-01-10 10:00:00",
                "GZ-PY-P1",
                "HS-MI15-256",
                1,
                429_900,
                "completed",
                true,
                "2026-01-10 10:01:00");
        activity(1, "2026-01-20", "GZ-TH-01", 50);
        run(2, "2026-03-01 09:00:00");
        // February: a contract at a hall (CT-BASE 90.00), the spring promo SKU at a partner (sku beats channel:
        // 100.00),
        // a handset at the phone-market partner (site override 3.5%), SIMs online (fixed 5.00), an unknown site
        order(
                2,
                "F-CT",
                "2026-02-03 10:00:00",
                "GZ-TH-01",
                "CT-5G-129-24",
                1,
                12_900,
                "completed",
                true,
                "2026-02-03 10:01:00");
        order(
                2,
                "F-CT199",
                "2026-02-04 11:00:00",
                "GZ-PY-P1",
                "CT-5G-199-24",
                2,
                39_800,
                "paid",
                true,
                "2026-02-04 11:01:00");
        order(
                2,
                "F-HS",
                "2026-02-05 12:00:00",
                "GZ-TH-P2",
                "HS-MI15-256",
                1,
                429_900,
                "completed",
                true,
                "2026-02-05 12:01:00");
        order(
                2,
                "F-SIM",
                "2026-02-06 13:00:00",
                "GZ-WEB",
                "SIM-STD",
                3,
                3_000,
                "completed",
                true,
                "2026-02-06 13:01:00");
        order(
                2,
                "F-UNK",
                "2026-02-07 14:00:00",
                "SZ-XX-01",
                "AC-CHG-20W",
                1,
                14_900,
                "completed",
                true,
                "2026-02-07 14:01:00");
        // January's contract refunded on 2026-02-10: inside CT-BASE-JAN's 180 days, booked in February
        januaryContractRefunded(2);
        activity(2, "2026-02-03", "GZ-TH-01", 120);
        activity(2, "2026-02-04", "GZ-PY-P1", 40);
        activity(2, "2026-02-05", "GZ-TH-P2", 30);
        activity(2, "2026-02-06", "GZ-WEB", 200);
        activity(2, "2026-02-06", "GZ-SS-01", 10);
    }

    @Test
    void withoutARuleSetTheReportIsRefused() {
        CliHarness.Result r = cli.run("commission", "report", "--month", "2026-02");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("no commission rules in the ledger yet");
    }

    @Test
    void aBadRuleFileIsRejectedWithLocatedProblemsAndNothingIsLoaded() {
        Path bad = TestLedgers.write(
                dir,
                "rules.csv",
                "rule_id,channel,site_id,type,sku,basis,rate,tiers,valid_from,valid_to,clawback_days",
                "A,hall,,handset,,percent,1,,2026-01-01,,30",
                "B,hall,,handset,,percent,2,,2026-03-01,,30",
                "C,,,sim,,tiered,,1-100:10.00;150-:12.00,,,");
        CliHarness.Result r = cli.run("commission", "report", "--month", "2026-02", "--rules", bad.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err())
                .contains(bad + ":3: rule_id: rule B overlaps rule A (line 2)")
                .contains(bad + ":4: tiers: band '150-:12.00' should start at 101");
        assertThat(cli.run("commission", "report", "--month", "2026-02").err())
                .contains("no commission rules in the ledger yet");
    }

    @Test
    void aBadMonthIsAUsageError() {
        assertThat(cli.run("commission", "report", "--month", "2026-2").code()).isEqualTo(2);
        assertThat(cli.run("cost", "report", "--month", "Feb").code()).isEqualTo(2);
    }

    @Test
    void aMonthWithNoDataGivesAZeroTotal() {
        CliHarness.Result r = cli.run("commission", "report", "--month", "2025-11", "--rules", rules);
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "key,orders,units,amount,commission,clawback,net,name,month\r\nTOTAL,0,0,0.00,0.00,0.00,0.00,,2025-11\r\n");
        assertThat(r.err())
                .contains("set 1 from commission-rules.csv (16 rules) is now active")
                .contains(
                        "no BOSS-confirmed orders created in 2025-11 and no clawbacks booked in it (no BOSS export has"
                                + " been reconciled yet: 'chanops reconcile run' confirms orders)");
        // a year typed wrong shows against the months reconciled, in either report
        reconciledJanuaryAndFebruary();
        assertThat(cli.run("commission", "report", "--month", "2025-02").err())
                .contains("no BOSS-confirmed orders created in 2025-02 and no clawbacks booked in it (was the month"
                        + " reconciled? the reconciled BOSS exports have rows in 2026-01, 2026-02)");
        assertThat(cli.run("cost", "report", "--month", "2025-02").err())
                .contains("no BOSS transactions recorded for 2025-02 (was the month reconciled? the reconciled BOSS"
                        + " exports have rows in 2026-01, 2026-02)");
    }

    /** On the 1st, this month is not over and the next has not begun: both reports say so, naming the last full month. */
    @Test
    void aMonthNotOverOrNotBegunIsWarnedOfNamingTheLastFullMonth() {
        reconciledJanuaryAndFebruary();
        cli.at("2026-03-01 08:00");
        CliHarness.Result current = cli.run("commission", "report", "--month", "2026-03", "--rules", rules);
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.err())
                .contains("warning: 2026-03 is not over (today is 2026-03-01): the report covers what was reconciled so"
                        + " far and will change; the last full month is 2026-02");
        CliHarness.Result next = cli.run("cost", "report", "--month", "2026-04");
        assertThat(next.code()).as(next.toString()).isZero();
        assertThat(next.err())
                .contains(
                        "warning: 2026-04 has not begun (today is 2026-03-01): nothing can be confirmed in it yet; the"
                                + " last full month is 2026-02")
                .doesNotContain("was the month reconciled");
        assertThat(cli.run("commission", "report", "--month", "2026-02").err()).doesNotContain("not over");
    }

    /**
     * February reconciled against exports of its first six days only: both reports, once the month is over, name the
     * days no BOSS row covers; January's one day of rows leaves a gap at each end.
     */
    @Test
    void aMonthWhoseReconciledExportsLeaveDaysUncoveredIsWarnedOf() {
        reconciledJanuaryAndFebruary();
        cli.at("2026-03-02 09:30");
        String february = "warning: the BOSS exports reconciled for 2026-02 have no rows for 2026-02-07..2026-02-28 (22"
                + " days): orders of those days are not confirmed, so the report leaves them out (was part of the"
                + " month's export not reconciled?)";
        CliHarness.Result commission = cli.run("commission", "report", "--month", "2026-02", "--rules", rules);
        assertThat(commission.code()).as(commission.toString()).isZero();
        assertThat(commission.err()).contains(february);
        CliHarness.Result cost = cli.run("cost", "report", "--month", "2026-02");
        assertThat(cost.err()).contains(february);
        assertThat(cli.run("cost", "report", "--month", "2026-01").err())
                .contains("have no rows for 2026-01-01..2026-01-19 (19 days), 2026-01-21..2026-01-31 (11 days)");
        // a month not over is not judged: its exports may still come
        cli.at("2026-02-10 09:30");
        assertThat(cli.run("cost", "report", "--month", "2026-02").err()).doesNotContain("have no rows");
    }

    /**
     * January's report holds an order of its last evening that BOSS accepted on 1 February, and no BOSS export with a
     * January row was reconciled: the report is not empty, and the month is named as one without rows.
     */
    @Test
    void aMonthWithOrdersButNoBossRowsOfItsOwnIsWarnedOf() {
        run(1, "2026-02-02 09:00:00");
        order(
                1,
                "J-LATE",
                "2026-01-31 23:59:59",
                "GZ-TH-01",
                "CT-5G-129-24",
                1,
                12_900,
                "completed",
                true,
                "2026-02-01 00:00:10");
        activity(1, "2026-02-01", "GZ-TH-01", 1);
        cli.at("2026-03-05 10:00");
        CliHarness.Result january = cli.run("commission", "report", "--month", "2026-01", "--rules", rules);
        assertThat(january.code()).as(january.toString()).isZero();
        assertThat(january.out()).contains("GZ-TH-01,1,1,129.00");
        assertThat(january.err())
                .contains("warning: the BOSS exports reconciled have no rows in 2026-01: the report counts only its"
                        + " orders that BOSS accepted in another month (was 2026-01's export reconciled?)")
                .doesNotContain("no BOSS-confirmed orders");
        // an empty month is named once, by the report's own warning
        CliHarness.Result cost = cli.run("cost", "report", "--month", "2026-01");
        assertThat(cost.err())
                .contains("no BOSS transactions recorded for 2026-01")
                .doesNotContain("have no rows in");
    }

    @Test
    void februaryBySiteWithDetailAndClawback() throws IOException {
        reconciledJanuaryAndFebruary();
        Path detail = dir.resolve("detail.csv");
        CliHarness.Result r =
                cli.run("commission", "report", "--month", "2026-02", "--rules", rules, "--detail", detail.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().split("\r\n"))
                .containsExactly(
                        "key,orders,units,amount,commission,clawback,net,name,month",
                        "GZ-PY-P1,1,2,398.00,200.00,0.00,200.00,番禺市桥合作厅,2026-02",
                        "GZ-TH-01,1,1,129.00,90.00,-80.00,10.00,天河城营业厅,2026-02",
                        "GZ-TH-P2,1,1,4299.00,150.47,0.00,150.47,岗顶手机城合作厅,2026-02",
                        "GZ-WEB,1,3,30.00,15.00,0.00,15.00,网上营业厅(虚拟厅),2026-02",
                        "SZ-XX-01,1,1,149.00,7.45,0.00,7.45,,2026-02",
                        "TOTAL,5,8,5005.00,462.92,-80.00,382.92,,2026-02");
        assertThat(r.err())
                .contains("orders at sites not in the ledger")
                .contains("SZ-XX-01")
                .contains("booked 1 new clawbacks");
        List<String> lines = Files.readAllLines(detail, StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo(
                        "order_id,order_date,site_id,channel,sku,type,rule_id,basis,units,amount,commission,explain");
        assertThat(lines).hasSize(7);
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "F-CT199,2026-02-04,GZ-PY-P1,partner,CT-5G-199-24,contract,CT-199-SPRING,fixed,2,398.00,200.00,"));
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "F-HS,2026-02-05,GZ-TH-P2,partner,HS-MI15-256,handset,HS-GANGDING-PROMO,percent,1,4299.00,150.47,"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("F-UNK,2026-02-07,SZ-XX-01,,AC-CHG-20W,accessory,AC-BASE,percent,1,149.00,7.45,"));
        assertThat(lines.get(6))
                .startsWith("J-CT,2026-01-20,GZ-TH-01,hall,CT-5G-129-24,contract,CT-BASE-JAN,fixed,1,129.00,-80.00,")
                .contains("clawback: order of 2026-01-20 refunded on 2026-02-10");
        long detailSum = lines.stream()
                .skip(1)
                .mapToLong(l -> new BigDecimal(csvCell(l, 10)).movePointRight(2).longValueExact())
                .sum();
        assertThat(detailSum).isEqualTo(38_292);

        // January still shows what it paid; a second February run books nothing new and shows the same clawback once
        assertThat(cli.run("commission", "report", "--month", "2026-01", "--by", "channel")
                        .out()
                        .split("\r\n"))
                .containsExactly(
                        "key,orders,units,amount,commission,clawback,net,name,month",
                        "hall,1,1,129.00,80.00,0.00,80.00,own halls,2026-01",
                        "partner,1,1,4299.00,128.97,0.00,128.97,partner stores,2026-01",
                        "TOTAL,2,2,4428.00,208.97,0.00,208.97,,2026-01");
        run(3, "2026-03-02 09:00:00");
        januaryContractRefunded(3);
        CliHarness.Result again = cli.run("commission", "report", "--month", "2026-02", "--by", "rule");
        assertThat(again.err()).doesNotContain("new clawbacks");
        assertThat(again.out())
                .contains("CT-BASE-JAN,0,0,0.00,0.00,-80.00,-80.00,,2026-02\r\n")
                .contains("TOTAL,5,8,5005.00,462.92,-80.00,382.92");
    }

    private static String csvCell(String line, int index) {
        return line.split(",", -1)[index];
    }

    /** A what-if: the report under a draft rule file, files included, with the ledger left as it was. */
    @Test
    void aDryRunReportsUnderTheDraftRulesAndLeavesTheLedgerAsItWas() throws IOException {
        reconciledJanuaryAndFebruary();
        Path draft = dir.resolve("draft.csv");
        Files.writeString(
                draft,
                Files.readString(Path.of(rules), StandardCharsets.UTF_8)
                        .replace(
                                "HS-GANGDING-PROMO,,GZ-TH-P2,handset,,percent,3.5,",
                                "HS-GANGDING-PROMO,,GZ-TH-P2,handset,,percent,9.5,"),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("what-if.csv");
        CliHarness.Result whatIf = cli.run(
                "commission",
                "report",
                "--month",
                "2026-02",
                "--rules",
                draft.toString(),
                "--dry-run",
                "--out",
                out.toString());
        assertThat(whatIf.code()).as(whatIf.toString()).isZero();
        assertThat(whatIf.err())
                .contains("dry run: nothing written to the ledger (the rules of draft.csv were used; the active set is "
                        + "unchanged)")
                .contains("would book 1 new clawbacks");
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .contains("GZ-TH-P2,1,1,4299.00,408.41,0.00,408.41,") // 9.5 % of 4299.00, half up
                .contains("GZ-TH-01,1,1,129.00,90.00,-80.00,10.00,");

        assertThat(cli.run("commission", "rules", "--history", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(1); // no rule set was loaded
        CliHarness.Result real = cli.run("commission", "report", "--month", "2026-02", "--rules", rules);
        assertThat(real.out()).contains("GZ-TH-P2,1,1,4299.00,150.47,0.00,150.47,");
        assertThat(real.err()).contains("booked 1 new clawbacks"); // the dry run booked nothing

        // the cost report takes --dry-run as well: its commission under the draft, the active set kept
        CliHarness.Result cost =
                cli.run("cost", "report", "--month", "2026-02", "--rules", draft.toString(), "--dry-run");
        assertThat(cost.code()).as(cost.toString()).isZero();
        assertThat(cost.err()).contains("dry run: nothing written to the ledger (the rules of draft.csv were used");
        assertThat(cli.run("commission", "rules", "--history", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(2);
    }

    @Test
    void jsonKeepsNumbersAsNumbers() {
        reconciledJanuaryAndFebruary();
        CliHarness.Result r = cli.run(
                "commission", "report", "--month", "2026-02", "--rules", rules, "--format", "json", "--by", "channel");
        assertThat(r.out()).contains("\"key\" : \"TOTAL\"").contains("\"net\" : 382.92");
    }

    @Test
    void costReportPerChannelAddsUp() {
        reconciledJanuaryAndFebruary();
        Path rates = TestLedgers.sample("channel-rates.csv");
        CliHarness.Result r =
                cli.run("cost", "report", "--month", "2026-02", "--rates", rates.toString(), "--rules", rules);
        assertThat(r.code()).as(r.toString()).isZero();
        // hall 120 x 3.94 = 472.80 + commission 10.00; partner 70 x 2.86 = 200.20 + 350.47; web 200 x 0.18 = 36.00 +
        // 15.00;
        // self-service 10 x 0.25 = 2.50; the unknown site earned 7.45 and had no BOSS rows
        assertThat(r.out().split("\r\n"))
                .containsExactly(
                        "channel,transactions,share,cost_per_txn,transaction_cost,commission,total_cost,all_in_per_txn",
                        "hall,120,30.00,3.94,472.80,10.00,482.80,4.02",
                        "partner,70,17.50,2.86,200.20,350.47,550.67,7.87",
                        "e-channel,200,50.00,0.18,36.00,15.00,51.00,0.26",
                        "self-service,10,2.50,0.25,2.50,0.00,2.50,0.25",
                        "(unknown site),0,0.00,,0.00,7.45,7.45,",
                        "TOTAL,400,100.00,,711.50,382.92,1094.42,2.74");
    }

    @Test
    void costReportWithoutRatesSaysOnStderrThatItUsesTheDefaults() {
        reconciledJanuaryAndFebruary();
        CliHarness.Result defaults =
                cli.run("cost", "report", "--month", "2026-02", "--rules", rules, "--format", "csv");
        assertThat(defaults.code()).isZero();
        assertThat(defaults.err()).contains("no --rates: using the default cost per transaction");
        assertThat(defaults.out()).doesNotContain("default");
        Path rates = TestLedgers.sample("channel-rates.csv");
        CliHarness.Result given =
                cli.run("cost", "report", "--month", "2026-02", "--rates", rates.toString(), "--format", "csv");
        assertThat(given.err()).doesNotContain("default cost");
    }

    @Test
    void costReportTableShowsTheEChannelShareAndTheSaving() {
        reconciledJanuaryAndFebruary();
        CliHarness.Result r = cli.run("cost", "report", "--month", "2026-02", "--rules", rules, "--format", "table");
        assertThat(r.code()).isZero();
        // defaults: 400 x 3.94 = 1576.00; actual 190 x 3.94 + 210 x 0.18 = 786.40
        assertThat(r.out())
                .contains("e-channel share of transactions: 50.00% (electronic, with self-service: 52.50%)")
                .contains("saving against serving all 400 transactions at the hall cost (3.94 each): 789.60 yuan")
                .doesNotContain("█"); // no bar chart off a terminal
    }

    @Test
    void theActiveRulesListBackAsAFileThatLoadsUnchanged() throws IOException {
        assertThat(cli.run("commission", "report", "--month", "2026-02", "--rules", rules)
                        .code())
                .isZero();
        CliHarness.Result listed = cli.run("commission", "rules", "--format", "csv");
        assertThat(listed.code()).isZero();
        Path exported = dir.resolve("exported.csv");
        Files.writeString(exported, listed.out(), StandardCharsets.UTF_8);
        assertThat(listed.out().split("\r\n"))
                .hasSize(17)
                .contains("SIM-BASE,,,sim,,tiered,,1-100:10.00;101-300:12.00;301-:15.00,2026-01-01,,60")
                .contains("HS-GANGDING-PROMO,,GZ-TH-P2,handset,,percent,3.5,,2026-02-01,2026-03-31,30");
        CliHarness.Result reload =
                cli.run("commission", "report", "--month", "2026-02", "--rules", exported.toString());
        assertThat(reload.err()).contains("set 2 from exported.csv (16 rules) is now active");
        assertThat(cli.run("commission", "rules", "--set", "1", "--format", "csv")
                        .out())
                .isEqualTo(listed.out());
        assertThat(cli.run("commission", "rules", "--history", "--format", "csv")
                        .out())
                .contains("\r\n2,exported.csv,16,");
        assertThat(cli.run("commission", "rules", "--set", "9").code()).isEqualTo(4);
    }

    @Test
    void aBadRatesFileIsRejectedBeforeAnythingIsLoaded() {
        Path bad = TestLedgers.write(dir, "rates.csv", "channel,cost_per_txn", "hall,3.945");
        CliHarness.Result r =
                cli.run("cost", "report", "--month", "2026-02", "--rates", bad.toString(), "--rules", rules);
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains(bad + ":2: cost_per_txn: '3.945' has more than two decimals");
        assertThat(cli.run("commission", "rules").code()).isEqualTo(4);
    }
}
