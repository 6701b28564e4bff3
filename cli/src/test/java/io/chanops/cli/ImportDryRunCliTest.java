package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dry runs of the site, policy and stock imports report a file the import would refuse alike (SPEC §3): invalid
 * rows are listed and counted, exit 3; a file in another charset would be refused as a whole, exit 3; a file imported
 * before is the import's own refusal, exit 4. Nothing is written in any case.
 */
class ImportDryRunCliTest extends OnSampleLedger {
    /** Per import: its file's header, a valid row and a row whose second-to-last cell is invalid. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "site|site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes"
                        + "|GZ-NEW-01,New hall,store,GZ,GZ-WH,hall,23.1,113.3,09:00,21:00"
                        + "|GZ-NEW-02,New hall,stre,GZ,GZ-WH,hall,23.1,113.3,09:00,21:00|'stre' is not store",
                "policy|site_id,sku,t_days,R,S,L,locked"
                        + "|GZ-TH-01,HS-IP16-128,7,4,10,1,false"
                        + "|GZ-TH-02,HS-IP16-128,7,4,10,1,maybe|'maybe' is not true or false",
                "stock|at,site_id,sku,kind,qty,ref"
                        + "|2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5,R-1"
                        + "|2026-03-01 11:00,GZ-TH-01,HS-IP16-128,sle,1,S-1|'sle' is not one of"
            })
    void aFileTheImportWouldRefuseIsReportedAlikeByEveryImport(
            String noun, String header, String valid, String invalid, String problem) throws IOException {
        String before = ledgerDump();

        Path bad = TestLedgers.write(dir, "bad.csv", header, valid, invalid);
        CliHarness.Result rows = cli.run(noun, "import", bad.toString(), "--dry-run");
        assertThat(rows.code()).as(rows.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(rows.err()).contains("bad.csv:3: ").contains(problem);
        assertThat(rows.out()).isEqualTo("dry run: bad.csv has 1 invalid row; nothing written\n");

        Path gb = dir.resolve("gb.csv");
        Files.writeString(gb, header + "\n" + valid.replaceFirst(",", ",广州") + "\n", Charset.forName("GB18030"));
        CliHarness.Result charset = cli.run(noun, "import", gb.toString(), "--dry-run");
        assertThat(charset.code()).as(charset.toString()).isEqualTo(ExitCode.ATTENTION);
        assertThat(charset.err()).contains("gb.csv:2: bytes that are not valid UTF-8 (is it GB18030/GBK?");
        assertThat(charset.out()).isEqualTo("dry run: gb.csv would be refused; nothing written\n");

        assertThat(ledgerDump()).as("nothing written").isEqualTo(before);

        Path good = TestLedgers.write(dir, "good.csv", header, valid);
        assertThat(cli.run(noun, "import", good.toString()).code()).isIn(ExitCode.OK, ExitCode.ATTENTION);
        CliHarness.Result again = cli.run(noun, "import", good.toString(), "--dry-run");
        assertThat(again.code()).as(again.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(again.err())
                .contains("this file was already imported as batch")
                .contains("error: dry run: the import of good.csv would be refused (already imported)");
    }

    /** What a dry run must leave as it was: the sites, policies and stock listed as CSV. */
    private String ledgerDump() {
        return cli.run("site", "list", "--format", "csv").out()
                + cli.run("policy", "list", "--format", "csv").out()
                + cli.run("stock", "show", "--format", "csv").out();
    }
}
