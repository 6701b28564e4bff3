package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI on the small network of {@link TwoStoreLedger}, with hand-computed orders. */
class ReplenishCliTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = TwoStoreLedger.make(dir);
    }

    @Test
    void checkRaisesTheHandComputedOrdersAndExitsThreeForTheEmergency() {
        CliHarness.Result r = cli.run("replenish", "check", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out())
                .contains("RO-20260302-000001,ST-1,CASE,emergency,raised,9,9,2026-03-02,WH,")
                .contains("RO-20260302-000002,ST-1,PHONE,regular,raised,9,9,2026-03-04,WH,")
                .contains("RO-20260302-000003,ST-2,CASE,regular,raised,8,8,2026-03-04,WH,")
                .doesNotContain("ST-2,PHONE");
        CliHarness.Result orders = cli.run("replenish", "orders", "--format", "csv");
        assertThat(orders.out().lines())
                .containsExactly(
                        "order_id,site_id,sku,kind,qty,status,raised_at,due_date,warehouse",
                        "RO-20260302-000001,ST-1,CASE,emergency,9,open,2026-03-02 09:30:00,2026-03-02,WH",
                        "RO-20260302-000002,ST-1,PHONE,regular,9,open,2026-03-02 09:30:00,2026-03-04,WH",
                        "RO-20260302-000003,ST-2,CASE,regular,8,open,2026-03-02 09:30:00,2026-03-04,WH");
        assertThat(cli.run("replenish", "orders", "--kind", "emergency", "--due", "2026-03-02", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(2);
    }

    /** A ledger with stock but no policy: the check checks nothing, and says so (a cron job would not notice). */
    @Test
    void aDryRunListsWhatTheCheckWouldRaiseAndWritesNothing() {
        CliHarness.Result dry = cli.run("replenish", "check", "--dry-run", "--format", "csv");
        assertThat(dry.code()).as(dry.toString()).isEqualTo(3);
        assertThat(dry.err())
                .contains(
                        "dry run of the check full at 2026-03-02 09:30:00 (run 2): 4 positions, 4 reviewed; 2 regular,"
                                + " 1 emergency to raise, 0 escalated; nothing written (the ids are those the check would take)");
        assertThat(cli.run("replenish", "orders", "--format", "csv").out().lines())
                .hasSize(1);
        CliHarness.Result real = cli.run("replenish", "check", "--format", "csv");
        assertThat(real.code()).isEqualTo(3);
        assertThat(real.out()).isEqualTo(dry.out());
        assertThat(real.err()).contains("check full at 2026-03-02 09:30:00 (run 2)");
    }

    @Test
    void aCheckWithoutAnyPolicySaysItCheckedNothing() throws Exception {
        CliHarness bare = new CliHarness(Files.createDirectories(dir.resolve("bare")))
                .withSampleSitesAndCatalog()
                .importSample("stock", "moves.csv");
        CliHarness.Result r = bare.at("2026-03-02 09:30").run("replenish", "check", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("warning: no position has a policy, so nothing was checked");
        assertThat(cli.run("replenish", "check", "--format", "csv").err()).doesNotContain("no position has a policy");
    }

    /** The count was imported a week before the check: a stopped moves feed, which the check and tuning name. */
    @Test
    void aCheckOrTuningOnStockNotImportedForDaysSaysSo() {
        assertThat(cli.run("policy", "tune", "--dry-run").err())
                .contains("7 days before now (2026-03-02 09:30:00): tuning took the days since for days without sales");
        CliHarness.Result r = cli.run("replenish", "check", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err())
                .contains("warning: stock was last imported at 2026-02-23 08:30:00, 7 days before now (2026-03-02 "
                        + "09:30:00): this check ran on stock not updated since; is the moves feed running?");
        CliHarness.Result sale = cli.at("2026-03-02 09:40")
                .run("stock", "add", "--site", "ST-2", "--sku", "PHONE", "--kind", "sale", "--qty", "1");
        assertThat(sale.code()).as(sale.toString()).isIn(0, 3);
        r = cli.at("2026-03-02 09:45").run("replenish", "check", "--emergency-only", "--format", "csv");
        assertThat(r.err()).doesNotContain("last imported");
        // a check of a past day runs on today's levels: said, not refused
        r = cli.at("2026-02-20 09:30").run("replenish", "check", "--emergency-only", "--format", "csv");
        assertThat(r.err())
                .contains(
                        "warning: now (2026-02-20 09:30:00) is before the last stock import (2026-03-02 09:40:00): the"
                                + " levels include the moves imported since, so this is not the stock as it was then; is --now"
                                + " right?");
        assertThat(cli.at("2026-02-20 09:30").run("policy", "tune", "--dry-run").err())
                .doesNotContain("is --now right?");
    }

    @Test
    void rerunInTheSameCycleRaisesNothingAndExitsZero() {
        cli.run("replenish", "check");
        CliHarness.Result again = cli.at("2026-03-02 14:00").run("replenish", "check", "--format", "csv");
        assertThat(again.code()).isZero();
        assertThat(again.out().lines()).hasSize(1); // header only
    }

    @Test
    void after11AnEmergencyIsDueTomorrow() {
        CliHarness.Result r =
                cli.at("2026-03-02 11:00").run("replenish", "check", "--emergency-only", "--format", "csv");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out())
                .contains("ST-1,CASE,emergency,raised,9,9,2026-03-03,WH")
                .doesNotContain("regular");
    }

    @Test
    void stockImportRunsTheEmergencyStepAndEscalatesTheOpenRegularOrder() {
        cli.run("replenish", "check");
        Path sale = TestLedgers.write(dir, "sale.csv", "at,site_id,sku,kind,qty,ref", TwoStoreLedger.SALE);
        CliHarness.Result r = cli.at("2026-03-02 10:45").run("stock", "import", sale.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        // on hand 1 < L 2; regular order of 9 open: position 10; + max(0, 12 - 10) = 2
        assertThat(r.out())
                .contains("1 emergency alert from this import")
                .contains("RO-20260302-000002,ST-1,PHONE,emergency,escalated,2,11,2026-03-02,WH");
        assertThat(cli.run("replenish", "orders", "--site", "ST-1", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("RO-20260302-000002,ST-1,PHONE,emergency,11,open,2026-03-02 09:30:00,2026-03-02,WH");
    }

    @Test
    void shipReceivePartlyThenFullyAndCancel() {
        cli.run("replenish", "check");
        assertThat(cli.run("replenish", "ship", "RO-20260302-000002").code()).isZero();
        CliHarness.Result part =
                cli.at("2026-03-04 10:00").run("replenish", "receive", "RO-20260302-000002", "--qty", "4");
        assertThat(part.code()).as(part.toString()).isZero();
        assertThat(part.out()).contains("5 still on order (shipped)");
        assertThat(cli.run("stock", "show", "--site", "ST-1", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("ST-1,PHONE,7,5,12,7,5,12,2,ok");
        assertThat(cli.run("replenish", "receive", "RO-20260302-000002", "--qty", "6")
                        .code())
                .isEqualTo(4);
        assertThat(cli.run("replenish", "receive", "RO-20260302-000002").code()).isZero();
        assertThat(cli.run("replenish", "orders", "--status", "received", "--format", "csv")
                        .out())
                .contains("RO-20260302-000002");
        assertThat(cli.run("stock", "show", "--site", "WH", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("WH,PHONE,91,");
        assertThat(cli.run("replenish", "cancel", "RO-20260302-000003").code()).isZero();
        CliHarness.Result twice = cli.run("replenish", "cancel", "RO-20260302-000003");
        assertThat(twice.code()).isEqualTo(4);
        assertThat(twice.err()).contains("cannot cancel an order that is cancelled");
        assertThat(cli.run("replenish", "ship", "RO-19990101-000001").code()).isEqualTo(4);
    }

    @Test
    void explainShowsTheNumbersAndWhichInequalityFires() {
        cli.run("replenish", "check");
        CliHarness.Result r = cli.run("replenish", "explain", "--site", "ST-2", "--sku", "CASE", "--format", "csv");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("on hand,2")
                .contains("t=7 R=4 S=10 L=2")
                .contains("imported by")
                .contains("cycle 8 (every 7 days from 2026-01-05): 2026-03-02 .. 2026-03-08")
                .contains("does not fire: 2 >= 2")
                .contains("RO-20260302-000003 regular 8 open")
                .contains("not below: 10 >= 4")
                .contains("locked,yes");
    }

    @Test
    void policySetValidatesAndRecordsTheReason() {
        CliHarness.Result bad = cli.run("policy", "set", "--site", "ST-1", "--sku", "PHONE", "--R", "20");
        assertThat(bad.code()).isEqualTo(4);
        assertThat(bad.err()).contains("R (20) must be <= S (12)");
        CliHarness.Result ok = cli.run(
                "policy",
                "set",
                "--site",
                "ST-1",
                "--sku",
                "PHONE",
                "--R",
                "6",
                "--S",
                "15",
                "--reason",
                "launch",
                "--until",
                "2026-03-31");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("t=7 R=6 S=15 L=2, locked until 2026-03-31");
        assertThat(cli.run("policy", "list", "--site", "ST-1", "--sku", "PHONE", "--format", "csv")
                        .out())
                .contains("ST-1,PHONE,7,6,15,2,true,2026-03-31,manual,")
                .contains(",launch,");
        assertThat(cli.run("policy", "set", "--site", "ST-1", "--sku", "PHONE", "--lock", "--unlock")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void stockShowBelowAndStoreSummary() {
        assertThat(cli.run("stock", "show", "--below", "L", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(2);
        assertThat(cli.run("stock", "show", "--below", "R", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(4);
        CliHarness.Result summary = cli.run("stock", "summary", "--format", "csv");
        assertThat(summary.code()).isZero();
        assertThat(summary.out()).contains("ST-1,Store 1,2,1,2,4,").contains("ST-2,Store 2,2,0,1,7,");
    }
}
