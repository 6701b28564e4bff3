package io.chanops.cli.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger of the chunk era (confirmed orders as blobs; made and reported on by that era's chanops, see the ledger's
 * test resources {@code db/chunk-ledger/make.sh}) gives, once upgraded to rows, the very bytes that chanops printed and
 * wrote: commission summaries, warnings and details, the cost report, and the orders each run confirmed.
 */
class ChunkLedgerReportsTest {
    private static final String FIXTURE = "/db/chunk-ledger/";

    @TempDir
    Path dir;

    private CliHarness cli;

    private static byte[] recorded(String name) throws IOException {
        try (InputStream in =
                Objects.requireNonNull(ChunkLedgerReportsTest.class.getResourceAsStream(FIXTURE + name), name)) {
            return in.readAllBytes();
        }
    }

    private static String recordedText(String name) throws IOException {
        return new String(recorded(name), StandardCharsets.UTF_8);
    }

    @BeforeEach
    void upgradedChunkLedger() throws IOException {
        cli = new CliHarness(dir);
        Files.write(cli.db(), recorded("chunk-ledger.sqlite"));
        // the upgrade, before the commands; the ledger had no zone recorded: the one its reports were made in
        Ledger.open(LedgerLocation.parse(cli.db().toString()), Duration.ofSeconds(5), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void commissionReportsAreTheChunkErasByteForByte() throws IOException {
        for (String month : new String[] {"2026-01", "2026-02", "2026-03"}) {
            String detail = "expected-commission-" + month + "-detail.csv";
            CliHarness.Result r = cli.run(
                    "commission",
                    "report",
                    "--month",
                    month,
                    "--by",
                    "site",
                    "--detail",
                    dir.resolve(detail).toString());
            assertThat(r.code()).as(r.toString()).isZero();
            // the recorded reports predate the name and month columns appended since: SPEC §8's seven compared
            assertThat(specColumns(r.out())).as(month).isEqualTo(recordedText("expected-commission-" + month + ".csv"));
            assertThat(r.out()).as(month).contains(",2026-" + month.substring(5) + "\r\n");
            // the warning of a month not over yet (2026-03 on the harness's 2026-03-02) came after the recording
            String err = r.err()
                    .lines()
                    .filter(line -> !line.startsWith("warning: " + month + " is not over"))
                    .map(line -> line + "\n")
                    .reduce("", String::concat);
            assertThat(err.replace(dir + "/", ""))
                    .as(month)
                    .isEqualTo(recordedText("expected-commission-" + month + ".err"));
            assertThat(Files.readAllBytes(dir.resolve(detail))).as(detail).isEqualTo(recorded(detail));
        }
    }

    @Test
    void costReportIsTheChunkErasByteForByte() throws IOException {
        CliHarness.Result r = cli.run("cost", "report", "--month", "2026-02");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(recordedText("expected-cost-2026-02.csv"));
        assertThat(r.err()).isEqualTo(recordedText("expected-cost-2026-02.err"));
    }

    @Test
    void theOrdersEachRunConfirmedListAsBefore() throws IOException {
        for (int run : new int[] {1, 2, 3, 5}) {
            CliHarness.Result r =
                    cli.run("reconcile", "show", String.valueOf(run), "--category", "MATCHED", "--format", "csv");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).as("run " + run).isEqualTo(recordedText("expected-matched-run-" + run + ".csv"));
        }
    }

    /** Each line without its last two cells (name, month). */
    private static String specColumns(String csv) {
        StringBuilder s = new StringBuilder();
        for (String line : csv.split("\r\n")) {
            int month = line.lastIndexOf(',');
            int name = line.lastIndexOf(',', month - 1);
            s.append(line, 0, name).append("\r\n");
        }
        return s.toString();
    }
}
