package io.chanops.replenish.policy;

import java.time.LocalDate;

/**
 * A stored policy with where its levels came from: {@code source} tuned, manual ({@code policy set}) or import; who set
 * it and why; whether it is locked against tuning and until when; the last tuning's inputs; the review record.
 */
public record PolicyRecord(
        String siteId,
        String sku,
        Policy policy,
        boolean locked,
        String lockedUntil,
        String source,
        String setBy,
        String reason,
        String tunedAt,
        String tuneFrom,
        String tuneTo,
        Integer tuneDays,
        Double tuneMu,
        Double tuneSigma,
        Double tuneLevel,
        String tuneMethod,
        String reviewFrom,
        String reviewedCycle,
        String updatedAt) {

    /** Locked and not past its until date: tuning must leave it alone on {@code today}. */
    public boolean lockedOn(LocalDate today) {
        return lockedOn(locked, lockedUntil, today);
    }

    /** Locked on {@code today}: locked, with no end or an end not yet passed ({@code until} as YYYY-MM-DD). */
    public static boolean lockedOn(boolean locked, String until, LocalDate today) {
        return locked && (until == null || today.toString().compareTo(until) <= 0);
    }
}
