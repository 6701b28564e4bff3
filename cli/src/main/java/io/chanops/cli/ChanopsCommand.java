package io.chanops.cli;

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

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (OutOfMemoryError e) {
            throw UserException.outOfMemory(e);
        } finally {
            ctx().out().flush();
            ctx().err().flush();
        }
    }

    protected abstract int run() throws Exception;
}
