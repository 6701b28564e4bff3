package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.cli.OnSampleLedger;
import io.chanops.ledger.Ledger;
import java.time.Duration;
import java.util.List;
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

    /**
     * A delivery the store's feed booked under the order id (before anyone ran {@code replenish receive}): the feed's
     * booking is not an order's receipt, so the check names it (exit 3), as it names a received quantity changed by
     * hand; on hand itself is still its moves' fold, so stock checks out. {@code receive} refuses to book it again and,
     * with {@code --booked}, records it on the order and books the supplier's side: the order then checks out.
     */
    @Test
    void anOrderWhoseReceiptsDoNotAddUpToItsReceivedQuantityIsNamed() {
        cli.importSample("policy", "policies.csv");
        cli.run("replenish", "check");
        List<String[]> open = cli.run("replenish", "orders", "--status", "open", "--format", "csv")
                .out()
                .lines()
                .skip(1)
                .map(l -> l.split(","))
                .toList();
        String[] fedFirst = open.get(0);
        String[] byHand = open.get(1);
        assertThat(cli.run("replenish", "receive", byHand[0], "--qty", "1").code())
                .isZero();
        CliHarness.Result ok = cli.run("ledger", "check");
        assertThat(ok.code()).as(ok.toString()).isEqualTo(ExitCode.OK);
        assertThat(ok.out())
                .containsPattern("orders: ok \\(\\d+ orders\\): each order's received quantity is what its"
                        + " receipts booked\n");

        CliHarness.Result fed = cli.run(
                "stock",
                "add",
                "--site",
                fedFirst[1],
                "--sku",
                fedFirst[2],
                "--kind",
                "transfer_in",
                "--qty",
                "1",
                "--ref",
                fedFirst[0]);
        assertThat(fed.code()).as(fed.toString()).isIn(ExitCode.OK, ExitCode.ATTENTION);
        sql("UPDATE replenishment_order SET received_qty = 3 WHERE order_id = '" + byHand[0] + "'");

        CliHarness.Result found = cli.run("ledger", "check");
        assertThat(found.code()).as(found.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(found.out()).contains("stock: ok (");
        assertThat(found.err())
                .contains("error: orders: " + fedFirst[0] + ": received 0 by the order, 1 booked in at " + fedFirst[1]
                        + " and 0 out at " + fedFirst[8] + " (moves " + fedFirst[2] + " with ref " + fedFirst[0]
                        + ")\n")
                .contains("error: orders: " + byHand[0] + ": received 3 by the order, 1 booked in at " + byHand[1])
                .contains("error: orders: 2 orders whose received quantity is not what their receipts booked");

        // receiving the fed delivery again would count it twice: refused; --booked records it on the order
        CliHarness.Result again = cli.run("replenish", "receive", fedFirst[0]);
        assertThat(again.code()).as(again.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(again.err())
                .contains("1 unit booked at " + fedFirst[1] + " as transfer_in with ref " + fedFirst[0] + " already,"
                        + " beyond the 0 the order received (a feed booked the delivery): receiving them would count"
                        + " them twice; 'replenish receive " + fedFirst[0] + " --booked' records them on the order");
        CliHarness.Result recorded = cli.run("replenish", "receive", fedFirst[0], "--booked");
        assertThat(recorded.code()).as(recorded.toString()).isZero();
        assertThat(recorded.out())
                .contains(": received 1 x " + fedFirst[2] + " at " + fedFirst[1] + " from " + fedFirst[8]
                        + " (booked by the store's feed); ");
        CliHarness.Result after = cli.run("ledger", "check");
        assertThat(after.err())
                .doesNotContain("error: orders: " + fedFirst[0])
                .contains("error: orders: 1 order whose received quantity");
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
