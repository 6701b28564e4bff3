package io.chanops.replenish.check;

import io.chanops.replenish.policy.ReviewCycle;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The check's knobs: the review anchor (config {@code review.anchor}), the emergency cutoff (config
 * {@code emergency.cutoff}: an emergency raised before it is due the same day, else the next day) and the lead time
 * of a regular order in days (config {@code lead.days}).
 */
public record CheckSettings(LocalDate anchor, LocalTime cutoff, int leadDays) {
    public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(11, 0);
    public static final int DEFAULT_LEAD_DAYS = 2;

    public CheckSettings {
        if (leadDays < 0) {
            throw new IllegalArgumentException("lead days must be >= 0");
        }
    }

    public static CheckSettings defaults() {
        return new CheckSettings(ReviewCycle.DEFAULT_ANCHOR, DEFAULT_CUTOFF, DEFAULT_LEAD_DAYS);
    }
}
