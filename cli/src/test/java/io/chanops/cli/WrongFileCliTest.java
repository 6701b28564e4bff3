package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.support.KnownFiles;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A file given to the wrong command (a catalog to {@code stock import}) is still refused with every missing column,
 * exit 4 and nothing written, and a hint names the command that reads it.
 */
class WrongFileCliTest extends OnSampleLedger {
    @Test
    void aCatalogGivenToTheStockImportIsRefusedWithAHintNamingTheCatalogImport() {
        CliHarness.Result r = cli.run("stock", "import", sample("catalog.csv"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .contains("catalog.csv:1: at: required column is missing from the header")
                .contains("catalog.csv looks like a catalog (catalog.csv): it is read by 'chanops catalog import'");
        assertThat(cli.run("stock", "show", "--format", "csv").out().lines()).hasSize(1);
    }

    @Test
    void eachImportNamesTheCommandOfTheFileItWasGiven() {
        assertHint(List.of("catalog", "import", sample("moves.csv")), "'chanops stock import'");
        assertHint(List.of("policy", "import", sample("sites.csv")), "'chanops site import'");
        assertHint(List.of("site", "import", sample("policies.csv")), "'chanops policy import'");
        assertHint(List.of("stock", "import", sample("vehicles.csv")), "'chanops replenish plan --vehicles'");
        assertHint(
                List.of("catalog", "import", sample("commission-rules.csv")), "--rules of 'chanops commission report'");
        assertHint(List.of("site", "import", sample("channel-rates.csv")), "--rates of 'chanops cost report'");
    }

    @Test
    void aDryRunGivesTheHintToo() {
        CliHarness.Result r = cli.run("catalog", "import", "--dry-run", sample("platform-orders-2026-01.csv"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(r.err()).contains("it is read by 'chanops reconcile run --platform'");
        r = cli.run("stock", "import", "--dry-run", sample("policies.csv"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(r.err()).contains("it is read by 'chanops policy import'");
    }

    @Test
    void aMovesFileGivenAsThePlatformOrdersIsNamedAsSuch() {
        List<String> args = CliHarness.reconcileArgs(
                sample("moves.csv"),
                sample("boss-2026-01.csv"),
                sample("boss-profile.properties"),
                dir.resolve("out").toString());
        CliHarness.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .contains("moves.csv:1: order_id: required column is missing from the header")
                .contains("moves.csv looks like stock moves (moves.csv): it is read by 'chanops stock import'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFileMissingAColumnOfItsOwnGetsNoHint() throws Exception {
        Path f = Files.writeString(dir.resolve("moves.csv"), "at,site_id,sku,kind\n2026-03-01 08:00,WH-GZ,X,sale\n");
        CliHarness.Result r = cli.run("stock", "import", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err()).contains("qty: required column is missing").doesNotContain("hint:");
    }

    /** Each sample file is recognised as its own kind: no kind's columns hide another's. */
    @Test
    void everySampleIsRecognisedAsItsOwnKind() throws Exception {
        Map<String, String> readBy = Map.of(
                "sites.csv", "'chanops site import'",
                "catalog.csv", "'chanops catalog import'",
                "moves.csv", "'chanops stock import'",
                "policies.csv", "'chanops policy import'",
                "vehicles.csv", "--vehicles",
                "platform-orders-2026-02.csv", "--platform",
                "commission-rules.csv", "--rules",
                "channel-rates.csv", "--rates");
        for (Map.Entry<String, String> sample : readBy.entrySet()) {
            String firstLine = Files.readAllLines(TestLedgers.sample(sample.getKey()), StandardCharsets.UTF_8)
                    .get(0);
            InputRejectedException refused = InputRejectedException.missingColumns(
                    List.of(new Problem(sample.getKey(), 1, "x", "required column is missing")),
                    List.of(firstLine.split(",")));
            assertThat(KnownFiles.hint(refused))
                    .as(sample.getKey())
                    .hasValueSatisfying(hint -> assertThat(hint).contains(sample.getValue()));
        }
    }

    private void assertHint(List<String> args, String readBy) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .as(r.toString())
                .contains("required column is missing")
                .contains("it is read by " + readBy);
    }

    private static String sample(String name) {
        return TestLedgers.sample(name).toString();
    }
}
