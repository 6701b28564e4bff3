package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.support.DisplayWidth;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables of replenish orders and reconcile list fit 80 columns (COLUMNS=80); --wide and pipes get them whole. */
class TerminalWidthCliTest {
    @TempDir
    static Path dir;

    static CliHarness cli;

    @BeforeAll
    static void ledgerWithOrdersAndARun() {
        cli = new CliHarness(dir);
        for (String[] step : new String[][] {
            {"site", "import", TestLedgers.sample("sites.csv").toString()},
            {"catalog", "import", TestLedgers.sample("catalog.csv").toString()},
            {"stock", "import", TestLedgers.sample("moves.csv").toString()},
            {"policy", "tune"},
            {"replenish", "check"},
        }) {
            CliHarness.Result r = cli.run(step);
            assertThat(r.code()).as(r.toString()).isIn(0, 3);
        }
        CliHarness.Result r = cli.run(CliHarness.sampleReconcileArgs("2026-01", dir.resolve("recon")));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
    }

    private static void fits(String text, int width) {
        for (String line : text.lines().toList()) {
            assertThat(DisplayWidth.of(line)).as(line).isLessThanOrEqualTo(width);
        }
    }

    @Test
    void replenishOrdersFitEightyColumnsWithIdsAndDatesWhole() {
        cli.env(Map.of("COLUMNS", "80"));
        CliHarness.Result r = cli.run("replenish", "orders", "--format", "table");
        assertThat(r.code()).as(r.toString()).isZero();
        fits(r.out(), 80);
        assertThat(r.out())
                .contains("RO-20260302-000001")
                .contains("due_date")
                .contains("2026-03-04")
                .contains("(--wide shows 2 more columns: raised_at, warehouse)");
        cli.env(Map.of());
    }

    @Test
    void reconcileListFitsEightyColumns() {
        cli.env(Map.of("COLUMNS", "80"));
        CliHarness.Result r = cli.run("reconcile", "list", "--format", "table");
        assertThat(r.code()).as(r.toString()).isZero();
        fits(r.out(), 80);
        assertThat(r.out())
                .contains("run_id")
                .contains("boss-2026-01.csv")
                .contains("discrepancies")
                .contains("--wide shows");
        cli.env(Map.of());
    }

    @Test
    void wideShowsTheWholeTable() {
        cli.env(Map.of("COLUMNS", "80"));
        CliHarness.Result r = cli.run("reconcile", "list", "--format", "table", "--wide");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("out_dir").contains("resolved_late").doesNotContain("--wide shows");
        assertThat(r.out().lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(80);
        cli.env(Map.of());
    }

    @Test
    void notATerminalAndNoColumnsMeansNoFitting() {
        cli.env(Map.of());
        CliHarness.Result r = cli.run("replenish", "orders", "--format", "table");
        assertThat(r.out()).contains("raised_at").contains("warehouse").doesNotContain("--wide shows");
    }

    @Test
    void aTerminalOfUnknownWidthIsEightyColumns() {
        cli.env(Map.of()).terminal(true);
        try {
            CliHarness.Result r = cli.run("--no-pager", "replenish", "orders");
            assertThat(r.code()).as(r.toString()).isZero();
            // the test's standard output is not a terminal the size of which can be asked: 80 unless it says more
            assertThat(r.out()).contains("order_id");
        } finally {
            cli.terminal(false);
        }
    }
}
