package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors that teach: the expected form of a date, one line for a usage error, every error line marked. */
class UsageErrorsCliTest {
    @TempDir
    Path dir;

    @Test
    void aDateInAnotherFormNamesTheExpectedOne() {
        CliHarness cli = new CliHarness(dir);
        for (String[] args : new String[][] {
            {"replenish", "orders", "--due", "02/03/2026"},
            {"replenish", "plan", "--date", "2026/03/02", "--vehicles", "v.csv"},
            {"policy", "set", "--site", "S", "--sku", "K", "--until", "15.03.2026"},
            {"policy", "simulate", "--from", "02/03/2026", "--to", "2026-03-01"},
            {"policy", "simulate", "--from", "2026-02-01", "--to", "2026-02-30"}
        }) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .as(r.toString())
                    .startsWith("error: ")
                    .contains("expected YYYY-MM-DD")
                    .doesNotContain("Usage:");
        }
    }

    @Test
    void monthsAndTimesNameTheirFormsAndValuesListTheChoices() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("commission", "report", "--month", "02/2026").err())
                .startsWith("error: ")
                .contains("YYYY-MM (like 2026-02)");
        assertThat(cli.run("commission", "report", "--month", "2026-2").err())
                .contains("'2026-2' is not a month YYYY-MM (like 2026-02): did you mean '2026-02'?");
        assertThat(cli.run("cost", "report", "--month", "2026/11").err()).contains(": did you mean '2026-11'?");
        assertThat(cli.run("cost", "report", "--month", "2026-13").err()).contains(": there is no month 13");
        assertThat(cli.run("stock", "add", "--site", "S", "--sku", "K", "--kind", "sale", "--qty", "1", "--at", "9:30")
                        .err())
                .startsWith("error: ")
                .contains("expected 'YYYY-MM-DD HH:MM[:SS]'");
        CliHarness.Result r = cli.run("replenish", "orders", "--status", "weird");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .startsWith("error: --status weird: expected one of open, planned, shipped, received, cancelled");
        assertThat(cli.run("replenish", "orders", "--status", "shiped").err())
                .as("a slip names the value meant")
                .startsWith("error: --status shiped: expected one of open, planned, shipped, received, cancelled (did"
                        + " you mean 'shipped'?)");
        assertThat(cli.run("commission", "report", "--month", "2026-02", "--by", "sites")
                        .err())
                .startsWith("error: invalid value for option '--by': 'sites' is not site, channel or rule (did you"
                        + " mean 'site'?)");
        // a word of three letters among a fixed set: two swapped is the one meant
        assertThat(cli.run("catalog", "feed", "--channel", "wbe").err())
                .startsWith("error: --channel wbe: expected web, wap, app, partner or hall (did you mean 'web'?)");
        assertThat(cli.run("catalog", "list", "--status", "Lsited").err())
                .startsWith("error: --status Lsited: expected listed, unlisted or draft (did you mean 'listed'?)");
        assertThat(cli.run("catalog", "list", "--type", "handest").err())
                .startsWith("error: --type handest: expected handset, accessory, sim, plan or contract (did you mean"
                        + " 'handset'?)");
        // --now is read before any work, by a command that does not use the clock too
        CliHarness.Result badNow = cli.run("stock", "show", "--now", "2026-02-30 10:00");
        assertThat(badNow.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badNow.err()).startsWith("error: --now '2026-02-30 10:00': expected 'YYYY-MM-DD HH:MM[:SS]'");
        assertThat(cli.run("policy", "tune", "--service-level", "95").err())
                .startsWith("error: --service-level must be between 0 and 1, e.g. 0.95 (95 reads as a percent: did you"
                        + " mean 0.95?)");
    }

    /** A number typed with a slip (a digit too many, a unit misread) is refused before any work, naming its bounds. */
    @Test
    void numbersOfDaysMinutesAndSpeedsOutsideTheirBoundsAreRefused() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("init").code()).isZero();
        for (String[] args : new String[][] {
            {"policy", "tune", "--lead-days", "1000001"},
            {"policy", "tune", "--history-days", "2147483647"},
            {"policy", "simulate", "--from", "2026-02-01", "--to", "2026-02-28", "--lead-days", "2147483647"},
            {"policy", "simulate", "--from", "2026-02-01", "--to", "2026-02-28", "--history-days", "1000001"},
            {"stock", "summary", "--days", "1000001"},
            {"replenish", "plan", "--date", "2026-03-02", "--vehicles", "v.csv", "--speed-kmh", "1e-9"},
            {"replenish", "plan", "--date", "2026-03-02", "--vehicles", "v.csv", "--speed-kmh", "Infinity"},
            {"replenish", "plan", "--date", "2026-03-02", "--vehicles", "v.csv", "--service-minutes", "2147483647"}
        }) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(r.toString()).startsWith("error: ").contains(" must be between ");
        }
        assertThat(cli.run("policy", "tune", "--lead-days", "1000001").err())
                .contains("--lead-days must be between 0 and 365 (got 1000001)");
    }

    /**
     * An empty file option (a script's unset variable) is not the current directory; a number in full-width digits is
     * not a number; a demo directory that is a file is named so.
     */
    @Test
    void anEmptyPathADigitOfAnotherScriptAndAFileForADirectoryAreUsageErrors() throws Exception {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("init").code()).isZero();
        Path file = Files.writeString(dir.resolve("not-a-dir.txt"), "x");
        for (String[] args : new String[][] {
            {"stock", "show", "--out", ""},
            {"replenish", "plan", "--date", "2026-03-02", "--vehicles", "v.csv", "--out", " "},
            {"policy", "tune", "--history-days", "\uFF12\uFF18"},
            {"demo", "--dir", file.toString()},
            {"ledger", "copy", "--from", "chanops.db", "--to", ""}
        }) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .as(r.toString())
                    .containsAnyOf(
                            "is empty: give a file or directory name",
                            "is not a whole number (digits 0-9 only, not full-width",
                            "is not a directory",
                            "--to is empty: give a jdbc:postgresql: URL");
        }
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    /** {@code --db ""} (a script's unset variable) is refused, not read as "no --db" ($CHANOPS_DB or ./chanops.db). */
    @Test
    void anEmptyDbIsRefusedNotTakenForNoDb() {
        Path ledger = new CliHarness(dir).db();
        CliHarness.Result r = CliHarness.runExactly(
                Map.of("CHANOPS_DB", ledger.toString()),
                "--db",
                "",
                "stock",
                "add",
                "--site",
                "X",
                "--sku",
                "Y",
                "--kind",
                "receipt",
                "--qty",
                "1");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .startsWith("error: --db is empty (a script's unset variable?): give the ledger's file or URL, or leave"
                        + " --db out for $CHANOPS_DB, else ./chanops.db");
    }

    @Test
    void aMissingRequiredOptionIsOneLineAndAHint() {
        CliHarness.Result r = new CliHarness(dir).run("replenish", "plan");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err())
                .startsWith("error: missing required option")
                .contains("'--date=DATE'")
                .contains("Try 'chanops replenish plan --help'")
                .doesNotContain("Usage:");
    }

    @Test
    void aMistypedCommandStillGetsSuggestions() {
        CliHarness.Result r = new CliHarness(dir).run("stock", "shwo");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("error: ").contains("show").contains("Try 'chanops stock --help'");
    }

    @Test
    void rejectedInputNeverSaysNothingWasWrittenSinceReadOnlyCommandsRejectItTooAndEveryLineIsAnError()
            throws Exception {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("init").code()).isZero();
        Files.writeString(dir.resolve("sites.csv"), "site_id,name\nX,\n");
        CliHarness.Result r = cli.run("site", "import", dir.resolve("sites.csv").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err()).doesNotContain("nothing was written");
        assertThat(r.err().lines()).allSatisfy(l -> assertThat(l).startsWith("error: "));
    }
}
