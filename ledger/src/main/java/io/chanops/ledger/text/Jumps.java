package io.chanops.ledger.text;

import java.util.Optional;

/**
 * A new value far from the one before it, by a factor: a digit typed twice or left out, or fen given as yuan. Used for
 * the warnings of catalog prices and fees and of policy levels.
 */
public final class Jumps {
    private Jumps() {}

    /**
     * {@code "10 times"} or {@code "1/5 of"} when {@code after} is {@code factor} times {@code before} or more, or a
     * {@code factor}th or less; empty otherwise, and when either is 0 or less (a price or level of 0 is deliberate).
     */
    public static Optional<String> ratio(long before, long after, long factor) {
        if (before <= 0 || after <= 0) {
            return Optional.empty();
        }
        if (after >= before * factor) {
            return Optional.of(Math.round((double) after / before) + " times");
        }
        if (after * factor <= before) {
            return Optional.of("1/" + Math.round((double) before / after) + " of");
        }
        return Optional.empty();
    }
}
