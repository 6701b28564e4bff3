package io.chanops.replenish.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A (t,R,S,L) policy: review every {@code t} days; at a review order up to {@code S} when the inventory position is
 * below the reorder point {@code R}; on any check raise an emergency order when on hand is below the emergency point
 * {@code L}. Valid when 0 <= L <= R <= S, S > 0, t >= 1.
 */
public record Policy(int t, long r, long s, long l) {
    public Policy {
        List<String> why = problems(t, r, s, l);
        if (!why.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", why));
        }
    }

    /**
     * The emergency inequality, strict (SPEC §5): on hand below L. The check and the simulation both ask this, so
     * they cannot disagree on the boundary.
     */
    public boolean belowEmergencyPoint(long onHand) {
        return onHand < l;
    }

    /** The review inequality, strict (SPEC §5): inventory position below R. */
    public boolean belowReorderPoint(long inventoryPosition) {
        return inventoryPosition < r;
    }

    /** The units that bring {@code inventoryPosition} up to S (zero or negative when it is already there). */
    public long upToS(long inventoryPosition) {
        return s - inventoryPosition;
    }

    /** Everything wrong with these levels, in words an ops person can act on; empty when valid. */
    public static List<String> problems(long t, long r, long s, long l) {
        List<String> out = new ArrayList<>();
        if (t < 1) {
            out.add("t must be at least 1 day (got " + t + ")");
        }
        if (l < 0) {
            out.add("L must be >= 0 (got " + l + ")");
        }
        if (l > r) {
            out.add("L (" + l + ") must be <= R (" + r + ")");
        }
        if (r > s) {
            out.add("R (" + r + ") must be <= S (" + s + ")");
        }
        if (s <= 0) {
            out.add("S must be > 0 (got " + s + ")");
        }
        return out;
    }

    @Override
    public String toString() {
        return "t=" + t + " R=" + r + " S=" + s + " L=" + l;
    }
}
