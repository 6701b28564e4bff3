package io.chanops.ledger.time;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users type them on the command line: {@code 500ms}, {@code 30s}, {@code 2m} / {@code 2min},
 * {@code 1.5h}, {@code 1d}; a bare number is in the unit the option documents (seconds for solver limits, minutes for
 * the reconciliation window).
 */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)?");

    private Durations() {}

    /** The duration of {@code text}, or empty if it is not one; {@code bareUnit} applies to a number without unit. */
    public static Optional<Duration> parse(String text, ChronoUnit bareUnit) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        long millisPerUnit = m.group(2) == null
                ? bareUnit.getDuration().toMillis()
                : switch (m.group(2)) {
                    case "ms" -> 1L;
                    case "s" -> 1_000L;
                    case "m", "min" -> 60_000L;
                    case "h" -> 3_600_000L;
                    default -> 86_400_000L;
                };
        return Optional.of(Duration.ofMillis(Math.round(value * millisPerUnit)));
    }
}
