package io.chanops.cli;

import io.chanops.cli.support.CheckedPrintWriter;
import io.chanops.cli.support.Colours;
import io.chanops.cli.support.Config;
import io.chanops.cli.support.Pager;
import io.chanops.cli.support.Screen;
import io.chanops.cli.support.Style;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerLocation;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.PgPassword;
import io.chanops.ledger.files.OutputGuard;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Everything a command needs from the global options, resolved once per run: config, the ledger (opened and migrated
 * on first use, never created), its zone and the clock, whether output goes to a colour terminal, verbosity, and the
 * writers.
 */
public final class RunContext {
    private final Chanops root;
    private PrintWriter out;
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

    /**
     * The ledger location: {@code --db}, else {@code $CHANOPS_DB}, else config {@code db}, else {@code ./chanops.db}.
     */
    public LedgerLocation ledgerLocation() {
        return location(ledgerSpec(), "--db ");
    }

    /**
     * {@code spec} read as a ledger location (a usage error names {@code option} when it is none), with a PostgreSQL
     * URL's password from {@code PGPASSWORD}, config {@code db.password} or the password file when the URL has none.
     */
    public LedgerLocation location(String spec, String option) {
        LedgerLocation location;
        try {
            location = LedgerLocation.parse(spec);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw UserException.usage(message.startsWith("--db ") ? option + message.substring(5) : message);
        }
        if (location.dialect() != Ledger.Dialect.POSTGRESQL) {
            return location;
        }
        return PgPassword.resolve(
                        location.spec(),
                        root.host.environment(),
                        config().get("db.password").orElse(null))
                .map(location::withPassword)
                .orElse(location);
    }

    /** {@link #ledgerLocation()} as given, not yet checked. */
    private String ledgerSpec() {
        if (root.db != null) {
            if (root.db.isBlank()) {
                // a script's unset variable: falling back to $CHANOPS_DB or ./chanops.db would write another ledger
                throw UserException.usage("--db is empty (a script's unset variable?): give the ledger's file or URL,"
                        + " or leave --db out for $CHANOPS_DB, else ./chanops.db");
            }
            return root.db;
        }
        String env = root.host.environment().apply("CHANOPS_DB");
        return env != null && !env.isBlank() ? env : config().get("db", "chanops.db");
    }

