package io.chanops.replenish.simulate;

import io.chanops.replenish.policy.Policy;

/**
 * What the day model needs of one position under one candidate policy: on hand at the start of the window (may be
 * negative), the units demanded each day of the window (the recorded sales), the policy, the lead days of a regular
 * order and the review days.
 */
public record Replay(long onHandAtStart, long[] demand, Policy policy, int leadDays, ReviewDays reviewDays) {
    public Replay {
        if (leadDays < 0) {
            throw new IllegalArgumentException("lead days must be >= 0");
        }
    }
}
