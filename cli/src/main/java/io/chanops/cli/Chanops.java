package io.chanops.cli;

import io.chanops.cli.catalog.CatalogCommand;
import io.chanops.cli.demo.DemoCommand;
import io.chanops.cli.finance.CommissionCommand;
import io.chanops.cli.finance.CostCommand;
import io.chanops.cli.ledger.LedgerCommand;
import io.chanops.cli.policy.PolicyCommand;
import io.chanops.cli.reconcile.ReconcileCommand;
import io.chanops.cli.replenish.ReplenishCommand;
import io.chanops.cli.site.SiteCommand;
import io.chanops.cli.stock.StockCommand;
import io.chanops.cli.support.CheckedPrintWriter;
import io.chanops.cli.support.Colours;
import io.chanops.cli.support.ConfigKeys;
import io.chanops.cli.support.DateConverters;
import io.chanops.cli.support.ErrorHandler;
import io.chanops.cli.support.HelpLayout;
import io.chanops.cli.support.NestedHelpCommand;
import io.chanops.cli.support.PathConverter;
import io.chanops.cli.support.Screen;
import io.chanops.cli.support.UsageErrors;
import io.chanops.cli.support.WholeNumberConverter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code chanops} root command: global options, subcommands, and the one place the CLI is wired. */
@Command(
        name = "chanops",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description =
                "Operations toolkit for a telecom operator's sales channels: stock, replenishment, reconciliation, "
                        + "reports.",
        footer = {
            "",
            "Exit codes: 0 done; 1 internal error; 2 usage; 3 done, needs attention;",
            "4 input rejected, nothing written; 5 ledger unavailable (missing, busy,",
            "unreadable, not a chanops ledger, newer schema); 6 output could not be written,",
            "nothing committed."
        })
public final class Chanops {
    /**
     * The top-level subcommands, in help order. Not in the {@code @Command} annotation: picocli builds the model of
     * every command it names at start-up (reflection paid by every cron run), so
     * {@link #create(String[], PrintWriter, PrintWriter, boolean, Function)} adds only the one the arguments invoke.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            NestedHelpCommand.class,
            InitCommand.class,
            DemoCommand.class,
            LedgerCommand.class,
            SiteCommand.class,
            CatalogCommand.class,
            StockCommand.class,
            PolicyCommand.class,
            ReplenishCommand.class,
            ReconcileCommand.class,
            CommissionCommand.class,
            CostCommand.class);

    static final String COMPLETION = "completion";
    /**
     * Global options that take a value (as a separate argument unless written --name=value): the names of this class's
     * non-boolean options, read from their annotations so that a new one cannot be missed.
     */
    private static final Set<String> VALUED_GLOBALS = Arrays.stream(Chanops.class.getDeclaredFields())
            .filter(f -> f.isAnnotationPresent(Option.class) && f.getType() != boolean.class)
            .flatMap(f -> Arrays.stream(f.getAnnotation(Option.class).names()))
            .collect(Collectors.toUnmodifiableSet());

    @Option(
            names = "--db",
            scope = ScopeType.INHERIT,
            paramLabel = "PATH|JDBC-URL",
            description = "Ledger: SQLite file or jdbc:postgresql:// URL (default: $CHANOPS_DB, else ./chanops.db).")
    String db;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Settings file (default ./chanops.properties, then ~/.config/chanops/chanops.properties).")
    Path configFile;

    @Option(
            names = "--now",
            scope = ScopeType.INHERIT,
            paramLabel = "'YYYY-MM-DD HH:MM[:SS]'",
            description =
                    "The clock, for backfills and tests: a local time in the ledger's zone, or an instant with its "
                            + "offset (2026-03-02T03:30Z) (default: now).")
    String now;

    @Option(
            names = "--zone",
            scope = ScopeType.INHERIT,
            paramLabel = "ZONE",
            description = "Time zone of a new ledger for init, e.g. Asia/Shanghai (default: config 'zone', else the "
                    + "system's); elsewhere it must be the ledger's.")
    String zone;

