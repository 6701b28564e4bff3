package io.chanops.cli.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How every command's help is laid out: a short synopsis ({@code [OPTIONS]}), the command's own options, then the
 * global options (the root's, valid with every command) in a section of their own; and a {@code help} subcommand in
 * every group command. Applied once to the whole tree as built.
 */
public final class HelpLayout {
    static final String GLOBAL_HEADING = "globalOptionsHeading";
    static final String GLOBAL_LIST = "globalOptionsList";

    private HelpLayout() {}

    /** Lays out {@code cmd} and every command under it. */
    public static void apply(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        boolean group = !cmd.getSubcommands().isEmpty();
        if (group && !cmd.getSubcommands().containsKey("help")) {
            cmd.addSubcommand("help", new CommandLine(new NestedHelpCommand()));
        }
        boolean root = spec.parent() == null;
        if (!root) {
            spec.usageMessage().abbreviateSynopsis(true);
        }
        cmd.getHelpSectionMap()
                .put(
                        CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
                        help -> own(help).isEmpty() ? "" : String.format("%nOptions:%n"));
        cmd.getHelpSectionMap()
                .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> list(help, own(help)));
        cmd.getHelpSectionMap()
                .put(
                        CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                        help -> help.subcommands().isEmpty() ? "" : String.format("%nCommands:%n"));
        cmd.getHelpSectionMap()
                .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
        cmd.getHelpSectionMap()
                .put(
                        GLOBAL_HEADING,
                        help -> global(help).isEmpty() ? "" : String.format("%nGlobal options (any command):%n"));
        cmd.getHelpSectionMap().put(GLOBAL_LIST, help -> list(help, global(help)));
        List<String> keys = new ArrayList<>(cmd.getHelpSectionKeys());
        if (!keys.contains(GLOBAL_HEADING)) {
            int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1;
            keys.add(at, GLOBAL_LIST);
            keys.add(at, GLOBAL_HEADING);
            cmd.setHelpSectionKeys(keys);
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == spec && !(sub.getCommand() instanceof NestedHelpCommand)) {
                apply(sub);
            }
        }
    }

    /** The options declared by the command itself (not inherited from the root), visible ones only. */
    private static List<OptionSpec> own(Help help) {
        CommandSpec spec = help.commandSpec();
        return spec.options().stream()
                .filter(o -> !o.hidden() && !isGlobal(spec, o))
                .toList();
    }

    private static List<OptionSpec> global(Help help) {
        CommandSpec spec = help.commandSpec();
        return spec.options().stream()
                .filter(o -> !o.hidden() && isGlobal(spec, o))
                .toList();
    }

    /** The root's options, the copies of them each subcommand inherits, and the standard help and version options. */
    private static boolean isGlobal(CommandSpec spec, OptionSpec o) {
        return spec.parent() == null || o.inherited() || o.usageHelp() || o.versionHelp();
    }

    private static String list(Help help, List<OptionSpec> options) {
        if (options.isEmpty()) {
            return "";
        }
        return help.optionListExcludingGroups(
                options,
                help.createDefaultLayout(),
                help.commandSpec().usageMessage().sortOptions() ? Help.createShortOptionArityAndNameComparator() : null,
                help.createDefaultParamLabelRenderer());
    }

    /** One line per subcommand: its name and the first sentence of its description, wrapped, never cut. */
    private static String commandList(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int nameWidth = Math.min(
                24, subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        int width = help.commandSpec().usageMessage().width();
        Help.TextTable table = Help.TextTable.forColumns(
                help.colorScheme(),
                new Help.Column(nameWidth + 2, 2, Help.Column.Overflow.SPAN),
                new Help.Column(Math.max(20, width - nameWidth - 2), 1, Help.Column.Overflow.WRAP));
        for (var e : subs.entrySet()) {
            CommandSpec sub = e.getValue().commandSpec();
            if (!sub.usageMessage().hidden()) {
                table.addRowValues(
                        help.colorScheme().commandText(e.getKey()),
                        help.colorScheme().text(summary(sub)));
            }
        }
        return table.toString();
    }

    /** The first sentence of a command's description (its header, if it has one). */
    static String summary(CommandSpec spec) {
        String[] lines = spec.usageMessage().header().length > 0
                ? spec.usageMessage().header()
                : spec.usageMessage().description();
        String text = String.join(" ", lines).replace("%n", " ").strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
