package io.chanops.replenish.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Review cycles of a policy with period {@code t}: cycle = floor(days since the anchor / t). Cycle 0 starts on the
 * anchor; days before the anchor fall in negative cycles (floor, not truncation), so the arithmetic holds for any date.
 */
public record ReviewCycle(LocalDate anchor, int t) {
    public static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2026, 1, 5);

    public ReviewCycle {
        if (t < 1) {
            throw new IllegalArgumentException("t must be >= 1");
        }
    }

    public long cycleOf(LocalDate day) {
        return Math.floorDiv(ChronoUnit.DAYS.between(anchor, day), t);
    }

    /** First day of the cycle that {@code day} falls in. */
    public LocalDate startOf(LocalDate day) {
        return anchor.plusDays(cycleOf(day) * t);
    }

    /**
     * A review day: the first day of a cycle. The check reviews a position once per cycle, so a check run every day
     * reviews on exactly these days; the simulation replays that.
     */
    public boolean isReviewDay(LocalDate day) {
        return Math.floorMod(ChronoUnit.DAYS.between(anchor, day), t) == 0;
    }

    /** The first review day on or after {@code day}. */
    public LocalDate firstReviewDayFrom(LocalDate day) {
        return isReviewDay(day) ? day : nextStart(day);
    }

    /** First day of the cycle after the one {@code day} falls in: the day the next review becomes due. */
    public LocalDate nextStart(LocalDate day) {
        return startOf(day).plusDays(t);
    }
}
