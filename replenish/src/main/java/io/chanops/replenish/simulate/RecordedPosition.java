package io.chanops.replenish.simulate;

import io.chanops.ledger.model.Position;
import io.chanops.replenish.policy.Policy;

/**
 * A store position as the ledger recorded it: its current policy, its on hand at the start of the window, and its
 * sale units on the days of the window that had any ({@code saleDays[i]} is a day index, 0 = the first day;
 * {@code saleUnits[i]} the units sold that day). Sparse, because most positions sell on few days.
 */
public record RecordedPosition(
        Position position, Policy current, long onHandAtStart, int[] saleDays, long[] saleUnits) {
    public RecordedPosition {
        if (saleDays.length != saleUnits.length) {
            throw new IllegalArgumentException("one unit count per sale day");
        }
    }

    /** The demand of every day of a window of {@code days} days. */
    public long[] demand(int days) {
        long[] out = new long[days];
        for (int i = 0; i < saleDays.length; i++) {
            out[saleDays[i]] += saleUnits[i];
        }
        return out;
    }
}
