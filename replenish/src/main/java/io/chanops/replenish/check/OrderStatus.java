package io.chanops.replenish.check;

import java.util.Locale;

/** Life of an order: open, planned (on a vehicle), shipped, then received or cancelled. */
public enum OrderStatus {
    OPEN, PLANNED, SHIPPED, RECEIVED, CANCELLED;

    /** The SQL condition on replenishment_order.status of the orders that count as on order: open, planned, shipped. */
    public static final String ON_ORDER = "status IN ('open', 'planned', 'shipped')";

    public static OrderStatus parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
