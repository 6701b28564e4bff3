package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chanops.cli.support.CheckedPrintWriter;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3.1 "Files written" and "Outputs before commit", and exit 6 for standard output, through the real command line.
 */
class OutputFilesCliTest extends OnSampleLedger {
    String rules;

    @BeforeEach
    void setUp() {
        rules = TestLedgers.sample("commission-rules.csv").toString();
    }

    private List<String> siteIds() {
        CliHarness.Result r = cli.run("site", "list", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        return r.out().lines().skip(1).map(l -> l.split(",")[0]).toList();
    }

    private long ruleSets() {
        CliHarness.Result r = cli.run("commission", "rules", "--history", "--format", "csv");
        return r.out().lines().skip(1).count();
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void outOntoTheLedgerIsRefusedAndTheLedgerKeepsItsData() throws IOException {
        List<String> before = siteIds();
        assertThat(before).isNotEmpty();
        for (Path target : List.of(cli.db(), Path.of(cli.db() + "-wal"), dir.resolve("x/../chanops.db"))) {
            CliHarness.Result r = cli.run("stock", "show", "--out", target.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains(target + ": refusing to write over the ledger");
        }
        assertThat(siteIds()).isEqualTo(before);
    }

    /**
     * An --out that names an existing file of other data (the day's moves file, another report, a database) is refused
     * and the file left as it was; yesterday's copy of the same report is replaced, in CSV, JSON and xlsx alike (an
     * xlsx by another chanops listing too: its one sheet has the same name).
     */
    @Test
    void outOntoAFileOfOtherDataIsRefusedAndYesterdaysSameReportReplaced() throws IOException {
        Path moves = dir.resolve("moves.csv");
        Files.copy(TestLedgers.sample("moves.csv"), moves);
        byte[] content = Files.readAllBytes(moves);
        CliHarness.Result onto = cli.run("stock", "show", "--out", moves.toString());
        assertThat(onto.code()).as(onto.toString()).isEqualTo(2);
        assertThat(onto.err())
                .contains(moves + ": already holds other data (its first line is 'at,site_id,sku,kind,qty,ref'), not"
                        + " what this command writes there (CSV with the header 'site_id,sku,on_hand,on_order,"
                        + "position,t_days,R,S,L,state'): refusing to replace it; delete it or give another name");
        assertThat(Files.readAllBytes(moves)).isEqualTo(content);

        for (String name : List.of("sites.csv", "sites.json", "sites.xlsx")) {
            Path report = dir.resolve(name);
            for (int day = 0; day < 2; day++) {
                CliHarness.Result r = cli.run("site", "list", "--out", report.toString());
                assertThat(r.code()).as(name + " " + r).isZero();
            }
            assertThat(report).isNotEmptyFile();
            CliHarness.Result other = cli.run("stock", "show", "--out", report.toString());
            if (name.endsWith(".xlsx")) {
                assertThat(other.code()).as(name + " " + other).isZero();
            } else {
                assertThat(other.code()).as(name + " " + other).isEqualTo(2);
                assertThat(other.err()).contains("already holds other data");
            }
        }
        CliHarness.Result backup = cli.run("ledger", "backup", "--out", moves.toString());
        assertThat(backup.code()).as(backup.toString()).isEqualTo(2);
        assertThat(backup.err())
                .contains("not what this command writes there (a backup, an SQLite database not in use as a ledger)");
        assertThat(Files.readAllBytes(moves)).isEqualTo(content);
        Path copy = dir.resolve("copy.db");
        assertThat(cli.run("ledger", "backup", "--out", copy.toString()).code()).isZero();
        CliHarness.Result overCopy = cli.run("site", "list", "--out", copy.toString(), "--format", "csv");
        assertThat(overCopy.code()).isEqualTo(2);
        assertThat(overCopy.err()).contains("(it is an SQLite database)");
    }

    @Test
    void outOntoADirectoryOrIntoAMissingOneIsAUsageError() throws IOException {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        CliHarness.Result onto = cli.run("site", "list", "--out", reports.toString());
        assertThat(onto.code()).as(onto.toString()).isEqualTo(2);
        assertThat(onto.err()).contains(reports + ": is a directory");
        CliHarness.Result into =
                cli.run("site", "list", "--out", dir.resolve("typo/sites.csv").toString());
        assertThat(into.code()).as(into.toString()).isEqualTo(2);
        assertThat(into.err()).contains("no such directory");
        assertThat(Files.exists(dir.resolve("typo"))).isFalse();
    }

    @Test
    void outOntoAnInputIsRefusedBeforeAnythingIsCommitted() throws IOException {
        Path mine = dir.resolve("rules.csv");
        Files.copy(Path.of(rules), mine);
        byte[] content = Files.readAllBytes(mine);
        CliHarness.Result r = cli.run(
                "commission", "report", "--month", "2026-02", "--rules", mine.toString(), "--out", mine.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(mine + ": refusing to write over an input of this command");
        assertThat(Files.readAllBytes(mine)).isEqualTo(content);
        assertThat(ruleSets()).isZero();
        CliHarness.Result twice = cli.run(
                "commission",
                "report",
                "--month",
                "2026-02",
                "--rules",
                rules,
                "--out",
                dir.resolve("c.csv").toString(),
                "--detail",
                dir.resolve("c.csv").toString());
        assertThat(twice.code()).as(twice.toString()).isEqualTo(2);
        assertThat(ruleSets()).isZero();
    }

    @Test
    void aLinkPlantedAtTheTargetOrAtItsOldTemporaryNameIsNeverWrittenThrough() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path report = dir.resolve("report.csv");
        Files.createSymbolicLink(dir.resolve(".report.csv.tmp"), victim);
        CliHarness.Result r = cli.run("site", "list", "--out", report.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.isSymbolicLink(report)).isFalse();
        assertThat(Files.readString(report)).startsWith("site_id,");
        assertThat(Files.readString(victim)).isEqualTo("precious");

        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), victim);
        CliHarness.Result through = cli.run("site", "list", "--out", link.toString());
        assertThat(through.code()).as(through.toString()).isEqualTo(2);
        assertThat(through.err()).contains("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(TestLedgers.fileNames(dir))
                .noneMatch(n -> n.startsWith(".report.csv.") && n.endsWith(".tmp") && !n.equals(".report.csv.tmp"));
    }

    @Test
    void aCommissionReportThatCannotWriteItsFileLeavesTheActiveRuleSetAsItWas() throws IOException {
        assertThat(cli.run("commission", "report", "--month", "2026-02", "--rules", rules)
                        .code())
                .isZero();
        assertThat(ruleSets()).isEqualTo(1);
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(rules)));
        lines.set(1, lines.get(1).replace(",1.5,", ",2.5,"));
        Path r2 = Files.write(dir.resolve("r2.csv"), lines);
        Path reports = Files.createDirectory(dir.resolve("reports"));

        CliHarness.Result onDirectory = cli.run(
                "commission", "report", "--month", "2026-02", "--rules", r2.toString(), "--out", reports.toString());
        assertThat(onDirectory.code()).as(onDirectory.toString()).isEqualTo(2);
        assertThat(ruleSets()).isEqualTo(1);

        // a directory nothing can be created in, whoever runs the test (root included)
        Path proc = Path.of("/proc/chanops-commission.csv");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        CliHarness.Result unwritable = cli.run(
                "commission", "report", "--month", "2026-02", "--rules", r2.toString(), "--out", proc.toString());
        assertThat(unwritable.code()).as(unwritable.toString()).isEqualTo(6);
        assertThat(unwritable.err()).contains("error: output could not be written: " + proc);
        assertThat(ruleSets()).isEqualTo(1);

        CliHarness.Result written = cli.run(
                "commission",
                "report",
                "--month",
                "2026-02",
                "--rules",
                r2.toString(),
                "--out",
                reports.resolve("commission.csv").toString());
        assertThat(written.code()).as(written.toString()).isZero();
        assertThat(ruleSets()).isEqualTo(2);
        assertThat(TestLedgers.fileNames(reports)).containsExactly("commission.csv");
    }

