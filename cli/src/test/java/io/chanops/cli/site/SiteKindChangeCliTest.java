package io.chanops.cli.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.OnSampleLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A site's kind changes only where nothing depends on the old one: a store with policies does not become a warehouse,
 * and a warehouse that supplies stores does not become a store (exit 4, nothing written); otherwise the change is an
 * update like any other.
 */
class SiteKindChangeCliTest extends OnSampleLedger {
    private static final String HEADER = "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes";

    private CliHarness.Result importSites(String name, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        Path f = TestLedgers.write(dir, name, lines);
        return cli.run("site", "import", f.toString());
    }

    private String kindOf(String site) {
        return cli.run("site", "list", "--format", "csv")
                .out()
                .lines()
                .filter(l -> l.startsWith(site + ","))
                .map(l -> l.split(",")[2])
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStoreWithPoliciesDoesNotBecomeAWarehouse() {
        cli.importSample("policy", "policies.csv");
        CliHarness.Result r = importSites("kiosk.csv", "GZ-SS-01,Kiosk,warehouse,GZ,,,23.1,113.3,09:00,21:00");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .contains(":2: kind: 'GZ-SS-01' is a store with 2 policies; it cannot become a warehouse (give the"
                        + " warehouse a site_id of its own)");
        assertThat(kindOf("GZ-SS-01")).isEqualTo("store");
    }

    @Test
    void aStoreWithoutPoliciesMayBecomeAWarehouse() {
        CliHarness.Result r = importSites("kiosk.csv", "GZ-SS-01,Kiosk,warehouse,GZ,,,23.1,113.3,09:00,21:00");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(kindOf("GZ-SS-01")).isEqualTo("warehouse");
    }

    @Test
    void aWarehouseThatSuppliesStoresDoesNotBecomeAStore() {
        CliHarness.Result r = importSites(
                "wh.csv",
                "GZ-WH2,Second warehouse,warehouse,GZ,,,23.1,113.3,06:00,22:00",
                "GZ-WH,Former warehouse,store,GZ,GZ-WH2,hall,23.1,113.3,09:00,21:00");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .containsPattern(":3: kind: 'GZ-WH' is the warehouse of \\d+ stores \\(GZ-[A-Z0-9-]+, .* and \\d+"
                        + " more\\); it cannot become a store until they are given another warehouse");
        assertThat(kindOf("GZ-WH")).isEqualTo("warehouse");
        assertThat(cli.run("site", "list", "--format", "csv").out()).doesNotContain("GZ-WH2");
    }

    /** A site import's dry run: its refusals and counts as the import would give them, nothing written. */
    @Test
    void aDryRunRefusesWhatTheImportWouldAndOtherwiseOnlyCounts() {
        cli.importSample("policy", "policies.csv");
        Path kiosk =
                TestLedgers.write(dir, "kiosk.csv", HEADER, "GZ-SS-01,Kiosk,warehouse,GZ,,,23.1,113.3,09:00,21:00");
        CliHarness.Result refused = cli.run("site", "import", kiosk.toString(), "--dry-run");
        assertThat(refused.code()).as("a dry run that finds invalid rows").isEqualTo(3);
        assertThat(refused.err()).contains("'GZ-SS-01' is a store with 2 policies");
        assertThat(refused.out()).isEqualTo("dry run: kiosk.csv has 1 invalid row; nothing written\n");
        Path more = TestLedgers.write(
                dir, "more.csv", HEADER, "GZ-NEW-01,New hall,store,GZ,GZ-WH,hall,23.1,113.3,09:00,21:00");
        CliHarness.Result dry = cli.run("site", "import", more.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out())
                .isEqualTo("dry run: 1 site in more.csv is valid: 1 would be created, 0 updated, 0 unchanged;"
                        + " nothing written\n");
        assertThat(cli.run("site", "list", "--format", "csv").out()).doesNotContain("GZ-NEW-01");
        assertThat(cli.run("site", "import", more.toString()).out()).contains("1 created");
    }
}
