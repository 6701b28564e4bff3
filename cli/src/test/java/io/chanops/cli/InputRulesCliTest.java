package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.replenish.PlanArgs;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input rules of SPEC §3.1 through the real command line, one regression test per defect of issue 13 that a file
 * of the hostile corpus does not already pin down: options, documents across files, and what reaches the terminal.
 */
class InputRulesCliTest {
    @TempDir
    Path dir;

    private CliHarness loaded() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("init").code()).isZero();
        return cli.withSampleSitesAndCatalog();
    }

    /** A moves.csv named {@code name}: the header, then {@code rows}. */
    private Path moves(String name, String... rows) {
        return TestLedgers.writeRows(dir, name, "at,site_id,sku,kind,qty,ref", rows);
    }

    private String onHand(CliHarness cli, String site, String sku) {
        String line = cli.run("stock", "show", "--site", site, "--sku", sku, "--format", "csv")
                .out()
                .lines()
                .skip(1)
                .findFirst()
                .orElse("");
        return line.isEmpty() ? "none" : line.split(",")[2];
    }

    @Test
    void aClockOnADayThatDoesNotExistIsAUsageErrorNamingTheValue() {
        CliHarness cli = loaded().at("2026-04-31 10:00");
        CliHarness.Result r = cli.run("replenish", "check");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--now '2026-04-31 10:00': expected 'YYYY-MM-DD HH:MM[:SS]'");
        assertThat(cli.at("2026-03-01 24:00").run("replenish", "check").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.at("2026-02-29 10:00").run("replenish", "check").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aPlanForFebruary29thOf2026IsAUsageError() {
        CliHarness cli = loaded();
        CliHarness.Result r = cli.run(PlanArgs.plan("2026-02-29", TestLedgers.sample("vehicles.csv")));
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'2026-02-29' is not a date: expected YYYY-MM-DD: February 2026 has 28 days");
    }

    @Test
    void aDocumentInASecondFileIsADuplicateRowAndBooksNothing() {
        CliHarness cli = loaded();
        Path first = moves(
                "grn-1.csv",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,GRN-001",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,sale,1,");
        assertThat(cli.run("stock", "import", first.toString()).code()).isZero();
        Path second = moves(
                "grn-2.csv",
                "2026-03-01 11:00,GZ-TH-01,HS-IP16-128,receipt,3,GRN-002",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,GRN-001");
        CliHarness.Result r = cli.run("stock", "import", second.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .contains(second + ":3: ref: duplicate row: receipt 'GRN-001' of HS-IP16-128 at GZ-TH-01 is already "
                        + "in the ledger (batch ");
        assertThat(onHand(cli, "GZ-TH-01", "HS-IP16-128")).isEqualTo("4");
        // the same reference for another kind or position is another document; rows without a ref never repeat one
        Path third = moves(
                "grn-3.csv",
                "2026-03-01 12:00,GZ-TH-01,HS-IP16-128,return,1,GRN-001",
                "2026-03-01 12:00,GZ-TH-02,HS-IP16-128,receipt,5,GRN-001",
                "2026-03-01 12:00,GZ-TH-01,HS-IP16-128,sale,1,");
        assertThat(cli.run("stock", "import", third.toString()).code()).isZero();
        assertThat(onHand(cli, "GZ-TH-01", "HS-IP16-128")).isEqualTo("4");
        CliHarness.Result dryRun = cli.run("stock", "import", "--dry-run", second.toString());
        assertThat(dryRun.code()).isEqualTo(ExitCode.ATTENTION);
        assertThat(dryRun.err()).contains(second + ":3: ref: duplicate row");
    }

    @Test
    void twoReceiptsOfLongMaxAreRowErrorsNotANegativeOnHand() {
        CliHarness cli = loaded();
        Path f = moves(
                "max.csv",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,9223372036854775807,A",
                "2026-03-01 10:01,GZ-TH-01,HS-IP16-128,receipt,9223372036854775807,B");
        CliHarness.Result r = cli.run("stock", "import", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .contains(f + ":2: qty: '9223372036854775807' is out of range: at most 1,000,000")
                .contains(f + ":3: qty:");
        assertThat(onHand(cli, "GZ-TH-01", "HS-IP16-128")).isEqualTo("none");
    }

    @Test
    void aHugeOrderUpToLevelIsRefusedByPolicySet() {
        CliHarness cli = loaded();
        CliHarness.Result r = cli.run(
                "policy",
                "set",
                "--site",
                "GZ-TH-01",
                "--sku",
                "HS-IP16-128",
                "--R",
                "5",
                "--S",
                "9223372036854775807",
                "--L",
                "2");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err()).contains("S must be at most 1,000,000 units (got 9223372036854775807)");
    }

    @Test
    void aHeaderOnlyFileIsRefusedAndRecordsNoBatch() {
        CliHarness cli = loaded();
        Path f = moves("empty.csv");
        CliHarness.Result r = cli.run("stock", "import", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err()).contains(f + ":1: no data rows below the header");
        assertThat(HostileInputTest.dump(cli.db()).get("import_batch")).noneMatch(b -> b.contains("empty.csv"));
    }

    /** A file of nothing but empty rows (a spreadsheet's {@code ,,,,}) is refused by every import, as a header alone. */
    @ParameterizedTest
    @ValueSource(strings = {"site", "catalog", "policy", "stock"})
    void aFileOfEmptyRowsIsRefusedByEveryImport(String area) throws IOException {
        CliHarness cli = loaded();
        String header = Files.readAllLines(TestLedgers.sample(
                        switch (area) {
                            case "site" -> "sites.csv";
                            case "catalog" -> "catalog.csv";
                            case "policy" -> "policies.csv";
                            default -> "moves.csv";
                        }))
                .get(0);
        String empty = ",".repeat(header.split(",").length - 1);
        Path f = Files.writeString(dir.resolve(area + "-empty-rows.csv"), header + "\n" + empty + "\n" + empty + "\n");
        CliHarness.Result r = cli.run(area, "import", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err()).contains(f + ":1: no data rows below the header");
        assertThat(HostileInputTest.dump(cli.db()).get("import_batch")).noneMatch(b -> b.contains("empty-rows.csv"));
    }

    @Test
    void controlCharactersInTheLedgerAreShownAsEscapesNeverRaw() throws Exception {
        CliHarness cli = loaded();
        // a ledger written before names were checked may hold anything
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
                PreparedStatement ps = c.prepareStatement("UPDATE site SET name = ? WHERE site_id = 'GZ-TH-01'")) {
            ps.setString(1, "\u001b[2J\u001b]0;owned\u0007天河\u009b");
            ps.executeUpdate();
        }
        CliHarness.Result table = cli.run("site", "list", "--format", "table");
        assertThat(table.code()).isZero();
        assertThat(table.out())
                .contains("\\x1b[2J\\x1b]0;owned\\x07天河\\x9b")
                .doesNotContain("\u001b")
                .doesNotContain("\u009b");
    }
}
