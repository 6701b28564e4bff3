package io.chanops.cli.support;

import io.chanops.cli.UserException;
import io.chanops.ledger.model.ProductType;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a config file may hold (SPEC §3.1, "Config files set defaults, never actions"): the product's settings, and
 * defaults of options that neither write nor destroy, by the option's long name ({@code format=csv}) or qualified by
 * its command ({@code chanops.stock.show.format=csv}). Any other key, an option that acts ({@code force}, {@code out},
 * ...) included, is refused with exit 2 naming the file and the key, before anything runs.
 */
public final class ConfigKeys {
    /** Settings the commands read themselves (not option defaults). */
    static final Set<String> SETTINGS = Set.of(
            "db",
            "db.password",
            "zone",
            "busy-timeout",
            "review.anchor",
            "emergency.cutoff",
            "lead.days",
            "tune.display-min",
            "subsidy.tiers",
            "subsidy.gap");

    private static final String DISPLAY_MIN_BY_TYPE = "tune.display-min.";
    /**
     * Options a config file never defaults: they write, destroy or change the ledger (import again, publish, mark,
     * replace files, lock policies, receive stock, repair levels, restore or copy a ledger), choose where files are
     * written, or only make sense for one run (a month, a day, a move's time or document, the files of one
     * reconciliation: as a default each would quietly repeat the run it was typed for).
     */
    static final Set<String> ACTIONS = Set.of(
            "force",
            "repair",
            "from",
            "to",
            "at",
            "ref",
            "month",
            "date",
            "platform",
            "boss",
            "apply",
            "out",
            "detail",
            "skip-invalid",
            "skip-booked",
            "dry-run",
            "run",
            "vehicle",
            "sync",
            "max-unlist",
            "dir",
            "rules",
            "carry",
            "lock",
            "unlock",
            "until",
            "reason",
            "t",
            "R",
            "S",
            "L",
            "qty",
            "now",
            "config",
            "help",
            "version");

    private static final String ROOT = "chanops";

    private ConfigKeys() {}

    /**
     * Refuses the first key of {@code config} that is not allowed. {@code invoked} is the command line being run;
     * {@code whole} builds every command (only needed for an option default that the invoked command lacks).
     */
    public static void check(Config config, CommandLine invoked, Supplier<CommandLine> whole) {
        CommandLine[] all = new CommandLine[1];
        Supplier<CommandLine> everything = () -> all[0] != null ? all[0] : (all[0] = whole.get());
        for (String key : new TreeSet<>(config.properties().stringPropertyNames())) {
            if (isSetting(key)) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String option = key.substring(dot + 1);
            if (ACTIONS.contains(option)) {
                throw UserException.usage(
                        config.where() + key + ": --" + option + " acts (writes, replaces or runs), so a config "
                                + "file cannot default it; give it on the command line");
            }
            boolean known;
            if (dot < 0) {
                known = hasOptionBelow(invoked, option) || hasOptionBelow(everything.get(), option);
            } else {
                String path = key.substring(0, dot);
                known = command(invoked, path)
                        .or(() -> command(everything.get(), path))
                        .map(c -> hasOption(c, option))
                        .orElse(false);
            }
            if (!known) {
                throw UserException.usage(
                        config.where() + key + ": unknown key (neither a setting nor an option, e.g. format "
                                + "or chanops.stock.show.format)");
            }
        }
    }

    /**
     * Picocli's defaults from {@code properties}, except the settings the run context reads itself ({@code db}, {@code
     * zone}).
     */
    public static IDefaultValueProvider defaults(Properties properties) {
        IDefaultValueProvider delegate = new CommandLine.PropertiesDefaultProvider(properties);
        return arg -> arg instanceof OptionSpec o && SETTINGS.contains(name(o)) ? null : delegate.defaultValue(arg);
    }

    private static boolean isSetting(String key) {
        return SETTINGS.contains(key)
                || key.startsWith(DISPLAY_MIN_BY_TYPE)
                        && ProductType.parse(key.substring(DISPLAY_MIN_BY_TYPE.length()))
                                .isPresent();
    }

    /**
     * The command at {@code chanops.a.b} (as picocli's properties provider names them), if this command line has it.
     */
    private static Optional<CommandLine> command(CommandLine root, String path) {
        String[] names = path.split("\\.", -1);
        if (!names[0].equals(ROOT)) {
            return Optional.empty();
        }
        CommandLine c = root;
        for (int i = 1; i < names.length && c != null; i++) {
            c = c.getSubcommands().get(names[i]);
        }
        return Optional.ofNullable(c);
    }

    private static boolean hasOption(CommandLine c, String option) {
        return c.getCommandSpec().options().stream().anyMatch(o -> name(o).equals(option));
    }

    private static boolean hasOptionBelow(CommandLine c, String option) {
        return hasOption(c, option) || c.getSubcommands().values().stream().anyMatch(s -> hasOptionBelow(s, option));
    }

    /** The option's name as a config key: its longest name without the dashes. */
    private static String name(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }
}
