package io.chanops.cli.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.OnLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end on the sample files, through the real command line. */
class ReconcileCliTest extends OnLedger {
    private CliHarness.Result month(String month, String... extra) {
        List<String> args = new ArrayList<>(CliHarness.sampleReconcileArgs(month, dir.resolve("out-" + month)));
        args.addAll(List.of(extra));
        return cli.run(args);
    }

    private static long count(List<String> summary, String category) {
        return summary.stream()
                .filter(l -> l.startsWith(category + ","))
                .map(l -> Long.parseLong(l.split(",")[1]))
                .findFirst()
                .orElseThrow();
    }

    /**
     * February's orders against January's BOSS export: reconciled as asked (nearly all missing on both sides), with a
     * warning that the files are of different months; the right pair gets none.
     */
    @Test
    void aPairOfFilesOfDifferentMonthsIsReconciledWithAWarning() {
        CliHarness.Result wrong = cli.run(CliHarness.reconcileArgs(
                TestLedgers.sample("platform-orders-2026-02.csv").toString(),
                TestLedgers.sample("boss-2026-01.csv").toString(),
                TestLedgers.sample("boss-profile.properties").toString(),
                dir.resolve("out-mixed").toString()));
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(3);
        assertThat(wrong.err())
                .contains("warning: platform-orders-2026-02.csv and boss-2026-01.csv are of different months: 323 of"
                        + " 329 orders were created in 2026-02, 347 of 348 BOSS rows accepted in 2026-01; is this the"
                        + " right pair of files?");
        CliHarness.Result right = month("2026-02");
        assertThat(right.code()).as(right.toString()).isEqualTo(3);
        assertThat(right.err()).doesNotContain("different months");
    }

    /** The two files the wrong way round, or one of them given twice: one problem that says so, and nothing stored. */
    @Test
    void filesGivenTheWrongWayRoundAreRefusedWithOneProblemThatSaysSo() {
        String platform = TestLedgers.sample("platform-orders-2026-02.csv").toString();
        String boss = TestLedgers.sample("boss-2026-02.csv").toString();
        String profile = TestLedgers.sample("boss-profile.properties").toString();
        String out = dir.resolve("out-swapped").toString();

        CliHarness.Result swapped = cli.run(CliHarness.reconcileArgs(boss, platform, profile, out));
        assertThat(swapped.code()).as(swapped.toString()).isEqualTo(4);
        assertThat(swapped.err().lines().filter(l -> l.startsWith("error: ")))
                .containsExactly(
                        "error: " + boss + ": --platform and --boss look swapped: this file has a BOSS export's header"
                                + " and " + platform + " has platform-orders.csv's; give the platform orders to"
                                + " --platform and the BOSS export to --boss",
                        "error: input rejected");
        assertThat(cli.run(CliHarness.reconcileArgs(boss, boss, profile, out)).err())
                .contains("error: " + boss + ": given as --platform, but it has a BOSS export's header");
        assertThat(cli.run(CliHarness.reconcileArgs(platform, platform, profile, out))
                        .err())
                .contains("error: " + platform + ": given as --boss, but it has platform-orders.csv's header");
        assertThat(cli.run("reconcile", "list", "--format", "csv").out().lines())
                .hasSize(1);
    }

    /**
     * A platform file that also carries the BOSS serial number (a column named as the profile's BOSS id) is a
     * platform file: a bad row in it is reported as such, not as files swapped.
     */
    @Test
    void aPlatformFileWithABossIdColumnIsNotTakenForSwapped() throws Exception {
        Path platform = Files.writeString(
                dir.resolve("platform-with-boss-id.csv"),
                "order_id,created_at,channel,site_id,msisdn,sku,qty,amount,status,业务流水号\n"
                        + "WO1,2026-02-03 10:00:00,web,GZ-WEB,13800000001,HS-IP16-128,1,abc,paid,BS1\n");
        CliHarness.Result r = cli.run(CliHarness.reconcileArgs(
                platform.toString(),
                TestLedgers.sample("boss-2026-02.csv").toString(),
                TestLedgers.sample("boss-profile.properties").toString(),
                dir.resolve("out-boss-id").toString()));
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains(platform + ":2: amount:")
                .doesNotContain("swapped")
                .doesNotContain("given as");
    }

