package io.chanops.replenish.orders;

import java.util.Locale;

/**
 * A replenishment order is regular (raised by a periodic review), emergency (on hand fell below L), or transfer (stock
 * moved from a store above its S to a store the warehouse cannot supply, raised by {@code replenish rebalance}; its
 * warehouse is the donor store).
 */
public enum OrderKind {
    REGULAR,
    EMERGENCY,
    TRANSFER;

    /** What the ledger stores: {@code regular}, {@code emergency} or {@code transfer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether an open order of this kind already answers an emergency of its position: an emergency order, or a
     * transfer (rebalance raised it for a short order, often an emergency, and it is the faster way in).
     */
    public boolean answersEmergency() {
        return this == EMERGENCY || this == TRANSFER;
    }

    public static OrderKind parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
