package io.chanops.cli.support;

import io.chanops.cli.UserException;

/** Options that take a whole number within bounds: a value outside them is a slip, refused as a usage error. */
public final class Bounded {
    private Bounded() {}

    /** Refuses (exit 2) {@code value} of {@code option} (an option, or a config key) outside [min, max]. */
    public static void require(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw UserException.usage(option + " must be between " + min + " and " + max + " (got " + value + ")");
        }
    }
}
