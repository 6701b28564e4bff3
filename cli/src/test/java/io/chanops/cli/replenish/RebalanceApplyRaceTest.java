package io.chanops.cli.replenish;

import static io.chanops.cli.replenish.RebalanceLedger.E2;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race of SPEC §12 {@code --apply}, made repeatable as in {@link PlanApplyRaceTest}: the line rebalance prints
 * once it has read and allocated ("N units allocated, ..."), before it writes, runs another command that changes what
 * it read. The other command commits before the line's flush returns, so the apply always comes after it.
 */
class RebalanceApplyRaceTest {
    private static final Pattern ALLOCATED_LINE = Pattern.compile("(?m)^\\d+ units allocated, ");

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = RebalanceLedger.make(dir);
    }

    @Test
    void anOrderShippedAfterItWasReadRefusesTheApplyAndNothingIsWritten() throws IOException {
        AtomicReference<CliHarness.Result> ship = new AtomicReference<>();
        Path out = dir.resolve("rebalance.csv");
        CliHarness.Result r = runWithChangeBeforeApply(
                () -> ship.set(new CliHarness(dir).at("2026-03-02 10:01").run("replenish", "ship", E2)),
                "replenish",
                "rebalance",
                "--date",
                "2026-03-04",
                "--apply",
                "--out",
                out.toString());
        assertThat(ship.get().code()).as(ship.get().toString()).isZero();
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("order " + E2 + ": status open -> shipped").contains("run rebalance again");
        assertThat(out).doesNotExist();
        assertThat(ChangeOnLine.leftovers(dir)).isEmpty();
        assertThat(cli.run("replenish", "orders", "--format", "csv").out().lines())
                .hasSize(4)
                .noneMatch(l -> l.contains(",transfer,"));
    }

    @Test
    void aDonorsStockSoldAfterItWasReadRefusesTheApply() {
        Path sale = TestLedgers.write(
                dir, "sale.csv", "at,site_id,sku,kind,qty,ref", "2026-03-02 10:00,ST-4,PHONE,sale,5,POS-1");
        CliHarness.Result r = runWithChangeBeforeApply(
                () -> new CliHarness(dir).at("2026-03-02 10:01").run("stock", "import", sale.toString()),
                "replenish",
                "rebalance",
                "--date",
                "2026-03-04",
                "--apply");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("donor ST-4 PHONE: on hand less promised transfers 16 -> 11");
        // read again, the allocation takes the sale into account: ST-4 has 1 above S now
        CliHarness.Result again = cli.at("2026-03-02 10:05")
                .run("replenish", "rebalance", "--date", "2026-03-04", "--apply", "--format", "csv");
        assertThat(again.code()).as(again.toString()).isEqualTo(3);
        assertThat(again.out())
                .contains("transfer," + E2 + ",ST-5,ST-2,PHONE,2")
                .contains("transfer," + E2 + ",ST-4,ST-2,PHONE,1");
    }

    @Test
    void aSecondApplyDoesNotGiveTheSameDonorUnitsAgain() {
        CliHarness.Result first = cli.at("2026-03-02 10:00")
                .run("replenish", "rebalance", "--date", "2026-03-02", "--apply", "--format", "csv");
        assertThat(first.code()).as(first.toString()).isZero();
        // ST-4 promised 5 of its 6 above S to ST-2; the regular order of ST-3 gets ST-5's 2 and ST-4's last 1
        CliHarness.Result second =
                cli.at("2026-03-02 10:10").run("replenish", "rebalance", "--date", "2026-03-04", "--format", "csv");
        assertThat(second.out())
                .contains("transfer," + RebalanceLedger.R3 + ",ST-5,ST-3,PHONE,2")
                .contains("transfer," + RebalanceLedger.R3 + ",ST-4,ST-3,PHONE,1")
                .contains("short," + RebalanceLedger.R3 + ",,ST-3,PHONE,1");
    }

    @Test
    void anApplyWhoseReadsDidNotChangeIsWritten() {
        CliHarness.Result r =
                runWithChangeBeforeApply(() -> {}, "replenish", "rebalance", "--date", "2026-03-04", "--apply");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("raised 3 transfer orders");
    }

    private CliHarness.Result runWithChangeBeforeApply(Runnable change, String... args) {
        return ChangeOnLine.run(cli.db(), "2026-03-02 10:00", ALLOCATED_LINE, change, args);
    }
}
