package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A new site or SKU written as an existing one but for case or separators is imported as written, with a warning that
 * names the one it looks like (the dry run warns too, of what the import would do); ids that differ otherwise are not warned of.
 */
class LookAlikeIdsCliTest extends OnSampleLedger {
    @Test
    void aNewSkuWrittenAsAListedOneButForCaseIsImportedWithAWarning() {
        Path f = TestLedgers.write(
                dir,
                "more.csv",
                "sku,type,name,brand,price,status,channels,monthly_fee,months",
                "hs-ip16-128,handset,iPhone 16 128GB,Apple,5999.00,listed,web,,",
                "HS-NEW-1,handset,New phone,Acme,1999.00,listed,web,,");
        String warning = "warning: " + f + ":2: sku: new SKU 'hs-ip16-128' differs from 'HS-IP16-128' only in case or"
                + " separators; it is imported as a new SKU: if it means 'HS-IP16-128', correct the file";
        CliHarness.Result dry = cli.run("catalog", "import", f.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.err().lines())
                .as("worded as what the import would do")
                .containsExactly(warning.replace("it is imported as", "it would be imported as"));
        CliHarness.Result done = cli.run("catalog", "import", f.toString());
        assertThat(done.code()).as(done.toString()).isZero();
        assertThat(done.err().lines()).containsExactly(warning);
        assertThat(done.out()).contains("2 created");
    }

    @Test
    void aNewSiteWrittenAsAnExistingOneButForSeparatorsIsImportedWithAWarning() {
        Path f = TestLedgers.write(
                dir,
                "more-sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "GZTH01,Tianhe 1,store,GZ,GZ-WH,hall,,,,",
                "GZ-TH-09,Tianhe 9,store,GZ,GZ-WH,hall,,,,");
        CliHarness.Result r = cli.run("site", "import", f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err().lines())
                .containsExactly("warning: " + f + ":2: site_id: new site 'GZTH01' differs from 'GZ-TH-01' only in"
                        + " case or separators; it is imported as a new site: if it means 'GZ-TH-01', correct the"
                        + " file");
        assertThat(r.out()).contains("2 created");
    }
}
