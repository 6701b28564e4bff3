package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.Chanops;
import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs chanops in-process as {@link CliHarness} does, and runs a change to the ledger once, at the moment a command
 * flushes a given line to stderr: how the race tests of the {@code --apply} commands change what a command read before
 * it writes.
 */
final class ChangeOnLine extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final Pattern line;
    private final Runnable change;
    private boolean fired;

    private ChangeOnLine(Pattern line, Runnable change) {
        this.line = line;
        this.change = change;
    }

    /** Runs {@code args} on {@code db} at {@code now}; fails unless {@code line} appeared (and the change ran). */
    static CliHarness.Result run(Path db, String now, Pattern line, Runnable change, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--zone", "Asia/Shanghai", "--now", now));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        ChangeOnLine err = new ChangeOnLine(line, change);
        int code = Chanops.execute(
                all.toArray(String[]::new),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                false,
                name -> null);
        assertThat(err.fired)
                .as("the line " + line + " was written: " + err.text)
                .isTrue();
        return new CliHarness.Result(code, out.toString(), err.text.toString());
    }

    /** Anything a command left beside its output in {@code dir} (a staging directory, a temp file: a dot name). */
    static List<String> leftovers(Path dir) throws IOException {
        return TestLedgers.fileNames(dir).stream()
                .filter(n -> n.startsWith("."))
                .toList();
    }

    @Override
    public synchronized void write(char[] chars, int off, int len) {
        text.append(chars, off, len);
    }

    @Override
    public synchronized void flush() {
        if (!fired && line.matcher(text).find()) {
            fired = true;
            change.run();
        }
    }

    @Override
    public void close() {}
}
