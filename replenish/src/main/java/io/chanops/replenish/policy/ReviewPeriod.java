package io.chanops.replenish.policy;

import java.time.LocalDate;

/**
 * A review period in use ({@code t} days), the first day of its current cycle, and when that cycle's review ran
 * ({@code markAt}, {@code YYYY-MM-DD HH:MM:SS}; null: not yet).
 */
public record ReviewPeriod(int t, LocalDate cycleStart, String markAt) {}
