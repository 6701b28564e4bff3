package io.chanops.cli.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.cli.OnLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stock add}: one move without a file, through the same import as a moves.csv of one row (validation, batch
 * record, emergency step); and {@code stock import --dry-run} of a file imported before. Store ST-1 holds 3 PHONE,
 * policy (7, 5, 12, 2).
 */
class StockAddCliTest extends OnLedger {
    Path moves;

    @BeforeEach
    void setUp() {
        cli.withOneStoreAndPhone();
        moves = cli.importRows(
                "stock", "2026-02-23 08:00,WH,PHONE,count,100,INV-1", "2026-02-23 08:00,ST-1,PHONE,count,3,INV-1");
        cli.importRows("policy", "ST-1,PHONE,7,5,12,2,false");
        cli.at("2026-03-02 09:30");
    }

    /** {@code stock add} of PHONE at ST-1: {@code --kind kind --qty qty}, then {@code more} options. */
    private CliHarness.Result addPhone(String kind, String qty, String... more) {
        List<String> args = new ArrayList<>(
                List.of("stock", "add", "--site", "ST-1", "--sku", "PHONE", "--kind", kind, "--qty", qty));
        args.addAll(List.of(more));
        return cli.run(args);
    }

    private String onHand() {
        return cli.run("stock", "show", "--site", "ST-1", "--format", "csv").out();
    }

    /**
     * A move dated after the machine's clock (a wrong year, 2027 for 2026) cannot have happened: refused, nothing
     * written. One after --now but not after the clock (a backfill's --now) is added as dated, with a warning.
     */
    @Test
    void aMoveDatedAfterTheMachinesClockIsRefusedAndOneAfterNowWarned() {
        CliHarness.Result ahead = addPhone("receipt", "4", "--at", "2027-03-02 10:00");
        assertThat(ahead.code()).as(ahead.toString()).isEqualTo(2);
        assertThat(ahead.err())
                .contains("--at '2027-03-02 10:00:00' is 91 days after this machine's clock (2026-12-01 08:00:00"
                        + " Asia/Shanghai): a year or month typed wrong? what it records cannot have happened yet");
        assertThat(onHand()).contains("ST-1,PHONE,3,");

        CliHarness.Result r = addPhone("receipt", "4", "--at", "2026-06-02 10:00");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains("warning: stock add: --at: 2026-06-02 10:00:00 is more than a day after now"
                        + " (2026-03-02 09:30:00); imported as dated: check the year and month");
        assertThat(onHand()).contains("ST-1,PHONE,7,");
    }

