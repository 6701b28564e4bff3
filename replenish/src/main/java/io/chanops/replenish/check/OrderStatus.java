package io.chanops.replenish.check;

import java.util.Locale;

/** Life of an order: open, planned (on a vehicle), shipped, then received or cancelled. */
public enum OrderStatus {
    OPEN, PLANNED, SHIPPED, RECEIVED, CANCELLED;

    /** Open, planned and shipped orders count as on order. */
    public boolean isOnOrder() {
        return this == OPEN || this == PLANNED || this == SHIPPED;
    }

    public static OrderStatus parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