    /**
     * A profile that reads the export's fen as yuan: nearly every order an AMOUNT_MISMATCH of exactly 100 times, and a
     * warning that names amount.unit; the samples' own profile gets none.
     */
    @Test
    void amountsAHundredTimesTheOrdersPointAtTheProfilesAmountUnit() throws Exception {
        String profile = Files.readString(TestLedgers.sample("boss-profile.properties"));
        assertThat(profile).contains("amount.unit=fen");
        Path yuan = Files.writeString(
                dir.resolve("yuan.properties"), profile.replace("amount.unit=fen", "amount.unit=yuan"));
        CliHarness.Result wrong = cli.run(CliHarness.reconcileArgs(
                TestLedgers.sample("platform-orders-2026-02.csv").toString(),
                TestLedgers.sample("boss-2026-02.csv").toString(),
                yuan.toString(),
                dir.resolve("out-yuan").toString()));
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(3);
        assertThat(wrong.err())
                .contains("warning: 261 of the 264 amount mismatches are BOSS amounts 100 times the platform's: is"
                        + " amount.unit=yuan in yuan.properties right for boss-2026-02.csv?");
        assertThat(month("2026-02").err()).doesNotContain("amount.unit");

        // the platform's amounts in fen: the other way round, and the platform file is named too
        List<String> orders = Files.readAllLines(TestLedgers.sample("platform-orders-2026-02.csv"));
        List<String> inFen = new ArrayList<>(List.of(orders.get(0)));
        orders.stream()
                .skip(1)
                .map(l -> l.replaceAll(",(\\d+)\\.(\\d\\d),([a-z]+)$", ",$1$2,$3"))
                .forEach(inFen::add);
        Path fen = Files.write(dir.resolve("orders-in-fen.csv"), inFen);
        assertThat(cli.run(CliHarness.reconcileArgs(
                                fen.toString(),
                                TestLedgers.sample("boss-2026-02.csv").toString(),
                                TestLedgers.sample("boss-profile.properties").toString(),
                                dir.resolve("out-fen").toString()))
                        .err())
                .contains("amount mismatches are BOSS amounts a hundredth of the platform's: is amount.unit=fen in"
                        + " boss-profile.properties right for boss-2026-02.csv, or does orders-in-fen.csv give fen"
                        + " where its amount column takes yuan?");
    }

    /**
     * A BOSS export saved again as UTF-8, read with the samples' GB18030 profile: refused with its line, and the message
     * names the profile's charset key, not {@code --charset} (which is the platform file's charset).
     */
    @Test
    void aBossExportInAnotherCharsetThanItsProfileSaysNamesTheProfileKey() throws Exception {
        Path boss = TestLedgers.sample("boss-2026-02.csv");
        Path utf8 = Files.writeString(dir.resolve("boss-utf8.csv"), Files.readString(boss, Charset.forName("GB18030")));
        CliHarness.Result r = cli.run(CliHarness.reconcileArgs(
                TestLedgers.sample("platform-orders-2026-02.csv").toString(),
                utf8.toString(),
                TestLedgers.sample("boss-profile.properties").toString(),
                dir.resolve("out-utf8").toString()));
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains("boss-utf8.csv:1: bytes that are not valid GB18030 (is it UTF-8? give its charset, e.g."
                        + " charset=UTF-8 in the profile)")
                .doesNotContain("--charset");
        assertThat(Files.exists(dir.resolve("out-utf8"))).isFalse();
    }

