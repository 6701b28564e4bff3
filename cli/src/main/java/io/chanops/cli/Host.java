package io.chanops.cli;

import java.time.Clock;
import java.util.function.Function;

/**
 * What chanops knows of the process it runs in: whether standard output and standard error are terminals, the
 * environment, and the machine's clock (the run's clock without {@code --now}; a {@code --now} far ahead of it is
 * refused). {@link Chanops#main} takes the process's own; tests and the demo give theirs.
 */
record Host(boolean terminal, boolean stderrTerminal, Function<String, String> environment, Clock clock) {
    /** A host on the machine's own clock. */
    static Host of(boolean terminal, boolean stderrTerminal, Function<String, String> environment) {
        return new Host(terminal, stderrTerminal, environment, Clock.systemUTC());
    }
}
