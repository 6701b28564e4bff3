package io.chanops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs chanops commands in-process against one temp ledger, as a user would from a shell:
 * {@code var r = cli.run("stock", "import", file); assertEquals(4, r.code()); assertThat(r.err()).contains("moves.csv:7:")}.
 * Every run gets {@code --db} of this harness, the zone Asia/Shanghai and the clock set by {@link #at}. The command
 * line is built from the arguments as {@link Chanops#main} builds it (only the invoked subcommand's tree).
 */
public final class CliHarness {
    private final Path db;
    private String now = "2026-03-02 09:30";
    private Map<String, String> env = Map.of();

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public CliHarness(Path dir) {
        this.db = dir.resolve("chanops.db");
    }

    public Path db() {
        return db;
    }

    /** Sets the clock for the following runs ({@code --now}). */
    public CliHarness at(String now) {
        this.now = now;
        return this;
    }

    public CliHarness env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        Result r = run(new PrintWriter(out, true), args);
        return new Result(r.code(), out.toString(), r.err());
    }

    /** Runs with {@code stdout} as standard output (a failing one, say); the result's {@code out} is empty. */
    public Result run(PrintWriter stdout, String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--zone", "Asia/Shanghai"));
        if (now != null) {
            all.add("--now");
            all.add(now);
        }
        all.addAll(List.of(args));
        String[] argv = all.toArray(String[]::new);
        int code = Chanops.execute(argv, stdout, new PrintWriter(err, true), false, env::get);
        return new Result(code, "", err.toString());
    }

    public Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }
}