    @Option(
            names = "--no-color",
            scope = ScopeType.INHERIT,
            description = "No colours (also: NO_COLOR set, or not a terminal).")
    boolean noColor;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Only results, warnings and errors.")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "More detail; stack traces on errors.")
    boolean verbose;

    @Option(
            names = "--wide",
            scope = ScopeType.INHERIT,
            description = "Tables at full width: no text shortened, no column left out to fit the terminal.")
    boolean wide;

    @Option(
            names = "--no-pager",
            scope = ScopeType.INHERIT,
            description = "Never page output longer than the screen (default: $PAGER, else less, on a terminal).")
    boolean noPager;

    final Host host;
    private final PrintWriter out;
    private final PrintWriter err;
    private RunContext context;

    private Chanops(PrintWriter out, PrintWriter err, Host host) {
        this.out = out;
        this.err = err;
        this.host = host;
    }

    /** The command line writing to {@code out} and {@code err}: not a terminal, the process environment. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, false, System::getenv);
    }

    /**
     * Runs {@code args} as chanops does from the shell (building only the subcommand they name); returns the exit code.
     */
    public static int execute(
            String[] args, PrintWriter out, PrintWriter err, boolean terminal, Function<String, String> environment) {
        return execute(args, out, err, terminal, terminal, environment);
    }

    /** As above, when standard error ({@code stderrTerminal}: progress) and standard output differ. */
    public static int execute(
            String[] args,
            PrintWriter out,
            PrintWriter err,
            boolean terminal,
            boolean stderrTerminal,
            Function<String, String> environment) {
        return execute(args, out, err, Host.of(terminal, stderrTerminal, environment));
    }

    /** As above, on {@code host} (its clock included). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Host host) {
        return create(args, out, err, host).execute(args);
    }

    /** The whole command line, every subcommand included. */
    public static CommandLine create(
            PrintWriter out, PrintWriter err, boolean terminal, Function<String, String> environment) {
        return create(null, out, err, terminal, environment);
    }

    /**
     * The one place the CLI is wired: exit codes, error handler, writers. Tests and {@link #main} both come here. With
     * {@code args} whose first word names a subcommand, only that subcommand's tree is built (it parses and runs those
     * arguments exactly as the whole command line would); otherwise (no subcommand, help, completion, a typo that
     * deserves suggestions, or {@code args} null) every subcommand is.
     */
    public static CommandLine create(
            String[] args, PrintWriter out, PrintWriter err, boolean terminal, Function<String, String> environment) {
        return create(args, out, err, Host.of(terminal, terminal, environment));
    }

    static CommandLine create(String[] args, PrintWriter out, PrintWriter err, Host host) {
        boolean terminal = host.terminal();
        Chanops root = new Chanops(out, err, host);
        CommandLine cmd = new CommandLine(root);
        Class<?> invoked = args == null ? null : invokedSubcommand(args);
        if (invoked != null) {
            cmd.addSubcommand(invoked);
        } else if (args == null || !asksOnlyForVersion(args)) {
            SUBCOMMANDS.forEach(cmd::addSubcommand);
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion
                    .getCommandSpec()
                    .name(COMPLETION)
                    .usageMessage()
                    .description("Print a bash/zsh completion script: source <(chanops completion)")
                    .footerHeading("%nExamples:%n")
                    .footer("  source <(chanops completion)", "  chanops completion > /etc/bash_completion.d/chanops");
            cmd.addSubcommand(COMPLETION, completion);
        }
        HelpLayout.apply(cmd);
        DateConverters.register(cmd);
        PathConverter.register(cmd);
        WholeNumberConverter.register(cmd);
        // picocli's messages before parsing (usage errors) know only the terminal, NO_COLOR and the raw arguments; help
        // and everything after parsing takes the run's decision (RunContext.colours)
        Colours early = Colours.decide(terminal, args != null && has(args, "--no-color"), host.environment());
        cmd.setColorScheme(early.helpScheme());
        cmd.setParameterExceptionHandler(new UsageErrors(early::on));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(root.errorHandler());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setAbbreviatedOptionsAllowed(false);
        cmd.setUsageHelpAutoWidth(terminal);
        cmd.setExecutionStrategy(parsed -> executeWithConfigDefaults(parsed, out, err, host));
        return cmd;
    }

