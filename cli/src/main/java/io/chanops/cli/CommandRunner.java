package io.chanops.cli;

import java.io.PrintWriter;

/** Runs a chanops command line in this process, as from the shell, and returns its exit code. */
@FunctionalInterface
public interface CommandRunner {
    int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal);
}
