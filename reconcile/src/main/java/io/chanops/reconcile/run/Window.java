package io.chanops.reconcile.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fallback time window, as users write it: {@code 30m}, {@code 2h}, {@code 90s}, {@code 1d}; a bare number is minutes. */
public final class Window {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([smhd]?)");

    private Window() {
    }

    /** Seconds of {@code text}, or empty if it is not a window. */
    public static Optional<Long> parseSeconds(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> n;
            case "h" -> n * 3600;
            case "d" -> n * 86_400;
            default -> n * 60;
        });
    }
}
