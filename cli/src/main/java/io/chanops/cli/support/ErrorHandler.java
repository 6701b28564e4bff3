package io.chanops.cli.support;

import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.LedgerUnavailableException;
import io.chanops.ledger.OutputFailedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.files.OutputRefusedException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps every failure to its exit code and prints it as one clear line (every located problem, for rejected input);
 * the stack trace only with {@code --verbose}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    /** Problems printed before the rest are summarised (all of them with --verbose). */
    static final int MAX_PROBLEMS = 100;

    private final BooleanSupplier verbose;
    private final BooleanSupplier colour;

    /** {@code verbose} and {@code colour} are asked when a failure is handled, once the arguments are parsed. */
    public ErrorHandler(BooleanSupplier verbose, BooleanSupplier colour) {
        this.verbose = verbose;
        this.colour = colour;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        boolean verbose = this.verbose.getAsBoolean();
        boolean colour = this.colour.getAsBoolean();
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof InputRejectedException rejected) {
            code = ExitCode.INPUT_REJECTED;
            printRejection(err, rejected, verbose, colour);
            // no "nothing was written": read-only commands reject input too, and had nothing to write
            err.println(paint(colour, "error: input rejected"));
        } else if (ex instanceof UserException user) {
            code = user.exitCode();
            err.println(paint(colour, "error: " + user.getMessage()));
        } else if (ex instanceof LedgerUnavailableException unavailable) {
            code = ExitCode.LEDGER_UNAVAILABLE;
            err.println(paint(colour, "error: " + unavailable.getMessage()));
        } else if (ex instanceof OutputRefusedException refused) {
            code = ExitCode.USAGE;
            err.println(paint(colour, "error: " + refused.getMessage()));
        } else if (ex instanceof OutputFailedException failed) {
            code = ExitCode.OUTPUT_FAILED;
            err.println(paint(colour, "error: output could not be written: " + failed.getMessage()));
        } else {
            code = ExitCode.INTERNAL;
            err.println(paint(
                    colour, "error: internal error: " + ex + (verbose ? "" : " (run with -v for the stack trace)")));
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * Prints the problems of a rejected input ({@link #printProblems}), then, for a file that looks like one another
     * command reads, a hint naming that command ({@link KnownFiles}).
     */
    public static void printRejection(
            PrintWriter err, InputRejectedException rejected, boolean verbose, boolean colour) {
        printProblems(err, rejected.problems(), rejected.getMessage(), verbose, colour);
        KnownFiles.hint(rejected).ifPresent(err::println);
    }

    /** Prints located problems, at most {@link #MAX_PROBLEMS} unless verbose. */
    public static void printProblems(
            PrintWriter err, List<Problem> problems, String fallback, boolean verbose, boolean colour) {
        if (problems.isEmpty()) {
            err.println(paint(colour, "error: " + fallback));
            return;
        }
        int shown = verbose ? problems.size() : Math.min(MAX_PROBLEMS, problems.size());
        for (int i = 0; i < shown; i++) {
            err.println(paint(colour, "error: " + problems.get(i)));
        }
        if (shown < problems.size()) {
            err.println("error: ... and " + (problems.size() - shown) + " more problems (-v lists them all)");
        }
    }

    private static String paint(boolean colour, String text) {
        return Style.RED.apply(text, colour);
    }
}
