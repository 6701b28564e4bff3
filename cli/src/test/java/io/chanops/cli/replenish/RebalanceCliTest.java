package io.chanops.cli.replenish;

import static io.chanops.cli.replenish.RebalanceLedger.E1;
import static io.chanops.cli.replenish.RebalanceLedger.E2;
import static io.chanops.cli.replenish.RebalanceLedger.R3;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replenish rebalance} end to end on the short day of {@link RebalanceLedger}. */
class RebalanceCliTest {
    private static final String HEADER = "action,order_id,from_site,to_site,sku,qty";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = RebalanceLedger.make(dir);
        cli.at("2026-03-02 10:00");
    }

    @Test
    void aShortWarehouseIsAllocatedByUrgencyAndCoveredByDonorsOfItsOwnStores() {
        CliHarness.Result r = cli.run("replenish", "rebalance", "--date", "2026-03-04", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out().lines())
                .containsExactly(
                        HEADER,
                        "allocate," + E1 + ",WH,ST-1,PHONE,8",
                        "transfer," + E2 + ",ST-4,ST-2,PHONE,5",
                        "transfer," + R3 + ",ST-5,ST-3,PHONE,2",
                        "transfer," + R3 + ",ST-4,ST-3,PHONE,1",
                        "short," + R3 + ",,ST-3,PHONE,1");
        assertThat(r.err()).contains("8 units allocated, 8 transferred, 1 short");
        // a listing writes nothing
        assertThat(orders()).hasSize(3);
    }

    @Test
    void transfersCoveringEverythingExitZeroAndAnotherWarehouseIsNotShort() {
        CliHarness.Result today = cli.run("replenish", "rebalance", "--date", "2026-03-02", "--format", "csv");
        assertThat(today.code()).as(today.toString()).isZero();
        assertThat(today.out().lines())
                .containsExactly(
                        HEADER, "allocate," + E1 + ",WH,ST-1,PHONE,8", "transfer," + E2 + ",ST-4,ST-2,PHONE,5");
        CliHarness.Result b =
                cli.run("replenish", "rebalance", "--date", "2026-03-04", "--warehouse", "WH-B", "--format", "csv");
        assertThat(b.code()).as(b.toString()).isZero();
        assertThat(b.out().lines()).containsExactly(HEADER);
        assertThat(b.err()).contains("nothing short");
        CliHarness.Result unknown = cli.run("replenish", "rebalance", "--date", "2026-03-04", "--warehouse", "ST-1");
        assertThat(unknown.code()).as("as an unknown site in any filter").isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(unknown.err())
                .startsWith("error: replenish rebalance: --warehouse: no warehouse 'ST-1' (the warehouses: WH, WH-B)");
        assertThat(cli.run("replenish", "rebalance", "--date", "2026-03-04", "--warehouse", "WH-BB")
                        .err())
                .startsWith("error: replenish rebalance: --warehouse: no warehouse 'WH-BB' (did you mean 'WH-B'?)");
    }

    /** An order received in part whose rest transfers cover is closed as received, and the summary says so. */
    @Test
    void anOrderReceivedInPartWhoseRestIsCoveredIsCountedAsReceived() {
        assertThat(cli.run("replenish", "receive", E2, "--qty", "2").code()).isZero();
        CliHarness.Result r = cli.run("replenish", "rebalance", "--date", "2026-03-04", "--apply");
        assertThat(r.err()).as(r.toString()).contains("1 received (the rest now covered), 1 cancelled");
        assertThat(orders()).contains(E2 + ",ST-2,PHONE,emergency,2,received,2026-03-02 09:30:00,2026-03-02,WH");
    }

    @Test
    void applyRaisesTransfersShrinksAndCancelsAndTheRestOfTheToolSeesThem() throws Exception {
        Path out = dir.resolve("rebalance.csv");
        CliHarness.Result r =
                cli.run("replenish", "rebalance", "--date", "2026-03-04", "--apply", "--out", out.toString(), "--bom");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err())
                .contains("raised 3 transfer orders (RO-20260302-000004, RO-20260302-000005, RO-20260302-000006);"
                        + " 1 order shrunk, 1 cancelled");
        assertThat(Files.readString(out)).startsWith("\uFEFF" + HEADER).contains("short," + R3 + ",,ST-3,PHONE,1");

        assertThat(orders())
                .containsExactly(
                        E1 + ",ST-1,PHONE,emergency,8,open,2026-03-02 09:30:00,2026-03-02,WH",
                        E2 + ",ST-2,PHONE,emergency,5,cancelled,2026-03-02 09:30:00,2026-03-02,WH",
                        R3 + ",ST-3,PHONE,regular,1,open,2026-03-02 09:30:00,2026-03-04,WH",
                        "RO-20260302-000004,ST-2,PHONE,transfer,5,open,2026-03-02 10:00:00,2026-03-04,ST-4",
                        "RO-20260302-000005,ST-3,PHONE,transfer,2,open,2026-03-02 10:00:00,2026-03-04,ST-5",
                        "RO-20260302-000006,ST-3,PHONE,transfer,1,open,2026-03-02 10:00:00,2026-03-04,ST-4");
        assertThat(cli.run("replenish", "orders", "--kind", "transfer", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(4);
        // the orders a site supplies: a donor store's transfers; a warehouse's orders, not given as --site
        assertThat(cli.run("replenish", "orders", "--warehouse", "ST-4", "--format", "csv")
                        .out()
                        .lines())
                .extracting(l -> l.split(",")[0])
                .containsExactly("order_id", "RO-20260302-000004", "RO-20260302-000006");
        assertThat(cli.run("replenish", "orders", "--warehouse", "WH", "--format", "csv")
                        .out()
                        .lines())
                .extracting(l -> l.split(",")[0])
                .containsExactly("order_id", E1, E2, R3);
        CliHarness.Result warehouseAsSite = cli.run("replenish", "orders", "--site", "WH");
        assertThat(warehouseAsSite.code()).isEqualTo(4);
        assertThat(warehouseAsSite.err())
                .contains("replenish orders: --site: 'WH' is a warehouse; --site names the store an order is for,"
                        + " --warehouse WH lists the orders it supplies");
        assertThat(cli.run("replenish", "orders", "--warehouse", "st4").err())
                .contains("replenish orders: --warehouse: unknown site 'st4' (did you mean 'ST-4'?)");

        // on order for the recipient: 1 + 5 = 6 at ST-2
        assertThat(cli.run("stock", "show", "--site", "ST-2", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("ST-2,PHONE,1,5,6,");
        // the check does not raise a second order for ST-2 (on hand 1 < L 2): the open transfer answers it
        CliHarness.Result check =
                cli.at("2026-03-02 10:05").run("replenish", "check", "--emergency-only", "--format", "csv");
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out().lines())
                .containsExactly(check.out().lines().findFirst().orElseThrow());
        assertThat(cli.run("replenish", "explain", "--site", "ST-2", "--sku", "PHONE")
                        .out())
                .contains("RO-20260302-000004 transfer open 5")
                .contains("already covered by an open emergency or transfer order");

        // the warehouse is no longer short: 8 + 1 <= 10
        CliHarness.Result again = cli.run("replenish", "rebalance", "--date", "2026-03-04", "--format", "csv");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out().lines()).containsExactly(HEADER);

        // plan delivers what is left of the orders from the warehouse, not the cancelled one nor the transfers
        Path vehicles = TestLedgers.write(
                dir, "vehicles.csv", "vehicle_id,depot,capacity,shift_start,shift_end", "VAN-1,WH,50,08:00,18:00");
        Path plan = dir.resolve("plan");
        CliHarness.Result planned = cli.run(PlanArgs.quickPlan("2026-03-04", vehicles, plan, "--include-regular"));
        assertThat(planned.code()).as(planned.toString()).isZero();
        assertThat(Files.readString(plan.resolve("lines.csv")))
                .doesNotContain(E1) // due 03-02: that day's plan
                .contains("PHONE,1," + R3)
                .doesNotContain(E2)
                .doesNotContain("RO-20260302-000004");

        // a transfer received in part: transfer_out at the donor, transfer_in at the store, the rest on order
        CliHarness.Result received = cli.run("replenish", "receive", "RO-20260302-000004", "--qty", "2");
        assertThat(received.code()).as(received.toString()).isZero();
        assertThat(received.out()).contains("received 2 x PHONE at ST-2 from ST-4; 3 still on order (open)");
        assertThat(cli.run("stock", "show", "--site", "ST-2", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("ST-2,PHONE,3,3,6,");
        assertThat(cli.run("stock", "show", "--site", "ST-4", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("ST-4,PHONE,14,0,14,");
        assertThat(cli.run("replenish", "receive", "RO-20260302-000004").code()).isZero();
        assertThat(cli.run("stock", "show", "--site", "ST-2", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("ST-2,PHONE,6,0,6,");
    }

    @Test
    void applyWithNothingShortWritesNothing() {
        Path sale = TestLedgers.write(
                dir, "more.csv", "at,site_id,sku,kind,qty,ref", "2026-03-02 09:45,WH,PHONE,receipt,20,GRN-1");
        assertThat(cli.run("stock", "import", sale.toString()).code()).isZero();
        CliHarness.Result r = cli.run("replenish", "rebalance", "--date", "2026-03-04", "--apply", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines()).containsExactly(HEADER);
        assertThat(orders()).hasSize(3);
    }

    private List<String> orders() {
        return cli.run("replenish", "orders", "--format", "csv")
                .out()
                .lines()
                .skip(1)
                .toList();
    }
}
