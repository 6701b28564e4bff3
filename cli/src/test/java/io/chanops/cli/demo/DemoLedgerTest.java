package io.chanops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerLocation;
import io.chanops.ledger.LedgerSettings;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo recreates only a ledger it made itself; any other ledger (or file) in its directory is refused, never wiped.
 */
class DemoLedgerTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryHoldingALedgerTheDemoDidNotMakeIsRefusedAndTheLedgerKept() throws Exception {
        CliHarness real = new CliHarness(dir);
        assertThat(real.run("site", "import", TestLedgers.sample("sites.csv").toString())
                        .code())
                .isZero();
        String before = FileDigest.sha256(real.db());
        CliHarness.Result r =
                CliHarness.withoutLedger(dir.resolve("elsewhere.db")).run("demo", "--dir", dir.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--dir " + dir + " holds chanops.db, which the demo did not make");
        assertThat(FileDigest.sha256(real.db())).isEqualTo(before);
        assertThat(real.run("site", "list", "--format", "csv").out().lines()).hasSize(14);
        assertThat(dir.resolve("samples")).doesNotExist();
    }

    @Test
    void anyOtherFileNamedLikeTheLedgerIsRefusedToo() throws Exception {
        Files.writeString(dir.resolve("chanops.db"), "my notes");
        CliHarness.Result r =
                CliHarness.withoutLedger(dir.resolve("elsewhere.db")).run("demo", "--dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readString(dir.resolve("chanops.db"))).isEqualTo("my notes");
    }

    /** A directory of someone's files without a demo ledger is refused: the demo would write its samples over them. */
    @Test
    void aDirectoryOfOtherFilesIsRefusedAndItsFilesKept() throws Exception {
        Files.createDirectories(dir.resolve("samples"));
        Files.writeString(dir.resolve("samples").resolve("moves.csv"), "my precious");
        CliHarness.Result r =
                CliHarness.withoutLedger(dir.resolve("elsewhere.db")).run("demo", "--dir", dir.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("--dir " + dir + " is not empty and holds no demo ledger: the demo writes samples/ and out/"
                        + " there and never replaces files it did not make; give a new or empty directory");
        assertThat(Files.readString(dir.resolve("samples").resolve("moves.csv")))
                .isEqualTo("my precious");
        assertThat(dir.resolve("chanops.db")).doesNotExist();
    }

    /** The one run of the whole demo (its solver section left out) in the tests: it must keep working. */
    @Test
    void theDemoRecreatesALedgerItMadeAndMarksTheNewOne() {
        CliHarness earlier = new CliHarness(dir);
        LedgerSettings.put(
                Ledger.open(earlier.db().toString(), Duration.ofSeconds(2)),
                LedgerSettings.MADE_BY,
                LedgerSettings.DEMO);
        earlier.run(
                "site",
                "import",
                TestLedgers.write(dir, "s.csv", "site_id,name,kind", "OLD-WH,Old,warehouse")
                        .toString());
        CliHarness.Result r = CliHarness.withoutLedger(dir.resolve("unused.db"))
                .run("demo", "--without-planning", "--dir", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("created ledger " + dir.resolve("chanops.db"));
        assertThat(earlier.run("site", "list", "--format", "csv").out()).doesNotContain("OLD-WH");
        LedgerLocation demo = LedgerLocation.parse(dir.resolve("chanops.db").toString());
        assertThat(Ledger.settingsOf(demo, Duration.ofSeconds(2)).map(s -> s.get(LedgerSettings.MADE_BY)))
                .contains(LedgerSettings.DEMO);
        // the closing hints show rows on the demo's ledger
        CliHarness onDemo = CliHarness.withoutLedger(dir.resolve("chanops.db"));
        for (List<String> hint : DemoCommand.CLOSING_HINTS) {
            assertThat(r.out()).contains(String.join(" ", hint));
            List<String> args = new ArrayList<>(hint);
            args.addAll(List.of("--format", "csv"));
            CliHarness.Result shown = onDemo.run(args.toArray(String[]::new));
            assertThat(shown.code()).as(shown.toString()).isZero();
            assertThat(shown.out().lines().count()).as(shown.toString()).isGreaterThan(1);
        }
        // without --now, the store summary's sales window ends at the latest move: sales per day are not all 0.0
        CliHarness.Result summary = onDemo.at(null).run("stock", "summary", "--format", "csv");
        assertThat(summary.err()).contains("note: sales per day over the 28 days up to the latest move (2026-03-01)");
        assertThat(summary.out().lines().skip(1).map(l -> l.split(",")[6])).anyMatch(v -> !v.equals("0.0"));
    }
}