    /**
     * January's BOSS export as a report system writes it: its title and period above the header, a total row at the
     * end. The samples' profile refuses it, naming the header's line and the total's label; with those two keys added
     * it gives the reports of the plain export, byte for byte, and no warning (the total agrees with the rows).
     */
    @Test
    void anExportWithATitleAndATotalRowIsReadThroughTheProfilesTwoKeys() throws Exception {
        Charset gb = Charset.forName("GB18030");
        String plain = Files.readString(TestLedgers.sample("boss-2026-01.csv"), gb);
        Path titled = Files.writeString(
                dir.resolve("boss-titled.csv"),
                "业务受理明细报表\r\n统计时间：2026-01-01至2026-01-31\r\n" + plain + "合计,,,,,44276399,,\r\n",
                gb);
        String platform = TestLedgers.sample("platform-orders-2026-01.csv").toString();
        Path samples = TestLedgers.sample("boss-profile.properties");
        CliHarness.Result refused = cli.run(CliHarness.reconcileArgs(
                platform,
                titled.toString(),
                samples.toString(),
                dir.resolve("out-refused").toString()));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.err())
                .contains("boss-titled.csv:3: the profile's columns are all on line 3 (the lines above it a report's"
                        + " title?): add header.line=3 to the profile");

        Path profile = Files.writeString(
                dir.resolve("titled.properties"), Files.readString(samples) + "header.line=3\ntotal.label=合计|总计\n");
        assertThat(reconcilesAsThePlainJanuaryExport(titled, profile))
                .contains("against boss-titled.csv (348 rows, 442763.99; 1 total row left out)");
        // given as both files: its header is found on the profile's header line, and named in one problem
        CliHarness.Result twice = cli.run(CliHarness.reconcileArgs(
                titled.toString(),
                titled.toString(),
                profile.toString(),
                dir.resolve("out-twice").toString()));
        assertThat(twice.code()).as(twice.toString()).isEqualTo(4);
        assertThat(twice.err().lines().filter(l -> l.startsWith("error: ")))
                .containsExactly(
                        "error: " + titled + ": given as --platform, but it has a BOSS export's header; --platform"
                                + " takes the platform orders (platform-orders.csv)",
                        "error: input rejected");
    }

    /**
     * Reconciles January's platform orders against {@code boss} through {@code profile}, then requires exit 3, no
     * warning, and the three reports of the sample export read through the sample profile (a dry run), byte for byte.
     * Returns what the run printed.
     */
    private String reconcilesAsThePlainJanuaryExport(Path boss, Path profile) throws IOException {
        List<String> look = new ArrayList<>(CliHarness.sampleReconcileArgs("2026-01", dir.resolve("plain")));
        look.add("--dry-run");
        assertThat(cli.run(look).code()).isEqualTo(3);
        Path out = dir.resolve("read-" + boss.getFileName());
        CliHarness.Result read = cli.run(CliHarness.reconcileArgs(
                TestLedgers.sample("platform-orders-2026-01.csv").toString(),
                boss.toString(),
                profile.toString(),
                out.toString()));
        assertThat(read.code()).as(read.toString()).isEqualTo(3);
        assertThat(read.err()).isEmpty();
        for (String report : List.of("summary.csv", "discrepancies.csv", "matched.csv")) {
            assertThat(out.resolve(report))
                    .as(report)
                    .hasSameTextualContentAs(dir.resolve("plain").resolve(report));
        }
        return read.out();
    }

    /**
     * January's BOSS export with its date and time of day in two columns ({@code 受理日期}, {@code 受理时刻}), read through a
     * profile that joins them: the reports of the plain export, byte for byte.
     */
    @Test
    void anExportWithTheDateAndTheTimeInTwoColumnsIsReadThroughAJoinedColumn() throws Exception {
        Charset gb = Charset.forName("GB18030");
        StringBuilder split = new StringBuilder();
        for (String line : Files.readAllLines(TestLedgers.sample("boss-2026-01.csv"), gb)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            String at = cells.get(4);
            boolean header = at.equals("受理时间");
            cells.set(4, header ? "受理日期" : at.substring(0, 8));
            cells.add(5, header ? "受理时刻" : at.substring(8));
            split.append(String.join(",", cells)).append("\r\n");
        }
        Path boss = Files.writeString(dir.resolve("boss-split.csv"), split.toString(), gb);
        Path profile = Files.writeString(
                dir.resolve("split.properties"),
                Files.readString(TestLedgers.sample("boss-profile.properties"))
                        .replace("datetime.pattern=yyyyMMddHHmmss", "datetime.pattern=yyyyMMdd HHmmss")
                        .replace("column.accepted_at=受理时间", "column.accepted_at=受理日期+受理时刻"));
        reconcilesAsThePlainJanuaryExport(boss, profile);
    }

    @Test
    void januarySamplesReconcileWithEveryDiscrepancyKindAndExit3() throws Exception {
        CliHarness.Result r = month("2026-01");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("run 1:", "MATCHED", "DUPLICATE_BOSS", "TOTAL");
        List<String> summary = Files.readAllLines(dir.resolve("out-2026-01/summary.csv"));
        assertThat(summary)
                .extracting(l -> l.split(",")[0])
                .containsExactly(
                        "category",
                        "MATCHED",
                        "OK_CANCELLED",
                        "AMOUNT_MISMATCH",
                        "STATUS_MISMATCH",
                        "MISSING_IN_BOSS",
                        "MISSING_IN_PLATFORM",
                        "DUPLICATE_PLATFORM",
                        "DUPLICATE_BOSS",
                        "TOTAL");
        for (String c : List.of(
                "AMOUNT_MISMATCH",
                "STATUS_MISMATCH",
                "MISSING_IN_BOSS",
                "MISSING_IN_PLATFORM",
                "DUPLICATE_PLATFORM",
                "DUPLICATE_BOSS")) {
            assertThat(count(summary, c)).as(c).isBetween(2L, 6L);
        }
        List<String> discrepancies = Files.readAllLines(dir.resolve("out-2026-01/discrepancies.csv"));
        assertThat(discrepancies.get(0))
                .isEqualTo(
                        "category,order_id,boss_ids,msisdn,platform_amount,boss_amount,diff,platform_status,boss_status,matched_by,"
                                + "site_id,created_at");
        assertThat(discrepancies)
                .anySatisfy(l -> assertThat(l).startsWith("AMOUNT_MISMATCH,").contains(",-0.01,"));
        // site_id and created_at, last, are those reconcile show has for the same order
        String missing = discrepancies.stream()
                .filter(l -> l.startsWith("MISSING_IN_BOSS,"))
                .findFirst()
                .orElseThrow();
        String[] f = missing.split(",", -1);
        assertThat(f).hasSize(12);
        assertThat(f[10]).isNotEmpty();
        assertThat(f[11]).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        CliHarness.Result shown = cli.run("reconcile", "show", "1", "--category", "MISSING_IN_BOSS", "--format", "csv");
        assertThat(shown.out().lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("MISSING_IN_BOSS," + f[1] + ",")
                        .contains("," + f[10] + "," + f[11] + ","));
        List<String> matched = Files.readAllLines(dir.resolve("out-2026-01/matched.csv"));
        assertThat(matched).anySatisfy(l -> assertThat(l).endsWith(",fallback"));
        assertThat(matched).hasSize((int) count(summary, "MATCHED") + 1);
        // every confirmed order is in the ledger (more than one multi-row insert's worth)
        assertThat(count(summary, "MATCHED")).isGreaterThan(200);
        CliHarness.Result stored = cli.run("reconcile", "show", "1", "--category", "MATCHED", "--format", "csv");
        assertThat(stored.out().lines()).hasSize((int) count(summary, "MATCHED") + 1);
    }

    /**
     * A tolerance of ten yuan or more (50 typed for 0.50) that matched orders whose amounts differ says so, with the
     * tolerance a hundredth of it would be; a small one, or a large one that matched nothing it would not, says nothing.
     */
    @Test
    void aLargeToleranceThatMatchedDifferingAmountsIsWarnedOf() {
        CliHarness.Result large = month("2026-01", "--tolerance", "50", "--dry-run");
        assertThat(large.code()).as(large.toString()).isEqualTo(3);
        assertThat(large.err())
                .contains("warning: --tolerance 50.00 MATCHED 1 order whose BOSS amount differs (by up to 0.01); they"
                        + " count for commission as they are. Tolerances are yuan: was 0.50 meant?");
        assertThat(month("2026-01", "--tolerance", "5", "--dry-run").err()).doesNotContain("--tolerance");
        assertThat(month("2026-01", "--dry-run").err()).doesNotContain("--tolerance");
    }

    /**
     * A dry run writes the reports the run would write and stores nothing: no run, no confirmed order, and the pair is
     * not taken as reconciled; the real run after it takes the id the dry run named and writes the same reports.
     */
    @Test
    void aDryRunWritesTheReportsAndStoresNothing() throws Exception {
        List<String> args = new ArrayList<>(CliHarness.sampleReconcileArgs("2026-01", dir.resolve("look")));
        args.add("--dry-run");
        CliHarness.Result dry = cli.run(args);
        assertThat(dry.code()).as(dry.toString()).isEqualTo(3);
        assertThat(dry.out()).contains("dry run: nothing stored (1 is the id the run would take)");
        assertThat(cli.run("reconcile", "list", "--format", "csv").out().lines())
                .hasSize(1);
        CliHarness.Result notStored = cli.run("reconcile", "show", "1");
        assertThat(notStored.code()).isEqualTo(4);
        assertThat(notStored.err()).contains("no reconciliation run 1 (no reconcile run is recorded yet)");

        CliHarness.Result real = month("2026-01");
        assertThat(real.code()).as(real.toString()).isEqualTo(3);
        assertThat(cli.run("reconcile", "show", "2").err()).contains("no reconciliation run 2 (the only run is 1)");
        assertThat(real.out()).contains("run 1:").doesNotContain("dry run");
        for (String report : List.of("summary.csv", "discrepancies.csv", "matched.csv")) {
            assertThat(dir.resolve("out-2026-01").resolve(report))
                    .as(report)
                    .hasSameTextualContentAs(dir.resolve("look").resolve(report));
        }
        assertThat(cli.run("reconcile", "list", "--format", "csv").out().lines())
                .hasSize(2);
    }

    /**
     * February without --carry finds in BOSS the January order January left MISSING_IN_BOSS, and reports it
     * MISSING_IN_PLATFORM with a warning that --carry would resolve it; again with --carry --force, it is resolved.
     */
    @Test
    void aRunWithoutCarryNamesTheEarlierOrdersItWouldResolve() {
        assertThat(month("2026-01").code()).isEqualTo(3);
        CliHarness.Result feb = month("2026-02");
        assertThat(feb.code()).as(feb.toString()).isEqualTo(3);
        assertThat(feb.err())
                .containsPattern("warning: 1 BOSS group MISSING_IN_PLATFORM in this run is an order that earlier runs"
                        + " left MISSING_IN_BOSS \\(WO2601\\d{5}\\): with --carry this run would resolve it late; to"
                        + " do so, reconcile the pair again with --carry --force");
        CliHarness.Result carried = month("2026-02", "--carry", "--force");
        assertThat(carried.out()).containsPattern("RESOLVED_LATE +1 ");
        assertThat(carried.err()).doesNotContain("--carry --force");
    }

    @Test
    void februaryWithCarryResolvesTheJanuaryOrderLateAndTheSamePairIsRefusedAfterwards() throws Exception {
        assertThat(month("2026-01").code()).isEqualTo(3);
        CliHarness.Result feb = month("2026-02", "--carry", "--mask", "--bom");
        assertThat(feb.code()).as(feb.toString()).isEqualTo(3);
        assertThat(feb.out()).contains("RESOLVED_LATE", "resolved late");
        List<String> late = Files.readAllLines(dir.resolve("out-2026-02/resolved-late.csv"), StandardCharsets.UTF_8);
        assertThat(late).hasSize(2);
        assertThat(late.get(1)).matches("WO2601\\d{5},BS\\d+,\\d{3}\\*{4}\\d{4},.*,\\d+,1");
        byte[] bytes = Files.readAllBytes(dir.resolve("out-2026-02/discrepancies.csv"));
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContainPattern(",1[3-9]\\d{9},");
        // January orders refunded in February are confirmed with their reversal: the basis of clawbacks
        CliHarness.Result matched = cli.run("reconcile", "show", "2", "--category", "MATCHED", "--format", "csv");
        assertThat(matched.out())
                .containsPattern(
                        "MATCHED,WO2601\\d{5},,\\d+,[^,]*,2026-01-[^,]+,[\\d.]+,-[\\d.]+,[-\\d.]+,refunded,cancelled");

        CliHarness.Result again = month("2026-02");
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("already reconciled as run 2", "--force");
        Files.writeString(dir.resolve("out-2026-02/notes.txt"), "mine");
        assertThat(month("2026-02", "--force").code()).isEqualTo(3);
        // the run without --carry replaced the reports in the directory: run 2's resolved-late.csv would read as its
        assertThat(TestLedgers.fileNames(dir.resolve("out-2026-02")))
                .containsExactlyInAnyOrder("summary.csv", "discrepancies.csv", "matched.csv", "notes.txt");

        CliHarness.Result list = cli.run("reconcile", "list", "--format", "csv");
        assertThat(list.out().lines()).hasSize(4);
        CliHarness.Result resolved =
                cli.run("reconcile", "show", "1", "--category", "missing_in_boss", "--format", "csv");
        assertThat(resolved.out().lines().filter(l -> l.endsWith(",2"))).hasSize(1);
        assertThat(cli.run("reconcile", "show", "1", "--category", "missing-in-bos")
                        .err())
                .endsWith("(OK_CANCELLED orders are counted, not stored) (did you mean 'MISSING_IN_BOSS'?)\n");
    }

    @Test
    void aBrokenProfileIsRejectedWithItsLineAndNothingIsWritten() throws Exception {
        List<String> lines = Files.readAllLines(TestLedgers.sample("boss-profile.properties"), StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.properties");
        Files.write(
                bad,
                lines.stream()
                        .map(l -> l.replace("status.已撤单=cancelled", "status.已撤单=voided"))
                        .toList(),
                StandardCharsets.UTF_8);
        CliHarness.Result r = cli.run(CliHarness.reconcileArgs(
                TestLedgers.sample("platform-orders-2026-01.csv").toString(),
                TestLedgers.sample("boss-2026-01.csv").toString(),
                bad.toString(),
                dir.resolve("x").toString()));
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).containsPattern("bad.properties:\\d+: status.已撤单: 'voided' must be completed or cancelled");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
        assertThat(cli.run("reconcile", "list", "--format", "csv").out().lines())
                .hasSize(1);
    }

    @Test
    void badOptionsAreUsageErrorsAndAnUnknownRunIsReported() {
        assertThat(month("2026-01", "--window", "soon").code()).isEqualTo(2);
        assertThat(month("2026-01", "--tolerance", "-1").code()).isEqualTo(2);
        assertThat(cli.run("reconcile", "show", "42").code()).isEqualTo(4);
        assertThat(cli.run("reconcile", "show", "1", "--category", "NOPE").code())
                .isEqualTo(2);
    }
}
