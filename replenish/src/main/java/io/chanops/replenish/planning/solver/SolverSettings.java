package io.chanops.replenish.planning.solver;

import java.time.Duration;

/**
 * How long and how the solver runs. {@code timeLimit} is the most it runs; it stops earlier after {@code unimproved}
 * without a better score ({@code null}: {@link #defaultUnimproved(Duration, int) scaled with the day}).
 * {@code maxSteps} (optional) stops local search after that many steps: with it (and a time limit that is not
 * reached) a run is repeatable on any machine, not only for the same input and seed.
 */
public record SolverSettings(
        Duration timeLimit, Duration unimproved, long seed, Integer maxSteps, SolverTuning tuning) {
    /** Stops from which a day gets its whole time limit by default, however long it goes without a better plan. */
    static final int WHOLE_LIMIT_STOPS = 200;

    public SolverSettings {
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        timeLimit = Duration.ofMillis(timeLimit.toMillis());
        if (unimproved != null) {
            unimproved = Duration.ofMillis(Math.max(1, unimproved.toMillis()));
        }
    }

    /**
     * The unimproved-time limit used when none is given: a third of the time limit, or the share of it that the
     * day's stops are of {@value #WHOLE_LIMIT_STOPS} when that is more, and at least 2 s. Simulated annealing finds
     * most of its improvements late, as it cools: on a big day a long stretch without a better plan is the hot phase
     * working, not the end of the search.
     */
    public static Duration defaultUnimproved(Duration timeLimit, int stops) {
        long millis = timeLimit.toMillis();
        long share = Math.max(millis / 3, millis * Math.min(stops, WHOLE_LIMIT_STOPS) / WHOLE_LIMIT_STOPS);
        // whole milliseconds: OptaPlanner rejects a termination limit with nanoseconds (30s / 3 is fine, 25s / 3 is
        // not)
        return Duration.ofMillis(Math.max(2000, share));
    }

    /** The unimproved-time limit for a day of {@code stops} stops. */
    Duration unimprovedFor(int stops) {
        return unimproved != null ? unimproved : defaultUnimproved(timeLimit, stops);
    }

    public static SolverSettings of(Duration timeLimit, long seed) {
        return new SolverSettings(timeLimit, null, seed, null, SolverTuning.DEFAULT);
    }
}
