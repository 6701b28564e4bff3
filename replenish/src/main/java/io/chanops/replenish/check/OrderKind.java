package io.chanops.replenish.check;

import java.util.Locale;

/** A replenishment order is regular (raised by a periodic review) or emergency (on hand fell below L). */
public enum OrderKind {
    REGULAR, EMERGENCY;

    public static OrderKind parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
