package io.chanops.cli;

import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.CheckedPrintWriter;
import io.chanops.cli.support.Pager;
import io.chanops.ledger.files.OutputSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every leaf command: access to the run's context; {@link #run()} returns the exit code. */
public abstract class ChanopsCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected RunContext ctx() {
        return ((Chanops) spec.root().userObject()).context();
    }

    protected PrintWriter out() {
        return ctx().out();
    }

    /**
     * Runs the command: its outputs are declared (and checked) first, published if it returns 0 or 3 and removed
     * otherwise; standard output must have taken everything it was given.
     */
    @Override
    public final Integer call() throws Exception {
        RunContext ctx = ctx();
        ctx.checkNow();
        PrintWriter terminal = ctx.out();
        Pager pager = null;
        try (OutputSet outputs = ctx.openOutputs(CommandInputs.of(spec))) {
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() instanceof OutputOptions options) {
                    options.declare(ctx);
                }
            }
            pager = pages() ? ctx.startPaging() : null;
            int code = run();
            if (code == ExitCode.OK || code == ExitCode.ATTENTION) {
                outputs.publish();
            }
            if (pager != null) {
                pager.finish();
                checkStandardOutput(ctx.out(), code);
            }
            return checkStandardOutput(terminal, code);
        } catch (OutOfMemoryError e) {
            throw UserException.outOfMemory(e);
        } finally {
            if (pager != null) {
                // an error's message comes after the output it follows, not inside a pager that is gone
                pager.finish();
            }
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /**
     * A failed write to standard output (disk full, I/O error) is exit 6 (SPEC §3.1); a closed pipe (the reader, such
     * as {@code head}, has all it wanted) ends the command quietly with its own code.
     */
    private static int checkStandardOutput(PrintWriter out, int code) {
        CheckedPrintWriter.requireWritten(out);
        return code;
    }

    protected abstract int run() throws Exception;

    /**
     * Whether this command's standard output may go through the pager when longer than the screen (on a terminal,
     * without --no-pager). The demo says no: its steps write to standard error between their tables.
     */
    protected boolean pages() {
        return true;
    }
}
