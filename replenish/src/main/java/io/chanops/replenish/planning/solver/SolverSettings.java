package io.chanops.replenish.planning.solver;

import java.time.Duration;

/**
 * How long and how the solver runs. {@code timeLimit} is the most it runs; it stops earlier after {@code unimproved}
 * without a better score. {@code maxSteps} (optional) stops local search after that many steps: with it (and a time
 * limit that is not reached) a run is repeatable on any machine, not only for the same input and seed.
 */
public record SolverSettings(
        Duration timeLimit, Duration unimproved, long seed, Integer maxSteps, SolverTuning tuning) {
    public SolverSettings {
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        timeLimit = Duration.ofMillis(timeLimit.toMillis());
        unimproved = Duration.ofMillis(Math.max(1, unimproved.toMillis()));
    }

    /** The unimproved-time limit used when none is given: a third of the time limit, at least 2 s. */
    public static Duration defaultUnimproved(Duration timeLimit) {
        // whole milliseconds: OptaPlanner rejects a termination limit with nanoseconds (30s / 3 is fine, 25s / 3 is
        // not)
        Duration third = Duration.ofMillis(timeLimit.toMillis() / 3);
        return third.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : third;
    }

    public static SolverSettings of(Duration timeLimit, long seed) {
        return new SolverSettings(timeLimit, defaultUnimproved(timeLimit), seed, null, SolverTuning.DEFAULT);
    }
}
