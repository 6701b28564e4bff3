package io.chanops.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy simulate} on the shipped samples, as the demo loads them: four weeks replayed under candidates. */
class PolicySimulateCliTest {
    private static final String HEADER =
            "candidate,positions,days,demand,served,lost,fill_rate,stockout_days,regular_orders,"
                    + "emergency_orders,units_ordered,avg_on_hand";
    private static final String[] WINDOW = {"--from", "2026-02-02", "--to", "2026-03-01"};

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void loadSamples() {
        cli = new CliHarness(dir)
                .withSampleSitesAndCatalog()
                .importSample("stock", "moves.csv")
                .importSample("policy", "policies.csv");
        assertThat(cli.run("policy", "tune", "--format", "csv").code()).isZero();
    }

    private CliHarness.Result simulate(String... args) {
        List<String> all = new ArrayList<>(List.of("policy", "simulate"));
        all.addAll(List.of(WINDOW));
        all.addAll(List.of(args));
        return cli.run(all);
    }

    @Test
    void currentAndServiceLevelsReplayTheRecordedSales() throws IOException {
        CliHarness.Result r = simulate("--service-level", "0.90,0.98", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4))
                .extracting(l -> l.split(",")[0])
                .containsExactly("current", "sl=0.90", "sl=0.98");
        assertThat(r.err()).contains("nothing written");
        // every candidate faces the same demand: the sale units the samples record for the policy positions in the
        // window
        long recorded = recordedSales(policyPositions(), "2026-02-02", "2026-03-02");
        for (String line : lines.subList(1, 4)) {
            String[] c = line.split(",");
            assertThat(Long.parseLong(c[1])).isEqualTo(policyPositions().size());
            assertThat(c[2]).isEqualTo("28");
            assertThat(Long.parseLong(c[3])).as(line).isEqualTo(recorded);
            assertThat(Long.parseLong(c[4]) + Long.parseLong(c[5]))
                    .as("served + lost")
                    .isEqualTo(recorded);
            assertThat(c[6]).matches("[01]\\.\\d{4}");
            assertThat(c[11]).matches("-?\\d+\\.\\d{2}");
        }
        // a higher service level holds more stock
        double low = Double.parseDouble(lines.get(2).split(",")[11]);
        double high = Double.parseDouble(lines.get(3).split(",")[11]);
        assertThat(high).isGreaterThan(low);
    }

    @Test
    void aPoliciesFileEqualToTheCurrentPoliciesGivesTheSameRows() {
        Path current = dir.resolve("now.csv");
        assertThat(cli.run("policy", "list", "--format", "csv", "--out", current.toString())
                        .code())
                .isZero();
        CliHarness.Result r = simulate("--policies", current.toString(), "--by", "position", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("candidate,site_id,sku," + HEADER.substring("candidate,".length()));
        int positions = policyPositions().size();
        assertThat(lines).hasSize(1 + 2 * positions);
        for (int i = 1; i <= positions; i++) {
            assertThat(lines.get(i)).startsWith("current,");
            assertThat(lines.get(i + positions)).isEqualTo("now," + lines.get(i).substring("current,".length()));
        }
    }

    @Test
    void theTableShowsTheChangeAgainstCurrent() {
        Path file = TestLedgers.write(
                dir, "bigger.csv", "site_id,sku,t_days,R,S,L,locked", "GZ-TH-01,HS-IP16-128,7,40,80,10,false");
        CliHarness.Result r = simulate(
                "--policies", file.toString(), "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "table");
        assertThat(r.code()).as(r.toString()).isZero();
        String bigger =
                r.out().lines().filter(l -> l.startsWith("bigger")).findFirst().orElseThrow();
        assertThat(bigger).containsPattern("\\d+ \\(\\+\\d+\\)"); // e.g. units ordered 180 (+60)
        String current =
                r.out().lines().filter(l -> l.startsWith("current")).findFirst().orElseThrow();
        assertThat(current).doesNotContain("(");
        CliHarness.Result csv = simulate(
                "--policies", file.toString(), "--site", "GZ-TH-01", "--sku", "HS-IP16-128", "--format", "csv");
        assertThat(csv.out()).doesNotContain("(");
        assertThat(csv.out().lines()).hasSize(3);
    }

    @Test
    void jsonAndAFileOut() throws IOException {
        CliHarness.Result json = simulate("--format", "json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"candidate\" : \"current\"").contains("\"fill_rate\" : ");
        Path out = dir.resolve("sim.csv");
        CliHarness.Result file = simulate("--service-level", "0.95", "--by", "position", "--out", out.toString());
        assertThat(file.code()).as(file.toString()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 2 * policyPositions().size());
    }

    @Test
    void itWritesNothingToTheLedger() {
        String policies = cli.run("policy", "list", "--format", "csv").out();
        String orders = cli.run("replenish", "orders", "--format", "csv").out();
        assertThat(simulate("--service-level", "0.90,0.95,0.98", "--format", "csv")
                        .code())
                .isZero();
        assertThat(cli.run("policy", "list", "--format", "csv").out()).isEqualTo(policies);
        assertThat(cli.run("replenish", "orders", "--format", "csv").out()).isEqualTo(orders);
    }

    @Test
    void badOptionsAreUsageErrorsAndABadFileIsRejected() {
        CliHarness.Result badDate = cli.run("policy", "simulate", "--from", "2026-02-30", "--to", "2026-03-01");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--from '2026-02-30' is not a date: expected YYYY-MM-DD");
        CliHarness.Result reversed = cli.run("policy", "simulate", "--from", "2026-03-02", "--to", "2026-03-01");
        assertThat(reversed.code()).isEqualTo(2);
        assertThat(reversed.err()).contains("--from 2026-03-02 is after --to 2026-03-01");
        assertThat(simulate("--service-level", "0.95,1.5").code()).isEqualTo(2);
        assertThat(simulate("--by", "site").code()).isEqualTo(2);
        assertThat(simulate("--history-days", "0").code()).isEqualTo(2);
        assertThat(simulate("--lead-days", "-1").code()).isEqualTo(2);
        Path bad =
                TestLedgers.write(dir, "bad.csv", "site_id,sku,t_days,R,S,L,locked", "GZ-WH,HS-IP16-128,7,1,2,0,false");
        CliHarness.Result rejected = simulate("--policies", bad.toString());
        assertThat(rejected.code()).isEqualTo(4);
        assertThat(rejected.err()).contains("bad.csv:2:");
    }

    @Test
    void helpEndsWithExamples() {
        CliHarness.Result help = cli.run("policy", "simulate", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Examples:").contains("chanops policy simulate --from");
    }

    private Set<String> policyPositions() {
        Set<String> out = new HashSet<>();
        cli.run("policy", "list", "--format", "csv").out().lines().skip(1).forEach(l -> {
            String[] c = l.split(",");
            out.add(c[0] + "," + c[1]);
        });
        return out;
    }

    /** Sale units in samples/moves.csv for these positions with from <= at < until, summed here without chanops. */
    private static long recordedSales(Set<String> positions, String from, String until) throws IOException {
        long sum = 0;
        Map<String, Integer> col = new HashMap<>();
        List<String> lines = Files.readAllLines(TestLedgers.sample("moves.csv"));
        String[] header = lines.get(0).split(",");
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            String at = c[col.get("at")];
            if (c[col.get("kind")].equals("sale")
                    && at.compareTo(from) >= 0
                    && at.compareTo(until) < 0
                    && positions.contains(c[col.get("site_id")] + "," + c[col.get("sku")])) {
                sum += Long.parseLong(c[col.get("qty")]);
            }
        }
        return sum;
    }
}
