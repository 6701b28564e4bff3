package io.chanops.finance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a commission rule pays: a percent of the amount, fixed yuan per unit, or yuan per unit by the month's tier. */
public enum Basis {
    PERCENT,
    FIXED,
    TIERED;

    public static Optional<Basis> parse(String text) {
        return Arrays.stream(values())
                .filter(b -> b.toString().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
