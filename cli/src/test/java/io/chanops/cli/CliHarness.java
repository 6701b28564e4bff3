package io.chanops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs chanops commands in-process against one temp ledger, as a user would from a shell:
 * {@code var r = cli.run("stock", "import", file); assertEquals(4, r.code());
 * assertThat(r.err()).contains("moves.csv:7:")}. The ledger is made first ({@code chanops init}, zone Asia/Shanghai)
 * unless {@link #withoutLedger}. Every run gets
 * {@code --db} of this harness, {@code --zone Asia/Shanghai} (unless {@link #zone} says otherwise) and the clock set by
 * {@link #at}. The command line is built from the arguments as {@link Chanops#main} builds it (only the invoked
 * subcommand's tree).
 */
public final class CliHarness {
    public static final String ZONE = "Asia/Shanghai";

    /** The import files of {@link #importRows}: the noun's file name and its header. */
    private static final Map<String, List<String>> IMPORT_FILES = Map.of(
            "site", List.of("sites.csv", "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes"),
            "catalog", List.of("catalog.csv", "sku,type,name,brand,price,status,channels,monthly_fee,months"),
            "stock", List.of("moves.csv", "at,site_id,sku,kind,qty,ref"),
            "policy", List.of("policies.csv", "site_id,sku,t_days,R,S,L,locked"));

    /**
     * The machine's clock in every run: fixed, so that no test depends on the day it runs (a {@code --now} more than a
     * day after it is refused), and late enough for the dates the tests give.
     */
    public static final Clock MACHINE_CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private final Path db;
    private String now = "2026-03-02 09:30";
    private Clock machineClock = MACHINE_CLOCK;
    private String zone = ZONE;
    private Map<String, String> env = Map.of();
    private boolean terminal;

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** A harness on a new ledger {@code dir/chanops.db}, made by {@code chanops init --zone Asia/Shanghai}. */
    public CliHarness(Path dir) {
        this(dir.resolve("chanops.db"), true);
    }

    private CliHarness(Path db, boolean init) {
        this.db = db;
        if (init) {
            Result made = run("init");
            if (made.code() != 0) {
                throw new IllegalStateException("chanops init failed: " + made);
            }
        }
    }

    /** A harness on {@code db} without making a ledger there (tests of what happens where there is none). */
    public static CliHarness withoutLedger(Path db) {
        return new CliHarness(db, false);
    }

    public Path db() {
        return db;
    }

    /** Sets the clock for the following runs ({@code --now}). */
    public CliHarness at(String now) {
        this.now = now;
        return this;
    }

    /** The {@code --zone} of the following runs; null for none. */
    public CliHarness zone(String zone) {
        this.zone = zone;
        return this;
    }

    /** Whether standard output is taken for a terminal in the following runs (tables, pager); false by default. */
    public CliHarness terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /** The machine's clock in the following runs ({@link #MACHINE_CLOCK} by default). */
    public CliHarness machineClock(Clock machineClock) {
        this.machineClock = machineClock;
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
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        if (zone != null) {
            all.add("--zone");
            all.add(zone);
        }
        if (now != null) {
            all.add("--now");
            all.add(now);
        }
        all.addAll(List.of(args));
        String[] argv = all.toArray(String[]::new);
        int code = Chanops.execute(
                argv, stdout, new PrintWriter(err, true), new Host(terminal, false, env::get, machineClock));
        return new Result(code, "", err.toString());
    }

    public Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /**
     * Runs chanops with exactly {@code args} (no {@code --db}, {@code --zone} or {@code --now} added) in {@code env}.
     */
    public static Result runExactly(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Chanops.execute(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new Host(false, false, env::get, MACHINE_CLOCK));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@link #runExactly(Map, String...)} in an empty environment. */
    public static Result runExactly(String... args) {
        return runExactly(Map.of(), args);
    }

    /** {@link #runExactly(String...)} of a list. */
    public static Result runExactly(List<String> args) {
        return runExactly(args.toArray(String[]::new));
    }

    /** Runs {@code <noun> import file} and fails the test unless it exits 0. */
    public CliHarness imports(String noun, Path file) {
        Result r = run(noun, "import", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        return this;
    }

    /** Imports the repository's sample {@code file} (say {@code sites.csv}) with {@code <noun> import}. */
    public CliHarness importSample(String noun, String file) {
        return imports(noun, TestLedgers.sample(file));
    }

    /** The shipped sites and catalog imported: where most end-to-end tests start. */
    public CliHarness withSampleSitesAndCatalog() {
        return importSample("site", "sites.csv").importSample("catalog", "catalog.csv");
    }

    /** A warehouse WH, a store ST-1 (a hall) it supplies, and one handset PHONE: the smallest ledger to stock. */
    public CliHarness withOneStoreAndPhone() {
        importRows(
                "site",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00");
        importRows("catalog", "PHONE,handset,Phone,Brand,1999.00,listed,hall|partner,,");
        return this;
    }

    /**
     * The arguments of {@code reconcile run} on a platform file, a BOSS export and its profile, reports to {@code out}.
     */
    public static List<String> reconcileArgs(String platform, String boss, String profile, String out) {
        return List.of("reconcile", "run", "--platform", platform, "--boss", boss, "--profile", profile, "--out", out);
    }

    /** {@link #reconcileArgs} on the repository's sample files of {@code month} (2026-01 or 2026-02). */
    public static List<String> sampleReconcileArgs(String month, Path out) {
        return reconcileArgs(
                TestLedgers.sample("platform-orders-" + month + ".csv").toString(),
                TestLedgers.sample("boss-" + month + ".csv").toString(),
                TestLedgers.sample("boss-profile.properties").toString(),
                out.toString());
    }

    /**
     * Writes {@code rows} under the header of the noun's import file (site: sites.csv, catalog: catalog.csv, stock:
     * moves.csv, policy: policies.csv) next to the ledger, imports it as {@link #imports} does and returns the file.
     */
    public Path importRows(String noun, String... rows) {
        List<String> file = IMPORT_FILES.get(noun);
        Path written = TestLedgers.writeRows(db.toAbsolutePath().getParent(), file.get(0), file.get(1), rows);
        imports(noun, written);
        return written;
    }
}