    /**
     * Options take their defaults from the config file through picocli's {@link PropertiesDefaultProvider} (key: the
     * option's long name, or qualified by the command path, e.g. {@code format=csv} or {@code
     * chanops.stock.show.format=csv}). The config file is only known after parsing ({@code --config} may come after the
     * subcommand), so when it exists the arguments are parsed once more with the provider installed. Command-line
     * values always win. A key that is not a setting or a harmless option's default is refused first ({@link
     * ConfigKeys}).
     */
    private static int executeWithConfigDefaults(
            CommandLine.ParseResult parsed, PrintWriter out, PrintWriter err, Host host) {
        Chanops root = (Chanops) parsed.commandSpec().root().userObject();
        if (root.configDefaultsApplied) {
            return new CommandLine.RunLast().execute(parsed);
        }
        parsed.commandSpec()
                .commandLine()
                .setColorScheme(root.context().colours().helpScheme());
        Integer helpExit = CommandLine.executeHelpRequest(parsed);
        if (helpExit != null) {
            return helpExit;
        }
        Properties properties;
        try {
            properties = root.context().config().properties();
            ConfigKeys.check(
                    root.context().config(), parsed.commandSpec().commandLine(), () -> create(null, out, err, host));
        } catch (RuntimeException e) {
            return root.errorHandler()
                    .handleExecutionException(e, parsed.commandSpec().commandLine(), parsed);
        }
        if (properties.isEmpty()) {
            return new CommandLine.RunLast().execute(parsed);
        }
        String[] args = parsed.originalArgs().toArray(String[]::new);
        CommandLine again = create(args, out, err, host);
        ((Chanops) again.getCommand()).configDefaultsApplied = true;
        again.setDefaultValueProvider(ConfigKeys.defaults(properties));
        return again.execute(args);
    }

    private boolean configDefaultsApplied;

    /**
     * True when the arguments ask for the version and nothing else (no subcommand, no help): no subcommand is needed.
     */
    static boolean asksOnlyForVersion(String[] args) {
        return firstWord(args) < 0
                && (has(args, "-V") || has(args, "--version"))
                && !has(args, "-h")
                && !has(args, "--help");
    }

    /**
     * The top-level subcommand the arguments invoke: the first word that is neither an option nor a global option's
     * value, when it names one of {@link #SUBCOMMANDS} other than help; null otherwise.
     */
    static Class<?> invokedSubcommand(String[] args) {
        int i = firstWord(args);
        if (i < 0) {
            return null;
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (c != NestedHelpCommand.class
                    && c.getAnnotation(Command.class).name().equals(args[i])) {
                return c;
            }
        }
        return null;
    }

    /** Where the first word that is neither an option nor a global option's value is; -1 if none (or after "--"). */
    private static int firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return -1;
            }
            if (!args[i].startsWith("-")) {
                return i;
            }
            if (VALUED_GLOBALS.contains(args[i])) {
                i++;
            }
        }
        return -1;
    }

    private static boolean has(String[] args, String option) {
        return List.of(args).contains(option);
    }

    /** The context of the current run, built on first use after parsing. */
    public RunContext context() {
        if (context == null) {
            context = new RunContext(
                    this,
                    out,
                    err,
                    (args, o, e, terminal, clock) ->
                            execute(args, o, e, new Host(terminal, terminal, host.environment(), clock)));
        }
        return context;
    }

    private ErrorHandler errorHandler() {
        return new ErrorHandler(() -> verbose, () -> context().colour());
    }

    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        PrintStream plain = System.out;
        Colours.prepareConsole(terminal);
        // Straight to file descriptor 1: System.out swallows a write error, and a full disk must be exit 6. A Windows
        // console whose System.out Jansi replaced (to translate colours) keeps it: nothing to report there.
        OutputStream stdout = System.out == plain ? new FileOutputStream(FileDescriptor.out) : System.out;
        PrintWriter out = CheckedPrintWriter.of(stdout, true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(args, out, err, terminal, Screen.stderrIsTerminal(), System::getenv);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
