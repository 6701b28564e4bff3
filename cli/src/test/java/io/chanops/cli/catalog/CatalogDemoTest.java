package io.chanops.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.demo.CatalogDemo;
import io.chanops.cli.demo.DemoSection;
import io.chanops.cli.demo.DemoStep;
import io.chanops.cli.demo.FoundationDemo;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog demo runs on the samples after the foundation's steps, each step ending with its expected exit code. */
class CatalogDemoTest {
    @TempDir
    Path dir;

    @Test
    void everyStepEndsWithItsExpectedExitCode() throws IOException {
        CliHarness cli = new CliHarness(dir);
        List<DemoSection> sections = List.of(new FoundationDemo(), new CatalogDemo());
        for (DemoSection section : sections) {
            for (String name : section.sampleFiles()) {
                Files.createDirectories(dir.resolve("samples"));
                Files.copy(TestLedgers.sample(name), dir.resolve("samples").resolve(name));
            }
        }
        for (DemoSection section : sections) {
            for (DemoStep step : section.steps()) {
                List<String> args = new ArrayList<>();
                for (String a : step.args()) {
                    args.add(
                            a.startsWith("samples/") || a.startsWith("out/")
                                    ? dir.resolve(a).toString()
                                    : a);
                }
                CliHarness.Result r = cli.run(args);
                assertThat(r.code()).as(step.title() + "\n" + r).isEqualTo(step.expectedExit());
            }
        }
        assertThat(Files.readAllLines(dir.resolve("samples/catalog-broken.csv.rejects.csv")))
                .hasSizeGreaterThan(5);
        // stocked SKUs stay listed for the later sections of the demo
        CliHarness.Result unlisted = cli.run("catalog", "list", "--status", "unlisted", "--format", "csv");
        assertThat(unlisted.out().lines().skip(1))
                .extracting(l -> l.split(",")[0])
                .containsExactly("SIM-IOT");
    }
}
