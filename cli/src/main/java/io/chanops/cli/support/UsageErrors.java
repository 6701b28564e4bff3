package io.chanops.cli.support;

import io.chanops.cli.ExitCode;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in one line starting with {@code error:}, then a hint to the command's help, never the whole usage
 * (which hides the error on a small terminal); a mistyped command or option still gets picocli's suggestions.
 */
public final class UsageErrors implements IParameterExceptionHandler {
    private final BooleanSupplier colour;

    /** {@code colour} is asked when an error is handled. */
    public UsageErrors(BooleanSupplier colour) {
        this.colour = colour;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(Style.RED.apply("error: " + firstLower(ex.getMessage()), colour.getAsBoolean()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        String path = cmd.getCommandSpec().qualifiedName();
        err.println("Try '" + path + " --help' for "
                + (cmd.getSubcommands().isEmpty() ? "its options and examples." : "its commands."));
        err.flush();
        return ExitCode.USAGE;
    }

    private static String firstLower(String message) {
        if (message == null || message.isEmpty()) {
            return "invalid arguments";
        }
        if (message.regionMatches(true, 0, "error: ", 0, 7)) {
            // picocli words some of its messages so (mutually exclusive options): the prefix is printed once
            message = message.substring(7);
        }
        return Character.isUpperCase(message.charAt(0))
                        && (message.length() < 2 || !Character.isUpperCase(message.charAt(1)))
                ? Character.toLowerCase(message.charAt(0)) + message.substring(1)
                : message;
    }
}