    private List<String> reconcileArgs(Path out, String... extra) {
        List<String> args = new ArrayList<>(CliHarness.sampleReconcileArgs("2026-01", out));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aReconcileReRunThatFailsWhileWritingLeavesTheEarlierReportsIntact() throws IOException {
        Path out = dir.resolve("reconcile");
        assertThat(cli.run(reconcileArgs(out)).code()).isEqualTo(3);
        List<String> files = List.of("summary.csv", "discrepancies.csv", "matched.csv");
        List<byte[]> before = new ArrayList<>();
        for (String f : files) {
            before.add(Files.readAllBytes(out.resolve(f)));
        }
        // the re-run (masked: different content) cannot write its last file
        Files.createDirectory(out.resolve("resolved-late.csv"));
        CliHarness.Result again = cli.run(reconcileArgs(out, "--force", "--mask", "--carry"));
        assertThat(again.code()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("resolved-late.csv: is a directory");
        for (int i = 0; i < files.size(); i++) {
            assertThat(Files.readAllBytes(out.resolve(files.get(i))))
                    .as(files.get(i))
                    .isEqualTo(before.get(i));
        }
        assertThat(TestLedgers.fileNames(out))
                .containsExactly("discrepancies.csv", "matched.csv", "resolved-late.csv", "summary.csv");
        assertThat(cli.run("reconcile", "list", "--format", "csv").out().lines())
                .hasSize(2);
    }

    @Test
    void reportsWithUnmaskedPhoneNumbersAndRejectsFilesAreReadableByTheirOwnerOnly() throws IOException {
        assumeTrue(posix(dir));
        String usual = mode(Files.createFile(dir.resolve("usual")));
        Path plain = dir.resolve("plain");
        assertThat(cli.run(reconcileArgs(plain)).code()).isEqualTo(3);
        assertThat(mode(plain.resolve("discrepancies.csv"))).isEqualTo("rw-------");
        assertThat(mode(plain.resolve("matched.csv"))).isEqualTo("rw-------");
        assertThat(mode(plain.resolve("summary.csv"))).isEqualTo(usual);
        Path masked = dir.resolve("masked");
        assertThat(cli.run(reconcileArgs(masked, "--force", "--mask")).code()).isEqualTo(3);
        assertThat(mode(masked.resolve("matched.csv"))).isEqualTo(usual);

        Path shown = dir.resolve("shown.csv");
        assertThat(cli.run("reconcile", "show", "1", "--out", shown.toString()).code())
                .isZero();
        assertThat(mode(shown)).isEqualTo("rw-------");

        Path catalog = TestLedgers.write(
                dir,
                "mixed.csv",
                "sku,type,name,brand,price,status,channels,monthly_fee,months",
                "A1,handset,Phone,,10.00,listed,web,,",
                "A2,handset,Phone,,10.00,sold,web,,");
        assertThat(cli.run("catalog", "import", catalog.toString(), "--skip-invalid")
                        .code())
                .isEqualTo(3);
        assertThat(mode(dir.resolve("mixed.csv.rejects.csv"))).isEqualTo("rw-------");
    }

    /** A stream that fails every write as the operating system would. */
    private static OutputStream failing(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void aFullDiskOnStandardOutputIsExit6() {
        PrintWriter devFull = new PrintWriter(
                new OutputStreamWriter(failing("No space left on device"), StandardCharsets.UTF_8), true);
        CliHarness.Result r = cli.run(devFull, "site", "list", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).contains("error: output could not be written: standard output");
        CliHarness.Result checked =
                cli.run(CheckedPrintWriter.of(failing("No space left on device"), true), "site", "list");
        assertThat(checked.code()).isEqualTo(6);
        assertThat(checked.err()).contains("standard output: No space left on device");
    }

    /**
     * A check whose listing cannot be written to standard output (cron's log on a full disk) commits nothing: exit 6
     * is true to its word, and the next run raises the order the failed one would have; a closed pipe commits as usual.
     */
    @Test
    void aCheckWhoseStandardOutputFailsCommitsNothing() {
        cli.importSample("stock", "moves.csv");
        cli.importSample("policy", "policies.csv");
        CliHarness.Result full = cli.run(
                CheckedPrintWriter.of(failing("No space left on device"), true),
                "replenish",
                "check",
                "--format",
                "csv");
        assertThat(full.code()).as(full.toString()).isEqualTo(6);
        assertThat(full.err()).contains("standard output: No space left on device");
        assertThat(cli.run("replenish", "orders", "--format", "csv").out().lines())
                .hasSize(1);
        CliHarness.Result piped =
                cli.run(CheckedPrintWriter.of(failing("Broken pipe"), true), "replenish", "check", "--format", "csv");
        assertThat(piped.code()).as(piped.toString()).isIn(ExitCode.OK, ExitCode.ATTENTION);
        assertThat(cli.run("replenish", "orders", "--format", "csv").out().lines())
                .hasSizeGreaterThan(1);
    }

    @Test
    void aClosedPipeOnStandardOutputEndsQuietly() {
        CliHarness.Result r =
                cli.run(CheckedPrintWriter.of(failing("Broken pipe"), true), "site", "list", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
