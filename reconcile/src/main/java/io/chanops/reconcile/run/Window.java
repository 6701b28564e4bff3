package io.chanops.reconcile.run;

import io.chanops.ledger.time.Durations;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The fallback time window, as users write it: {@code 30m}, {@code 2h}, {@code 90s}, {@code 1d}; a bare number is
 * minutes.
 */
public final class Window {
    private Window() {}

    /** Seconds of {@code text}, or empty if it is not a window. */
    public static Optional<Long> parseSeconds(String text) {
        return Durations.parse(text, ChronoUnit.MINUTES).map(d -> d.toSeconds());
    }
}
