package io.chanops.cli;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * Runs a chanops command line in this process, as from the shell of a machine whose clock is {@code clock}, and returns
 * its exit code.
 */
@FunctionalInterface
public interface CommandRunner {
    int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal, Clock clock);
}
