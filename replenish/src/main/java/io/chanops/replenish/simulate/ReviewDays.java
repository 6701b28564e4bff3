package io.chanops.replenish.simulate;

import io.chanops.replenish.policy.ReviewCycle;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The review days of a simulated window, as day indexes (0 = {@code --from}): the first one, then every {@code every}
 * days. Derived from the one definition of review cycles, {@link ReviewCycle}, so the simulation reviews on exactly
 * the days a daily check would.
 */
public record ReviewDays(int first, int every) {
    public ReviewDays {
        if (first < 0 || every < 1) {
            throw new IllegalArgumentException("first must be >= 0 and every >= 1");
        }
    }

    /** The review days of {@code cycle} in a window that starts on {@code from}. */
    public static ReviewDays of(ReviewCycle cycle, LocalDate from) {
        return new ReviewDays((int) ChronoUnit.DAYS.between(from, cycle.firstReviewDayFrom(from)), cycle.t());
    }

    public boolean on(int day) {
        return day >= first && (day - first) % every == 0;
    }
}
