package io.chanops.reconcile.match;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * What a reconciliation found for one platform order, one BOSS group or one duplicate row. The first eight are the
 * categories of SPEC §7 in their fixed report order; {@link #RESOLVED_LATE} exists only in runs with {@code --carry}.
 */
public enum Category {
    MATCHED,
    OK_CANCELLED,
    AMOUNT_MISMATCH,
    STATUS_MISMATCH,
    MISSING_IN_BOSS,
    MISSING_IN_PLATFORM,
    DUPLICATE_PLATFORM,
    DUPLICATE_BOSS,
    RESOLVED_LATE;

    /** The eight categories of summary.csv, in their fixed order. */
    public static final List<Category> REPORTED = List.copyOf(EnumSet.range(MATCHED, DUPLICATE_BOSS));

    /** A discrepancy needs someone's attention (exit 3) and is stored item by item. */
    public boolean discrepancy() {
        return this != MATCHED && this != OK_CANCELLED && this != RESOLVED_LATE;
    }

    /** Whether the amount in the platform column comes from the platform file of this run. */
    public boolean fromPlatformFile() {
        return this != MISSING_IN_PLATFORM && this != DUPLICATE_BOSS && this != RESOLVED_LATE;
    }

    public static Optional<Category> parse(String text) {
        for (Category c : values()) {
            if (c.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
