package io.chanops.cli.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.OnSampleLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A store whose lat or lon was typed wrong lands hundreds of kilometres from its warehouse: the site import warns of
 * it, on its line, and imports it as given (the dry run alike); importing the same place again says nothing more.
 */
class StoreDistanceCliTest extends OnSampleLedger {
    private static final String HEADER = "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes";

    @Test
    void aStoreFarFromItsWarehouseIsWarnedOfOnItsLine() {
        Path typo = TestLedgers.write(
                dir,
                "new-store.csv",
                HEADER,
                "GZ-NEW-01,New hall,store,GZ,GZ-WH,hall,23.13,113.33,09:00,21:00",
                "GZ-NEW-02,New kiosk,store,GZ,GZ-WH,hall,32.13,113.33,09:00,21:00");
        String warning = "new-store.csv:3: lat: GZ-NEW-02 is 997 km from its warehouse GZ-WH, whose other stores"
                + " are 14 km away at the median: are its lat and lon right? (the delivery planner routes vans by"
                + " them)";
        CliHarness.Result dry = cli.run("site", "import", typo.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.err()).contains(warning).doesNotContain("GZ-NEW-01 is");

        CliHarness.Result imported = cli.run("site", "import", typo.toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(imported.err()).contains(warning);
        assertThat(cli.run("site", "list", "--format", "csv").out()).contains("GZ-NEW-02,New kiosk,store,GZ,GZ-WH");

        CliHarness.Result again = cli.run("site", "import", typo.toString(), "--force");
        assertThat(again.err()).as("a store imported before at the same place").doesNotContain("km from");
    }
}