    /**
     * The existing ledger, opened and migrated on first use (never created: exit 5 if there is none), after checking
     * that a {@code --zone} or config {@code zone} given is its zone.
     */
    public Ledger ledger() {
        if (ledger == null) {
            Optional<ZoneId> asked = requestedZone();
            Ledger opened = Ledger.open(ledgerLocation(), busyTimeout(), asked.orElseGet(ZoneId::systemDefault));
            if (opened.opening().zoneRecorded()) {
                warn("ledger " + opened.location() + " had no time zone recorded; recorded "
                        + opened.zone().getId() + ", used for all its local dates and times from now on");
            }
            requireLedgerZone(opened);
            ledger = opened;
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

    /**
     * Opens the run's outputs, guarding the ledger file and the command's {@code inputs} against being written over.
     */
    OutputSet openOutputs(List<Path> inputs) {
        outputs = new OutputSet(OutputGuard.of(OutputGuard.ledgerFile(ledgerSpec()), inputs));
        return outputs;
    }

    /** The longest wait for another writer a config file may set: an hour. */
    static final int MAX_BUSY_SECONDS = 3600;

    /** How long a writer waits for another writer: config {@code busy-timeout} seconds (0-3600), default 10. */
    public Duration busyTimeout() {
        String text = config().get("busy-timeout", "10");
        double seconds;
        try {
            seconds = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw UserException.usage(config().where() + "busy-timeout=" + text + " is not a number of seconds");
        }
        if (!(seconds >= 0 && seconds <= MAX_BUSY_SECONDS)) {
            // a negative wait is none, and a wait of days leaves cron jobs queued behind one another unnoticed
            throw UserException.usage(config().where() + "busy-timeout=" + text + " must be between 0 and "
                    + MAX_BUSY_SECONDS + " seconds");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * The ledger's time zone (SPEC §3.1), in which every local date and time is read and written: opens the ledger, so
     * only commands that use one ask for it.
     */
    public ZoneId zone() {
        return ledger().zone();
    }

    /** The zone the user asked for: {@code --zone}, else config {@code zone}; empty when neither is given. */
    public Optional<ZoneId> requestedZone() {
        String z = root.zone != null ? root.zone : config().get("zone").orElse(null);
        if (z == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(z.strip()));
        } catch (DateTimeException e) {
            throw UserException.usage((root.zone != null ? "--zone " : config().where() + "zone=") + z
                    + ": unknown time zone (try Asia/Shanghai)");
        }
    }

    /** Refuses (exit 2) a {@code --zone} or config {@code zone} that is not {@code ledger}'s zone. */
    public void requireLedgerZone(Ledger ledger) {
        Optional<ZoneId> asked = requestedZone();
        if (asked.isPresent() && !sameZone(asked.get(), ledger.zone())) {
            String given = root.zone != null
                    ? "--zone " + root.zone
                    : config().where() + "zone=" + asked.get().getId();
            throw UserException.usage(given + " differs from the time zone of ledger " + ledger.location() + ", "
                    + ledger.zone().getId() + " (a ledger has one zone, recorded by init): drop it or give "
                    + ledger.zone().getId());
        }
    }

    /** Two names of one zone (Asia/Shanghai and its link Asia/Chongqing, UTC and Etc/UTC) are the same zone. */
    private static boolean sameZone(ZoneId a, ZoneId b) {
        return a.equals(b)
                || a.normalized().equals(b.normalized())
                || a.getRules().equals(b.getRules());
    }

    /** Whether {@code --now} set the clock (else it is the system's). */
    public boolean clockGiven() {
        return root.now != null;
    }

    /**
     * The clock of the run, in the ledger's zone: {@code --now} when given, a local time in that zone or an instant
     * with its offset ({@code 2026-03-02T03:30Z}), else the machine's clock.
     */
    public Clock clock() {
        if (clock == null) {
            ZoneId zone = zone();
            if (root.now == null) {
                clock = root.host.clock().withZone(zone);
            } else {
                GivenNow now = givenNow();
                if (now.instant().isEmpty()
                        && now.local().isPresent()
                        && zone.getRules().getValidOffsets(now.local().get()).isEmpty()) {
                    // a local time the clocks skipped (daylight saving): moved an hour, it would be another time
                    throw UserException.usage("--now " + root.now + " does not exist in " + zone.getId()
                            + ": the clocks went forward past it; give a time before or after the change");
                }
                Clock given = now.instant().isPresent()
                        ? Clock.fixed(now.instant().get(), zone)
                        : LocalTimes.clock(now.local(), zone);
                refuseFarAhead(
                        "--now", root.now, given.instant(), zone, "--now may be at most a day ahead of the clock");
                clock = given;
            }
        }
        return clock;
    }

    /**
     * Refuses (exit 2) a {@code --now} that is not a time, before any work, whichever command it is given to (one that
     * does not read the clock too): reading it needs no ledger.
     */
    public void checkNow() {
        if (root.now != null) {
            givenNow();
        }
    }

    /** {@code --now} as written: a local time, or an instant with its offset. */
    private record GivenNow(Optional<LocalDateTime> local, Optional<Instant> instant) {}

    private GivenNow givenNow() {
        Optional<Instant> instant = instant(root.now);
        Optional<LocalDateTime> local = instant.isPresent() ? Optional.empty() : LocalTimes.parseDateTime(root.now);
        if (local.isEmpty() && instant.isEmpty()) {
            throw UserException.usage("--now '" + root.now + "': expected 'YYYY-MM-DD HH:MM[:SS]' (in the ledger's "
                    + "zone) or an instant with its offset, e.g. 2026-03-02T03:30Z" + TimeHints.dateTime(root.now));
        }
        return new GivenNow(local, instant);
    }

    /** The machine's clock now, in the ledger's zone, whatever {@code --now} says: for the names of files kept. */
    public LocalDateTime machineNow() {
        return LocalDateTime.ofInstant(root.host.clock().instant(), zone());
    }

    /** How far ahead of the machine's clock {@code --now} may be: a day, for a machine whose clock is a little off. */
    private static final Duration MOST_AHEAD = Duration.ofDays(1);

    /**
     * Refuses (exit 2) a {@code --now} more than {@link #MOST_AHEAD} after the machine's clock: 2062 typed for 2026, or
     * a month and day swapped. A check on such a day raises orders due then, which count as on order until someone
     * cancels them, and a report or import takes that day for today.
     */
    private void refuseFarAhead(String option, String typed, Instant given, ZoneId zone, String rule) {
        Instant machine = root.host.clock().instant();
        if (given.isAfter(machine.plus(MOST_AHEAD))) {
            long days = Duration.between(machine, given).toDays();
            throw UserException.usage(option + " '" + typed + "' is " + days + " days after this machine's clock ("
                    + LocalTimes.format(LocalDateTime.ofInstant(machine, zone)) + " " + zone
                    + "): a year or month typed wrong? " + rule);
        }
    }

    /**
     * Refuses (exit 2) the time of an event typed in {@code option}, a local time in the ledger's zone, when it is
     * more than a day after the machine's clock, whatever {@code --now} says: it cannot have happened yet.
     */
    public void refuseEventAhead(String option, LocalDateTime at) {
        ZoneId zone = zone();
        refuseFarAhead(
                option,
                LocalTimes.format(at),
                at.atZone(zone).toInstant(),
                zone,
                "what it records cannot have happened yet");
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(
                    OffsetDateTime.parse(text.strip().replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
            colours = Colours.decide(root.host.terminal(), root.noColor, root.host.environment());
        }
        return colours;
    }

    public boolean colour() {
        return colours().on();
    }

    /** Whether standard output is a terminal. */
    public boolean stdoutTerminal() {
        return root.host.terminal();
    }

    /**
     * Flushes standard output and throws {@link io.chanops.ledger.OutputFailedException} (exit 6) if writing it failed,
     * other than by a closed pipe: what a command checks before it commits.
     */
    public void requireStandardOutput() {
        CheckedPrintWriter.requireWritten(out());
    }

    /** True when a person is watching a terminal (progress bars, live solver lines). */
    public boolean interactive() {
        return root.host.terminal() && !root.quiet;
    }

    /** Progress bars and live lines are drawn: standard error is a terminal, and not --quiet. */
    public boolean progressShown() {
        return root.host.stderrTerminal() && !root.quiet;
    }

    /**
     * The width tables on standard output fit into; 0 for none: {@code --wide}, or output that is not a terminal and
     * no {@code COLUMNS} ({@link io.chanops.cli.support.Screen}).
     */
    public int tableWidth() {
        if (root.wide) {
            return 0;
        }
        return Screen.columns(root.host.terminal(), root.host.environment()).orElse(0);
    }

    /**
     * Sends the rest of this run's standard output through a pager when it grows longer than the screen, as git does:
     * only when standard output is a terminal, never with {@code --no-pager}, {@code PAGER} empty or {@code cat}.
     * Returns the pager to close when the command is done (it waits for the person to quit it), or null.
     */
    Pager startPaging() {
        if (!root.host.terminal() || root.noPager) {
            return null;
        }
        Pager pager = Pager.of(
                out,
                Screen.rows(root.host.terminal(), root.host.environment()),
                Screen.columns(root.host.terminal(), root.host.environment()).orElse(80),
                root.host.environment());
        if (pager != null) {
            out = pager.writer();
        }
        return pager;
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
