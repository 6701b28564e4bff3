package io.chanops.cli.support;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND...]}: the help of a command at any depth ({@code chanops help stock import}), of the command it
 * is a subcommand of with no argument. picocli's own help command takes one name only. Every group command has one
 * ({@code chanops replenish help plan}).
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command at any depth: help stock import.")
public final class NestedHelpCommand implements IHelpCommandInitializable2, Runnable {
    @Parameters(
            paramLabel = "COMMAND",
            arity = "0..*",
            description = "The command, with its subcommands: stock import.")
    List<String> commands = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        StringBuilder path = new StringBuilder(target.getCommandSpec().qualifiedName());
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(
                        self,
                        "unknown command '" + path + " " + name + "'"
                                + (target.getSubcommands().isEmpty()
                                        ? ""
                                        : ": one of " + String.join(", ", visible(target))));
            }
            target = sub;
            path.append(' ').append(name);
        }
        target.usage(out, colorScheme);
    }

    private static List<String> visible(CommandLine cmd) {
        return cmd.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey)
                .distinct()
                .toList();
    }
}