    /** A quantity in full-width digits (typed with a Chinese input method) is refused as it is in a file. */
    @Test
    void aQuantityInFullWidthDigitsIsRefusedAsInAFile() {
        CliHarness.Result r = addPhone("receipt", "\uFF11\uFF12");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err()).contains("--qty: '\uFF11\uFF12' is not a whole number (digits 0-9 only, not full-width");
        assertThat(onHand()).contains("ST-1,PHONE,3,");
    }

    /** A sale of more than the store holds (30 typed for 3) is recorded, with a warning that on hand went below zero. */
    @Test
    void aSaleOfMoreThanOnHandIsAddedWithAWarningThatOnHandWentBelowZero() {
        CliHarness.Result r = addPhone("sale", "30");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err())
                .contains("warning: stock add: on hand went below zero at 1 position: PHONE at ST-1: -27 (was 3); more"
                        + " sold or sent out than received and counted, imported as given: a quantity typed wrong, or a"
                        + " receipt or count not imported yet?");
        assertThat(onHand()).contains("ST-1,PHONE,-27,");
        CliHarness.Result again = addPhone("sale", "1");
        assertThat(again.err()).as("already below zero: not named again").doesNotContain("below zero");
    }

    @Test
    void aSaleBelowTheEmergencyPointIsRecordedAsABatchAndRaisesAnEmergencyWithExit3() {
        CliHarness.Result r = addPhone("sale", "2", "--ref", "POS-1");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out())
                .contains("added sale 2 of PHONE at ST-1 (2026-03-02 09:30:00, batch")
                .contains("1 emergency alert from this move")
                // on hand 1 < L 2: S 12 - position 1 = 11, due today (before the cutoff)
                .contains("ST-1,PHONE,emergency,raised,11,11,2026-03-02,WH");
        assertThat(onHand()).contains("ST-1,PHONE,1,11,");
        String batch = Jdbi.create("jdbc:sqlite:" + cli.db())
                .withHandle(
                        h -> h.createQuery("SELECT file_name || ',' || kind || ',' || rows_written FROM import_batch "
                                        + "ORDER BY batch_id DESC LIMIT 1")
                                .mapTo(String.class)
                                .one());
        assertThat(batch).isEqualTo("stock add,moves,1");
    }

    @Test
    void aSignedAdjustAtAGivenTimeAboveTheEmergencyPointExitsZero() {
        CliHarness.Result r = addPhone("adjust", "-1", "--at", "2026-03-01 18:00");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("added adjust -1 of PHONE at ST-1 (2026-03-01 18:00:00");
        assertThat(onHand()).contains("ST-1,PHONE,2,");
    }

    @Test
    void anUnknownSiteIsRejectedWithExit4NamingTheOptionAndNothingIsWritten() {
        CliHarness.Result r =
                cli.run("stock", "add", "--site", "NOPE", "--sku", "PHONE", "--kind", "sale", "--qty", "1");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: stock add: --site: unknown site 'NOPE'");
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("error:"));
        assertThat(onHand()).contains("ST-1,PHONE,3,");
    }

    @Test
    void aBadQuantityOrKindIsRejectedAsTheFileRowWouldBe() {
        assertThat(addPhone("sale", "-2").code()).isEqualTo(4);
        CliHarness.Result r = addPhone("gift", "1");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("stock add: --kind:");
        assertThat(onHand()).contains("ST-1,PHONE,3,");
    }

    @Test
    void aRefAlreadyBookedIsADuplicateAndTheSameMoveWithoutRefMayComeTwice() {
        assertThat(addPhone("receipt", "1").code()).isZero();
        assertThat(addPhone("receipt", "1").code()).isZero();
        assertThat(onHand()).contains("ST-1,PHONE,5,");
        CliHarness.Result r = addPhone("count", "9", "--ref", "INV-1");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("already in the ledger");
    }

    @Test
    void aTimeInAnotherFormIsAUsageErrorNamingTheExpectedForm() {
        CliHarness.Result r = addPhone("sale", "1", "--at", "02/03/2026");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("expected 'YYYY-MM-DD HH:MM[:SS]'");
    }

    @Test
    void aMissingRequiredOptionIsOneLineAndAHint() {
        CliHarness.Result r = cli.run("stock", "add", "--site", "ST-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList())
                .containsExactly(
                        "error: missing required options: '--sku=K', '--kind=KIND', '--qty=N'",
                        "Try 'chanops stock add --help' for its options and examples.");
    }

    /**
     * A dry run warns of what the import would warn of after its commit: a sale of 30 typed for 3 would take ST-1 below
     * zero, and lists the emergency alert it would raise. Worded as what the import would do, nothing written; the
     * import then says the same of what it did, and raises that alert under the same id.
     */
    @Test
    void aDryRunWarnsOfOnHandThatWouldGoBelowZero() {
        Path sale = TestLedgers.writeRows(
                moves.getParent(),
                "sale.csv",
                "at,site_id,sku,kind,qty,ref",
                "2026-03-02 09:00,ST-1,PHONE,sale,30,S-1");
        CliHarness.Result dry = cli.run("stock", "import", sale.toString(), "--dry-run");
        assertThat(dry.code())
                .as("a valid file: exit 0, alerts or not (" + dry + ")")
                .isZero();
        // on hand -27 < L 2: S 12 - position -27 = 39, due today (before the cutoff)
        String alert = "RO-20260302-000001,ST-1,PHONE,emergency,raised,39,39,2026-03-02,WH,"
                + "on hand -27 < L 2: S 12 - position -27 = 39\n";
        assertThat(dry.out().replace("\r\n", "\n")) // the CSV rows end in CRLF (RFC 4180)
                .isEqualTo("dry run: 1 move in sale.csv is valid, 1 position; nothing written\n"
                        + "1 emergency alert the import would raise (the ids are those it would take):\n"
                        + "order_id,site_id,sku,kind,action,qty,order_qty,due_date,warehouse,reason\n"
                        + alert);
        assertThat(cli.run("replenish", "orders", "--format", "csv").out())
                .as("nothing raised")
                .doesNotContain("RO-");
        assertThat(dry.err())
                .contains(sale + ": on hand would go below zero at 1 position: PHONE at ST-1: -27 (was 3); more sold or"
                        + " sent out than received and counted, would be imported as given: a quantity typed wrong,"
                        + " or a receipt or count not imported yet?");
        assertThat(onHand()).contains("ST-1,PHONE,3,");
        CliHarness.Result real = cli.run("stock", "import", sale.toString());
        assertThat(real.err()).contains(sale + ": on hand went below zero at 1 position: PHONE at ST-1: -27 (was 3)");
        assertThat(real.code()).isEqualTo(3);
        assertThat(real.out().replace("\r\n", "\n"))
                .contains("1 emergency alert from this import:\n")
                .endsWith(alert);
    }

    @Test
    void dryRunOfAFileImportedBeforeSaysTheImportWouldBeRefused() {
        CliHarness.Result r = cli.run("stock", "import", moves.toString(), "--dry-run");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains("already imported as batch")
                .contains("error: dry run: the import of moves.csv would be refused (already imported)");
        assertThat(cli.run("stock", "import", moves.toString(), "--dry-run", "--force")
                        .code())
                .isEqualTo(3); // with --force its documents are still booked once: invalid rows
    }
}
