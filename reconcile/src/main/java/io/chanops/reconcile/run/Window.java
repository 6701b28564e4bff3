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

    /** {@code seconds} as a window is written: in the largest of days, hours, minutes and seconds that divides it. */
    public static String format(long seconds) {
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** Seconds of {@code text}, or empty if it is not a window. */
    public static Optional<Long> parseSeconds(String text) {
        return Durations.parse(text, ChronoUnit.MINUTES).map(d -> d.toSeconds());
    }
}
