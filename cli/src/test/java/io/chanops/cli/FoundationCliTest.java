package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the real command line, on a temp ledger and the repository's samples. */
class FoundationCliTest {
    @TempDir
    Path dir;

    private CliHarness loaded() {
        return new CliHarness(dir).withSampleSitesAndCatalog();
    }

    @Test
    void samplesImportAndStockShowPrintsTheSpecColumns() {
        CliHarness cli = loaded();
        CliHarness.Result r =
                cli.run("stock", "import", TestLedgers.sample("moves.csv").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("imported").contains("moves");
        CliHarness.Result show = cli.run("stock", "show", "--site", "GZ-TH-01", "--sku", "SIM-STD");
        assertThat(show.out().lines().toList())
                .first()
                .isEqualTo("site_id,sku,on_hand,on_order,position,t_days,R,S,L,state");
        assertThat(show.out().lines().toList()).hasSize(2);
        assertThat(show.out().lines().toList().get(1))
                .startsWith("GZ-TH-01,SIM-STD,")
                .endsWith(",,,,,no_policy");
    }

    @Test
    void badMovesAreRejectedWithLocatedMessagesExit4AndTheLedgerIsUnchanged() throws Exception {
        CliHarness cli = loaded();
        Path bad = TestLedgers.write(
                dir,
                "moves.csv",
                "at,site_id,sku,kind,qty,ref",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,R-1",
                "2026-03-01 10:00,GZ-XX-99,HS-IP16-128,sale,1,S-1",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,sale,one,S-2",
                "yesterday,GZ-TH-01,HS-IP16-128,sale,1,S-3",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,R-1");
        CliHarness.Result r = cli.run("stock", "import", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(r.err())
                .contains(bad + ":3: site_id: unknown site 'GZ-XX-99'")
                .contains(bad + ":4: qty: 'one' is not a whole number")
                .contains(bad + ":5: at: 'yesterday' is not a date-time")
                .contains(bad + ":6: ref: duplicate row")
                .contains("error: input rejected");
        CliHarness.Result show = cli.run("stock", "show");
        assertThat(show.out().lines().count()).isEqualTo(1);
    }

    @Test
    void wrongHeaderIsRejected() {
        CliHarness cli = loaded();
        Path bad = TestLedgers.write(
                dir, "m.csv", "date,store,sku,kind,qty", "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5");
        CliHarness.Result r = cli.run("stock", "import", bad.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err())
                .contains(bad + ":1: at: required column is missing from the header")
                .contains(bad + ":1: site_id: required column is missing from the header");
        assertThat(r.err()).contains("warning: " + bad + ":1: date: unknown column, ignored");
    }

    @Test
    void gb18030FileNeedsItsCharset() {
        CliHarness cli = new CliHarness(dir);
        Path sites = TestLedgers.write(
                dir,
                "sites-gbk.csv",
                Charset.forName("GB18030"),
                "site_id,name,kind,city,warehouse,channel",
                "WH1,广州仓,warehouse,广州,,",
                "S1,天河城营业厅,store,广州,WH1,hall");
        CliHarness.Result asUtf8 = cli.run("site", "import", sites.toString());
        assertThat(asUtf8.code()).isEqualTo(4);
        assertThat(asUtf8.err())
                .contains(sites + ":2: bytes that are not valid UTF-8")
                .contains("--charset GB18030");
        CliHarness.Result ok = cli.run("site", "import", "--charset", "GB18030", sites.toString());
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(cli.run("site", "list", "--format", "csv").out()).contains("S1,天河城营业厅,store,广州,WH1,hall");
    }

    @Test
    void dryRunWritesNothingAndExits3OnInvalidRows() {
        CliHarness cli = loaded();
        Path good = TestLedgers.write(
                dir, "good.csv", "at,site_id,sku,kind,qty,ref", "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,R-1");
        Path bad = TestLedgers.write(
                dir, "bad.csv", "at,site_id,sku,kind,qty,ref", "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,0,R-1");
        assertThat(cli.run("stock", "import", "--dry-run", good.toString()).code())
                .isZero();
        CliHarness.Result r = cli.run("stock", "import", "--dry-run", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ATTENTION);
        assertThat(r.err()).contains(bad + ":2: qty:");
        assertThat(r.out()).isEqualTo("dry run: bad.csv has 1 invalid row; nothing written\n");
        Path worse = TestLedgers.write(
                dir,
                "worse.csv",
                "at,site_id,sku,kind,qty,ref",
                "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,0,R-1",
                "2026-02-30 10:00,GZ-TH-01,HS-IP16-128,recept,5,R-2");
        assertThat(cli.run("stock", "import", "--dry-run", worse.toString()).out())
                .as("rows counted, not their problems")
                .isEqualTo("dry run: worse.csv has 2 invalid rows; nothing written\n");
        assertThat(cli.run("stock", "show").out().lines().count()).isEqualTo(1);
        // the dry run did not record the file: importing it for real still works
        assertThat(cli.run("stock", "import", good.toString()).code()).isZero();
    }

    @Test
    void reImportingTheSameFileIsRefusedUnlessForced() {
        CliHarness cli = loaded();
        Path f = TestLedgers.write(
                dir, "m.csv", "at,site_id,sku,kind,qty,ref", "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,");
        assertThat(cli.run("stock", "import", f.toString()).code()).isZero();
        CliHarness.Result again = cli.run("stock", "import", f.toString());
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("already imported").contains("--force");
        // a move without a document reference is never a duplicate: forced, it is booked again
        assertThat(cli.run("stock", "import", "--force", f.toString()).code()).isZero();
        assertThat(cli.run("stock", "show", "--sku", "HS-IP16-128", "--site", "GZ-TH-01")
                        .out())
                .contains("GZ-TH-01,HS-IP16-128,10,");
    }

    @Test
    void siteListExportImportsBackUnchanged() throws Exception {
        CliHarness cli = loaded();
        Path export = dir.resolve("export.csv");
        assertThat(cli.run("site", "list", "--out", export.toString()).code()).isZero();
        CliHarness.Result r = cli.run("site", "import", export.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 created, 0 updated, 13 unchanged");
        CliHarness.Result c =
                cli.run("catalog", "list", "--out", dir.resolve("cat.csv").toString());
        assertThat(c.code()).isZero();
        assertThat(Files.readString(dir.resolve("cat.csv"))).contains("CT-5G-129-24,contract,");
    }

    @Test
    void jsonAndTableFormats() {
        CliHarness cli = loaded();
        CliHarness.Result json = cli.run("site", "list", "--format", "json");
        assertThat(json.out()).contains("\"site_id\" : \"GZ-WH\"").contains("\"lat\" : 23.164");
        CliHarness.Result table = cli.run("site", "list", "--format", "table");
        assertThat(table.out().lines().toList().get(1)).matches("[- ]+");
        assertThat(table.out()).doesNotContain("\u001b[");
    }

    @Test
    void usageErrorsExit2AndVersionWorks() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("stock", "show", "--bogus").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("--now", "tomorrow", "stock", "show").code()).isEqualTo(ExitCode.USAGE);
        CliHarness.Result v = cli.run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("chanops ");
    }

    @Test
    void aNowFarAheadOfTheMachinesClockIsRefusedAndRaisesNothing() {
        CliHarness cli = loaded().importSample("stock", "moves.csv").importSample("policy", "policies.csv");
        // the machine's clock stands at 2026-12-01 00:00Z (08:00 in Shanghai); 2062 is 2026 with two digits swapped
        CliHarness.Result r = cli.at("2062-03-02 09:30").run("replenish", "check");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("error: --now '2062-03-02 09:30' is 12875 days after this machine's clock "
                        + "(2026-12-01 08:00:00 Asia/Shanghai): a year or month typed wrong? --now may be at most a "
                        + "day ahead of the clock");
        assertThat(cli.at("2026-03-02 09:30").run("replenish", "orders").out().lines())
                .as("no order was raised")
                .hasSize(1);
        // up to a day ahead is taken as given: a machine whose clock is a little behind
        assertThat(cli.at("2026-12-02 08:01").run("stock", "summary").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.at("2026-12-02T00:01Z").run("stock", "summary").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.at("2026-12-02 07:59").run("stock", "summary").code()).isZero();
    }

    @Test
    void anUnreadableLedgerExits5() throws Exception {
        Path bogus = dir.resolve("not-a-ledger.db");
        Files.writeString(
                bogus, "plain text, certainly not an SQLite database file; long enough for a header".repeat(3));
        StringWriter err = new StringWriter();
        int code = Chanops.create(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("--db", bogus.toString(), "site", "list");
        assertThat(code).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(err.toString()).startsWith("error: ");
    }

    @Test
    void coloursOnlyOnATerminalAndNeverWithNoColor() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String db = new CliHarness(dir).db().toString();
        Chanops.create(new PrintWriter(out), new PrintWriter(err), true, Map.<String, String>of()::get)
                .execute("--db", db, "site", "list", "--format", "table");
        assertThat(out.toString()).contains("\u001b[1m");
        StringWriter out2 = new StringWriter();
        Chanops.create(new PrintWriter(out2), new PrintWriter(err), true, Map.of("NO_COLOR", "1")::get)
                .execute("--db", db, "site", "list", "--format", "table");
        assertThat(out2.toString()).doesNotContain("\u001b[");
    }

    @Test
    void optionDefaultsComeFromTheConfigFileAndTheCommandLineWins() throws Exception {
        CliHarness cli = loaded();
        Path config = TestLedgers.write(dir, "chanops.properties", "format=json", "chanops.stock.show.site=GZ-WEB");
        CliHarness.Result r = cli.run("stock", "show", "--config", config.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("[ ]");
        cli.run("stock", "import", TestLedgers.sample("moves.csv").toString());
        CliHarness.Result json = cli.run("--config", config.toString(), "stock", "show");
        assertThat(json.out()).contains("\"site_id\" : \"GZ-WEB\"").doesNotContain("GZ-TH-01");
        CliHarness.Result csv =
                cli.run("--config", config.toString(), "stock", "show", "--format", "csv", "--site", "GZ-TH-01");
        assertThat(csv.out()).startsWith("site_id,sku,").contains("GZ-TH-01,").doesNotContain("GZ-WEB");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("--config", dir.resolve("nope.properties").toString(), "site", "list")
                        .code())
                .isEqualTo(ExitCode.USAGE);
    }
}
