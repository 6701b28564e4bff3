package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.jansi.Ansi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour end to end: on a terminal the library's sequences, and none at all with NO_COLOR, --no-color or a pipe. */
class ColourCliTest {
    private static final String ESC = "\u001b[";

    @TempDir
    Path dir;

    /** The ledger the runs use (only init creates one). */
    @BeforeEach
    void ledger() {
        new CliHarness(dir);
    }

    private record Output(int code, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private Output run(boolean terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all =
                new ArrayList<>(List.of("--db", dir.resolve("chanops.db").toString(), "--zone", "Asia/Shanghai"));
        all.addAll(List.of(args));
        int code = Chanops.execute(
                all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), terminal, env::get);
        return new Output(code, out.toString(), err.toString());
    }

    /** A table, a warning (unknown column) and errors (missing columns) in one run each. */
    private List<Output> tableWarningAndErrors(boolean terminal, Map<String, String> env, String... globals) {
        Path header = TestLedgers.write(
                dir, "m.csv", "date,store,sku,kind,qty", "2026-03-01 10:00,GZ-TH-01,HS-IP16-128,receipt,5");
        List<String> table = new ArrayList<>(List.of(globals));
        table.addAll(List.of("site", "list", "--format", "table"));
        List<String> rejected = new ArrayList<>(List.of(globals));
        rejected.addAll(
                List.of("-q", "stock", "import", header.toString())); // -q: no progress bar on the test's stderr
        return List.of(
                run(terminal, env, table.toArray(String[]::new)), run(terminal, env, rejected.toArray(String[]::new)));
    }

    @Test
    void onATerminalTablesWarningsAndErrorsAreColouredByJansi() {
        List<Output> runs = tableWarningAndErrors(true, Map.of());
        assertThat(runs.get(0).out()).startsWith(new Ansi().bold().a("site_id").toString());
        Output rejected = runs.get(1);
        assertThat(rejected.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(rejected.err())
                .contains(new Ansi().fgYellow().a("warning: ").toString())
                .contains(new Ansi().fgRed().a("error: input rejected").reset().toString());
    }

    @Test
    void noColourWithNoColorInTheEnvironment() {
        tableWarningAndErrors(true, Map.of("NO_COLOR", "1"))
                .forEach(r -> assertThat(r.both()).doesNotContain(ESC));
    }

    @Test
    void noColourWithTheNoColorOption() {
        tableWarningAndErrors(true, Map.of(), "--no-color")
                .forEach(r -> assertThat(r.both()).doesNotContain(ESC));
    }

    @Test
    void noColourWhenNotATerminal() {
        tableWarningAndErrors(false, Map.of()).forEach(r -> assertThat(r.both()).doesNotContain(ESC));
    }

    @Test
    void theSameTextWithColourOffAsWithTheSequencesTakenOut() {
        List<Output> coloured = tableWarningAndErrors(true, Map.of());
        List<Output> plain = tableWarningAndErrors(true, Map.of(), "--no-color");
        for (int i = 0; i < plain.size(); i++) {
            assertThat(coloured.get(i).both().replaceAll("\u001b\\[[0-9;]*m", ""))
                    .isEqualTo(plain.get(i).both());
        }
    }

    @Test
    void helpIsColouredOnATerminalUnlessColourIsOff() {
        assertThat(run(true, Map.of(), "stock", "show", "--help").out()).contains(ESC);
        assertThat(run(true, Map.of(), "--no-color", "stock", "show", "--help").out())
                .doesNotContain(ESC);
        assertThat(run(true, Map.of(), "stock", "show", "--help", "--no-color").out())
                .doesNotContain(ESC);
        assertThat(run(true, Map.of("NO_COLOR", "1"), "stock", "show", "--help").out())
                .doesNotContain(ESC);
        assertThat(run(false, Map.of(), "stock", "show", "--help").out()).doesNotContain(ESC);
    }

    @Test
    void helpFromTheWholeCommandLineHonoursTheNoColorOptionToo() {
        StringWriter out = new StringWriter();
        Chanops.create(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        true,
                        Map.<String, String>of()::get)
                .execute("stock", "show", "--help", "--no-color");
        assertThat(out.toString()).contains("Usage:").doesNotContain(ESC);
    }
}
