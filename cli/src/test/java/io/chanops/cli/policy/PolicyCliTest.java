package io.chanops.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuning and the check on the shipped samples, as the demo runs them. */
class PolicyCliTest {
    @TempDir
    Path dir;

    @Test
    void tuneThenCheckOnTheSamplesRaisesEmergenciesDueToday() {
        CliHarness cli = new CliHarness(dir);
        cli.run("site", "import", TestLedgers.sample("sites.csv").toString());
        cli.run("catalog", "import", TestLedgers.sample("catalog.csv").toString());
        assertThat(cli.run("stock", "import", TestLedgers.sample("moves.csv").toString())
                        .code())
                .isZero();
        CliHarness.Result dry = cli.run("policy", "tune", "--dry-run", "--format", "csv");
        assertThat(dry.code()).isZero();
        assertThat(dry.err()).contains("dry run: nothing written");
        assertThat(cli.run("policy", "list", "--format", "csv").out().lines()).hasSize(1);
        CliHarness.Result tune = cli.run("policy", "tune", "--format", "csv");
        assertThat(tune.out()).contains("GZ-TH-01,HS-IP16-128,new,");
        assertThat(cli.run("policy", "list", "--format", "csv").out().lines()).hasSizeGreaterThan(100);
        // tuning again on the same data changes nothing
        assertThat(cli.run("policy", "tune", "--format", "csv").out().lines()).hasSize(1);
        CliHarness.Result check = cli.run("replenish", "check", "--format", "csv");
        assertThat(check.code()).isEqualTo(3);
        assertThat(check.out())
                .contains(",GZ-TH-01,HS-IP16-128,emergency,raised,")
                .contains(",2026-03-02,GZ-WH,");
        CliHarness.Result orders =
                cli.run("replenish", "orders", "--kind", "emergency", "--due", "2026-03-02", "--format", "csv");
        assertThat(orders.out()).contains("GZ-TH-01,HS-RN14-128,emergency");
    }

    /** A policy import's dry run: the counts and the warnings of the import, nothing written, not even its batch. */
    @Test
    void aPolicyImportDryRunSaysWhatItWouldDoAndWritesNothing() {
        CliHarness cli = new CliHarness(dir).withSampleSitesAndCatalog().importSample("policy", "policies.csv");
        Path file = TestLedgers.writeRows(
                dir,
                "more.csv",
                "site_id,sku,t_days,R,S,L,locked",
                "GZ-SS-01,SIM-DATA-30,7,10,300,4,true",
                "GZ-TH-01,SIM-STD,7,4,10,2,false");
        CliHarness.Result dry = cli.run("policy", "import", file.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out())
                .isEqualTo(
                        "dry run: 2 policies in more.csv are valid: 1 would be created, 1 updated; nothing written\n");
        assertThat(dry.err()).contains("more.csv:2: S: GZ-SS-01/SIM-DATA-30: S 300 is 10 times the S before (30)");
        String listed = cli.run("policy", "list", "--format", "csv").out();
        assertThat(listed).contains("GZ-SS-01,SIM-DATA-30,7,10,30,4,").doesNotContain("GZ-TH-01,SIM-STD");
        CliHarness.Result real = cli.run("policy", "import", file.toString());
        assertThat(real.out()).startsWith("imported 2 policies from more.csv (batch 4): 1 created, 1 updated");
    }
}
