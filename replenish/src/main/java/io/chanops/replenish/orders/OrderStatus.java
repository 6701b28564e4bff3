package io.chanops.replenish.orders;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Life of an order: open, planned (on a vehicle), shipped, then received or cancelled. Stored as its code. */
public enum OrderStatus {
    OPEN,
    PLANNED,
    SHIPPED,
    RECEIVED,
    CANCELLED;

    /** The orders that count as on order (inventory position = on hand + their outstanding units). */
    public static final Set<OrderStatus> ON_ORDER = Collections.unmodifiableSet(EnumSet.of(OPEN, PLANNED, SHIPPED));

    /** What the ledger stores: {@code open}, {@code planned}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isOnOrder() {
        return ON_ORDER.contains(this);
    }

    public static OrderStatus parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
