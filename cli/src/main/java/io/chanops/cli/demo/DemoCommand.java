package io.chanops.cli.demo;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.support.Colours;
import io.chanops.cli.support.Style;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerLocation;
import io.chanops.ledger.LedgerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds a fresh ledger from the bundled samples and walks through the product, printing each step's command and
 * result. Fails (exit 1) if a step ends with an exit code other than the one it expects.
 */
@Command(
        name = "demo",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops demo", "  chanops demo --dir /tmp/chanops-demo --without-planning"},
        description =
                "Build a fresh ledger in DIR from the samples and walk through import, tune, check, plan, reconcile "
                        + "and reports.")
public final class DemoCommand extends ChanopsCommand {
    /** Commands the demo suggests at its end: each shows rows on the demo's ledger (DemoLedgerTest runs them). */
    public static final List<List<String>> CLOSING_HINTS = List.of(
            List.of("stock", "show", "--below", "L"),
            List.of("stock", "summary"),
            List.of("replenish", "orders", "--status", "open"),
            List.of("reconcile", "list"));

    /** The demo's clock: the morning after the samples' last day, before the emergency cutoff. */
    public static final String DEMO_NOW = "2026-03-02 09:30";
    /** The demo ledger's zone: the samples are a Guangzhou operator's. */
    static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Shanghai");

    /** The demo's steps run on a machine whose clock stands at the demo's day: the samples' day, not today. */
    private static final Clock DEMO_MACHINE_CLOCK = Clock.fixed(
            LocalDateTime.parse(DEMO_NOW.replace(' ', 'T')).atZone(DEMO_ZONE).toInstant(), DEMO_ZONE);

    /** The sections, in the order a newcomer should see them. */
    static List<DemoSection> sections() {
        return List.of(
                new FoundationDemo(),
                new CatalogDemo(),
                new ReplenishDemo(),
                new PlanningDemo(),
                new RebalanceDemo(),
                new ReconcileDemo(),
                new FinanceDemo(),
                new BackupDemo());
    }

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where to build the demo (default ./chanops-demo); a ledger the "
                    + "demo made there before is recreated, any other is refused.")
    Path dir = Path.of("chanops-demo");

    /**
     * Leaves out the planning section (the solver runs for seconds): the launcher's class-data-sharing training run
     * uses it, to load the classes of every other command in one short process.
     */
    @Option(names = "--without-planning", hidden = true)
    boolean withoutPlanning;

    @Override
    protected int run() throws IOException {
        PrintWriter out = out();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UserException.usage("--dir " + dir + " is not a directory: give a new or a demo's directory");
        }
        Path db = dir.resolve("chanops.db");
        requireNoOtherLedger(db);
        Files.createDirectories(dir.resolve("samples"));
        // the steps' reports go there (an output's directory must exist)
        Files.createDirectories(dir.resolve("out"));
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        List<DemoSection> sections = sections().stream()
                .filter(section -> !(withoutPlanning && section instanceof PlanningDemo))
                .toList();
        for (DemoSection section : sections) {
            for (String name : section.sampleFiles()) {
                extract(name, dir.resolve("samples").resolve(name));
            }
        }
        Colours colours = ctx().colours();
        boolean colour = colours.on();
        boolean marked = false;
        int step = 0;
        List<String> surprises = new ArrayList<>();
        for (DemoSection section : sections) {
            for (DemoStep s : section.steps()) {
                step++;
                out.println();
                out.println(colours.paint(Style.BOLD, "== " + step + ". " + s.title()));
                out.println(colours.paint(Style.CYAN, "$ chanops " + String.join(" ", quoteAll(s.args()))));
                out.flush();
                List<String> args = new ArrayList<>();
                args.add("--db");
                args.add(db.toString());
                args.add("--now");
                args.add(DEMO_NOW);
                args.add("--zone");
                args.add(DEMO_ZONE.getId());
                if (!colour) {
                    args.add("--no-color");
                }
                args.add("--no-pager");
                args.addAll(resolve(s.args()));
                String[] argv = args.toArray(String[]::new);
                int rc = ctx().runner().run(argv, out, ctx().err(), colour, DEMO_MACHINE_CLOCK);
                if (!marked && Files.exists(db)) {
                    // made by this step (the first, init): from now on the demo may recreate it
                    LedgerSettings.put(
                            Ledger.open(LedgerLocation.parse(db.toString()), ctx().busyTimeout(), DEMO_ZONE),
                            LedgerSettings.MADE_BY,
                            LedgerSettings.DEMO);
                    marked = true;
                }
                out.println(colours.paint(Style.DIM, "(exit " + rc + ")"));
                if (rc != s.expectedExit()) {
                    surprises.add("step " + step + " (" + s.title() + ") ended with exit " + rc + ", expected "
                            + s.expectedExit());
                }
            }
        }
        out.println();
        out.println("Demo ledger: " + db + "; try:");
        for (List<String> hint : CLOSING_HINTS) {
            out.println("  scripts/chanops --db " + db + " " + String.join(" ", hint));
        }
        if (!surprises.isEmpty()) {
            surprises.forEach(ctx().err()::println);
            return ExitCode.INTERNAL;
        }
        return ExitCode.OK;
    }

    /**
     * Refuses (exit 2) a DIR whose chanops.db is not a ledger an earlier demo made (marked in the ledger itself), or
     * that holds other files and no chanops.db: the demo recreates its own ledger and samples and must never replace
     * anyone else's, nor any other file of those names.
     */
    private void requireNoOtherLedger(Path db) throws IOException {
        if (!Files.exists(db, LinkOption.NOFOLLOW_LINKS)) {
            // no demo was built here: the demo writes samples/ and out/, and never over files it did not make
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw UserException.usage("--dir " + dir + " is not empty and holds no demo ledger: the demo"
                                + " writes samples/ and out/ there and never replaces files it did not make; give a"
                                + " new or empty directory");
                    }
                }
            }
            return;
        }
        boolean demoMade = Files.isRegularFile(db, LinkOption.NOFOLLOW_LINKS)
                && Ledger.settingsOf(LedgerLocation.parse(db.toString()), ctx().busyTimeout())
                        .map(settings -> LedgerSettings.DEMO.equals(settings.get(LedgerSettings.MADE_BY)))
                        .orElse(false);
        if (!demoMade) {
            throw UserException.usage("--dir " + dir + " holds " + db.getFileName()
                    + ", which the demo did not make; the demo " + "never replaces it: give another --dir");
        }
    }

    /** Sample paths in step arguments are relative to DIR. */
    private List<String> resolve(List<String> args) {
        List<String> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(
                    a.startsWith("samples/") || a.startsWith("out/")
                            ? dir.resolve(a).toString()
                            : a);
        }
        return resolved;
    }

    private static void extract(String name, Path target) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw UserException.usage("sample " + name + " is not bundled in this build");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> quoteAll(List<String> args) {
        return args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList();
    }

    @Override
    protected boolean pages() {
        return false;
    }
}
