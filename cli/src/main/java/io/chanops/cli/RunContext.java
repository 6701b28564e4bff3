package io.chanops.cli;

import io.chanops.cli.support.Colours;
import io.chanops.cli.support.Config;
import io.chanops.cli.support.Style;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.files.OutputGuard;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.time.LocalTimes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything a command needs from the global options, resolved once per run: config, zone, clock, the ledger
 * (opened and migrated on first use), whether output goes to a colour terminal, verbosity, and the writers.
 */
public final class RunContext {
    private final Chanops root;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CommandRunner runner;
    private Config config;
    private Ledger ledger;
    private Clock clock;
    private Colours colours;
    private OutputSet outputs;

    RunContext(Chanops root, PrintWriter out, PrintWriter err, CommandRunner runner) {
        this.root = root;
        this.out = out;
        this.err = err;
        this.runner = runner;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Runs another chanops command line in this process, with this run's environment (the demo's steps). */
    public CommandRunner runner() {
        return runner;
    }

    public Config config() {
        if (config == null) {
            config = Config.load(root.configFile);
        }
        return config;
    }

    /** The ledger location: {@code --db}, else {@code $CHANOPS_DB}, else config {@code db}, else {@code ./chanops.db}. */
    public String ledgerLocation() {
        if (root.db != null && !root.db.isBlank()) {
            return root.db;
        }
        String env = root.environment.apply("CHANOPS_DB");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return config().get("db", "chanops.db");
    }

    public Ledger ledger() {
        if (ledger == null) {
            ledger = Ledger.open(ledgerLocation(), busyTimeout());
        }
        return ledger;
    }

    /**
     * The files this run writes (SPEC §3.1 "Files written"): a command declares them before its work; one that commits
     * writes and publishes them in its transaction, before the commit; what is left is published when the command
     * returns 0 or 3, and removed otherwise.
     */
    public OutputSet outputs() {
        if (outputs == null) {
            throw new IllegalStateException("the run's outputs are opened when its command starts");
        }
        return outputs;
    }

    /** Opens the run's outputs, guarding the ledger file and the command's {@code inputs} against being written over. */
    OutputSet openOutputs(List<Path> inputs) {
        outputs = new OutputSet(OutputGuard.of(OutputGuard.ledgerFile(ledgerLocation()), inputs));
        return outputs;
    }

    /** How long a writer waits for another writer: config {@code busy-timeout} seconds, default 10. */
    public Duration busyTimeout() {
        String text = config().get("busy-timeout", "10");
        try {
            return Duration.ofMillis((long) (Double.parseDouble(text) * 1000));
        } catch (NumberFormatException e) {
            throw UserException.usage(config().where() + "busy-timeout=" + text + " is not a number of seconds");
        }
    }

    public ZoneId zone() {
        String z = root.zone != null ? root.zone : config().get("zone").orElse(null);
        if (z == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            throw UserException.usage("--zone " + z + ": unknown time zone (try Asia/Shanghai)");
        }
    }

    public Clock clock() {
        if (clock == null) {
            Optional<LocalDateTime> now = Optional.empty();
            if (root.now != null) {
                now = LocalTimes.parseDateTime(root.now);
                if (now.isEmpty()) {
                    throw UserException.usage("--now '" + root.now + "': expected 'YYYY-MM-DD HH:MM[:SS]'");
                }
            }
            clock = LocalTimes.clock(now, zone());
        }
        return clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock());
    }

    /** What services are built with: this run's clock and zone, acting as the OS user. */
    public OperationContext operation() {
        return new OperationContext(clock(), zone(), OperationContext.osUser());
    }

    /** Colour only on an interactive terminal, and never with --no-color or NO_COLOR set: decided once per run. */
    public Colours colours() {
        if (colours == null) {
            colours = Colours.decide(root.terminal, root.noColor, root.environment);
        }
        return colours;
    }

    public boolean colour() {
        return colours().on();
    }

    /** True when a person is watching a terminal (progress bars, live solver lines). */
    public boolean interactive() {
        return root.terminal && !root.quiet;
    }

    public boolean quiet() {
        return root.quiet;
    }

    public boolean verbose() {
        return root.verbose;
    }

    /** Prints a notice on stderr unless --quiet. */
    public void info(String message) {
        if (!root.quiet) {
            err.println(message);
            err.flush();
        }
    }

    /** Prints a warning on stderr (even with --quiet: warnings matter to cron mail). */
    public void warn(String message) {
        err.println(colours().paint(Style.YELLOW, "warning: " + message));
        err.flush();
    }
}
