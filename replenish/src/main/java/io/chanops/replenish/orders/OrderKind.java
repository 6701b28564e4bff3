package io.chanops.replenish.orders;

import java.util.Locale;

/** A replenishment order is regular (raised by a periodic review) or emergency (on hand fell below L). */
public enum OrderKind {
    REGULAR,
    EMERGENCY;

    /** What the ledger stores: {@code regular} or {@code emergency}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderKind parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
