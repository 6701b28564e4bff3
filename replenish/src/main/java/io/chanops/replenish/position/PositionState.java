package io.chanops.replenish.position;

/** Where a position stands against its policy: on hand below L, inventory position below R, fine, or no policy. */
public enum PositionState {
    OK("ok"),
    BELOW_R("below_R"),
    BELOW_L("below_L"),
    NO_POLICY("no_policy");

    private final String code;

    PositionState(String code) {
        this.code = code;
    }

    /** Strict comparisons, as the check uses them: on hand < L is an emergency; inventory position < R a reorder. */
    public static PositionState of(long onHand, long inventoryPosition, Long r, Long l) {
        if (r == null || l == null) {
            return NO_POLICY;
        }
        if (onHand < l) {
            return BELOW_L;
        }
        if (inventoryPosition < r) {
            return BELOW_R;
        }
        return OK;
    }

    @Override
    public String toString() {
        return code;
    }
}
