package io.chanops.cli.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.cli.OnLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stock import --skip-booked}: a feed whose files overlap imports its new moves only, through the real command
 * line. Store ST-1 holds 10 PHONE from the first day's file.
 */
class StockImportSkipBookedCliTest extends OnLedger {
    private static final String HEADER = "at,site_id,sku,kind,qty,ref";
    Path day2;

    @BeforeEach
    void setUp() {
        cli.withOneStoreAndPhone();
        cli.importRows(
                "stock", "2026-03-01 08:00,ST-1,PHONE,receipt,12,GRN-1", "2026-03-01 18:00,ST-1,PHONE,sale,2,POS-1");
        day2 = TestLedgers.writeRows(
                cli.db().getParent(),
                "day2.csv",
                HEADER,
                "2026-03-01 18:00,ST-1,PHONE,sale,2,POS-1",
                "2026-03-02 08:10,ST-1,PHONE,sale,1,POS-2");
    }

    private String onHand() {
        return cli.run("stock", "show", "--site", "ST-1", "--format", "csv")
                .out()
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .split(",")[2];
    }

    @Test
    void theOverlapIsRefusedWithAHintThenLeftOutWithTheOption() {
        CliHarness.Result refused = cli.run("stock", "import", day2.toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(refused.err())
                .contains("error: " + day2 + ": 1 of its 2 moves is in the ledger already, each the same move (a feed"
                        + " whose files overlap?): --skip-booked leaves them out and imports the other 1")
                .contains(day2 + ":2: ref: duplicate row: sale 'POS-1' of PHONE at ST-1 is already in the ledger");

        CliHarness.Result dry = cli.run("stock", "import", day2.toString(), "--skip-booked", "--dry-run");
        assertThat(dry.out())
                .contains("dry run: 2 moves in day2.csv are valid, 1 position; 1 of them in the ledger already, to be"
                        + " left out; nothing written");

        CliHarness.Result r = cli.run("stock", "import", day2.toString(), "--skip-booked");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("imported 1 move from day2.csv (batch 4), 1 position updated; 1 left out, in the ledger"
                        + " already");
        assertThat(onHand()).isEqualTo("9");

        CliHarness.Result again = cli.run("stock", "import", day2.toString(), "--skip-booked");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing imported from day2.csv: its 2 moves are all in the ledger already");
        assertThat(onHand()).isEqualTo("9");
    }

    @Test
    void aCorrectedDocumentOrAMoveWithoutRefIsStillRefused() {
        Path corrected = TestLedgers.writeRows(
                cli.db().getParent(), "corrected.csv", HEADER, "2026-03-01 18:00,ST-1,PHONE,sale,3,POS-1");
        CliHarness.Result r = cli.run("stock", "import", corrected.toString(), "--skip-booked");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .contains("at 2026-03-01 18:00:00 with qty 2, and this line says 2026-03-01 18:00:00 with qty 3:"
                        + " --skip-booked leaves out only the same move again");
        Path noRef =
                TestLedgers.writeRows(cli.db().getParent(), "noref.csv", HEADER, "2026-03-02 08:10,ST-1,PHONE,sale,1,");
        CliHarness.Result none = cli.run("stock", "import", noRef.toString(), "--skip-booked");
        assertThat(none.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(none.err()).contains("noref.csv:2: ref: empty: --skip-booked needs a ref on every move");
        assertThat(onHand()).isEqualTo("10");
    }
}
