package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.cli.OnSampleLedger;
import io.chanops.ledger.Ledger;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ledger check}: the sample ledger checks out; a level changed by hand in SQL is named with both figures (exit
 * 3), {@code --repair} sets it from its moves, and the check then passes.
 */
class LedgerCheckCliTest extends OnSampleLedger {
    @BeforeEach
    void stock() {
        cli.importSample("stock", "moves.csv");
    }

    private void sql(String statement) {
        Ledger ledger = Ledger.open(cli.db().toString(), Duration.ofSeconds(2));
        ledger.write(h -> h.execute(statement));
    }

    @Test
    void aLedgerWrittenByChanopsChecksOut() {
        CliHarness.Result r = cli.run("ledger", "check");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .startsWith("storage: ok (SQLite quick_check)\n")
                .containsPattern("stock: ok \\(\\d+ positions at \\d+ sites, \\d+ moves\\): on hand at each position is"
                        + " the fold of its moves\n");
    }

    @Test
    void aLevelChangedByHandIsNamedAndRepairedFromItsMoves() {
        String before = cli.run("stock", "show", "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "csv")
                .out();
        sql("UPDATE stock_level SET on_hand = on_hand + 100 WHERE site_id = 'GZ-TH-01' AND sku = 'HS-IP16-128'");

        CliHarness.Result found = cli.run("ledger", "check");
        assertThat(found.code()).as(found.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(found.err())
                .containsPattern(
                        "error: stock: GZ-TH-01/HS-IP16-128: on hand (\\d+) in stock_level, \\d+ by its moves\n")
                .contains("error: stock: on hand at 1 position (")
                .contains("not the fold of its moves: 'chanops ledger check --repair' sets them from their moves");

        CliHarness.Result repaired = cli.run("ledger", "check", "--repair");
        assertThat(repaired.code()).as(repaired.toString()).isEqualTo(ExitCode.OK);
        assertThat(repaired.out())
                .contains("repaired GZ-TH-01/HS-IP16-128: on hand ")
                .contains("stock: 1 position set from its moves (");
        assertThat(cli.run("stock", "show", "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "csv")
                        .out())
                .isEqualTo(before);
        assertThat(cli.run("ledger", "check").code()).isEqualTo(ExitCode.OK);
    }
}
