package io.chanops.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
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
                .isEqualTo("dry run: 2 policies in more.csv are valid: 1 would be created, 1 updated, 0 unchanged;"
                        + " nothing written\n");
        assertThat(dry.err())
                .contains("more.csv:2: S: GZ-SS-01/SIM-DATA-30: S 300 is 10 times the S before (30): would be imported"
                        + " as given;");
        String listed = cli.run("policy", "list", "--format", "csv").out();
        assertThat(listed).contains("GZ-SS-01,SIM-DATA-30,7,10,30,4,").doesNotContain("GZ-TH-01,SIM-STD");
        CliHarness.Result real = cli.run("policy", "import", file.toString());
        assertThat(real.out())
                .isEqualTo("imported 2 policies from more.csv (batch 4): 1 created, 1 updated, 0 unchanged\n");
    }

    /**
     * {@code policy list} imported back, as ops do to edit a few levels in a spreadsheet: no warning for the listing's
     * own columns, the rows not edited left as they were (a manual lock keeps its reason and its end), the edited row
     * imported with its lock's end; a lock's end that is not a date, or on a row not locked, is refused.
     */
    @Test
    void aPolicyListingImportsBackChangingOnlyTheRowsEdited() throws IOException {
        CliHarness cli = new CliHarness(dir).withSampleSitesAndCatalog().importSample("policy", "policies.csv");
        assertThat(cli.run(
                                "policy",
                                "set",
                                "--site",
                                "GZ-TH-01",
                                "--sku",
                                "HS-IP16-128",
                                "--R",
                                "45",
                                "--S",
                                "70",
                                "--L",
                                "8",
                                "--reason",
                                "launch promotion",
                                "--until",
                                "2026-03-15")
                        .code())
                .isZero();
        String before = cli.run("policy", "list", "--format", "csv").out();
        Path listing = Files.writeString(dir.resolve("listing.csv"), before);
        int rows = (int) before.lines().count() - 1;

        CliHarness.Result back = cli.run("policy", "import", listing.toString());
        assertThat(back.code()).as(back.toString()).isZero();
        assertThat(back.err()).as("the listing's own columns are known").isEmpty();
        assertThat(back.out())
                .isEqualTo("imported " + rows + " policies from listing.csv (batch 4): 0 created, 0 updated, " + rows
                        + " unchanged\n");
        assertThat(cli.run("policy", "list", "--format", "csv").out()).isEqualTo(before);

        String edited = before.replace(
                "GZ-TH-01,HS-IP16-128,7,45,70,8,true,2026-03-15,", "GZ-TH-01,HS-IP16-128,7,45,80,8,true,2026-03-31,");
        assertThat(edited).isNotEqualTo(before);
        Path file = Files.writeString(dir.resolve("edited.csv"), edited);
        CliHarness.Result one = cli.run("policy", "import", file.toString());
        assertThat(one.out())
                .isEqualTo("imported " + rows + " policies from edited.csv (batch 5): 0 created, 1 updated, "
                        + (rows - 1) + " unchanged\n");
        assertThat(cli.run("policy", "list", "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "csv")
                        .out())
                .as("the reason cell left as listed is not the reason of the edit")
                .contains("GZ-TH-01,HS-IP16-128,7,45,80,8,true,2026-03-31,import,")
                .contains(",import edited.csv (batch 5),")
                .doesNotContain("launch promotion");
        assertThat(cli.run("policy", "list", "--format", "csv").out().lines().filter(l -> l.contains(",import,")))
                .as("the rows not edited keep what set them: the edited row is the one more imported")
                .hasSize(
                        (int) before.lines().filter(l -> l.contains(",import,")).count() + 1);

        String relisted = cli.run("policy", "list", "--format", "csv").out();
        String reworded = relisted.replace(",import edited.csv (batch 5),", ",\"Mate 70 launch, extended\",");
        assertThat(reworded).isNotEqualTo(relisted);
        CliHarness.Result why = cli.run(
                "policy",
                "import",
                Files.writeString(dir.resolve("why.csv"), reworded).toString());
        assertThat(why.out())
                .as("a new reason is a change of its own")
                .isEqualTo("imported " + rows + " policies from why.csv (batch 6): 0 created, 1 updated, " + (rows - 1)
                        + " unchanged\n");
        assertThat(cli.run("policy", "list", "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "csv")
                        .out())
                .contains("GZ-TH-01,HS-IP16-128,7,45,80,8,true,2026-03-31,import,")
                .contains(",\"Mate 70 launch, extended\",");

        Path wrong = TestLedgers.writeRows(
                dir,
                "wrong.csv",
                "site_id,sku,t_days,R,S,L,locked,locked_until",
                "GZ-TH-01,SIM-STD,7,4,10,2,true,2026/3/31",
                "GZ-SS-01,SIM-DATA-30,7,10,30,4,false,2026-03-31");
        CliHarness.Result refused = cli.run("policy", "import", wrong.toString());
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.err())
                .contains("wrong.csv:2: locked_until: '2026/3/31' is not a date YYYY-MM-DD")
                .contains("wrong.csv:3: locked_until: the lock ends 2026-03-31, but locked is not true");
    }
}
