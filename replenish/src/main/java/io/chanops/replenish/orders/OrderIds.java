package io.chanops.replenish.orders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Order ids {@code RO-YYYYMMDD-NNNNNN}: the day the order was raised, then a six-digit sequence within that day.
 * Readable over the phone, sortable, and never reused: ids are allocated inside the serialised write transaction
 * from the highest id of that day, and an order is never deleted (cancelled orders keep their id). The kind is not
 * in the id because an escalation changes the kind of an existing order.
 */
public final class OrderIds {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String prefix;
    private long next;

    private OrderIds(String prefix, long next) {
        this.prefix = prefix;
        this.next = next;
    }

    /** Starts allocating after the highest id already raised on {@code day} (inside the write transaction). */
    public static OrderIds startAt(OrderRepository orders, LocalDate day) {
        String prefix = "RO-" + DAY.format(day) + "-";
        String max = orders.highestIdStartingWith(prefix);
        long last = max == null ? 0 : Long.parseLong(max.substring(prefix.length()));
        return new OrderIds(prefix, last + 1);
    }

    public String next() {
        if (next > 999_999) {
            throw new IllegalStateException("more than 999999 orders raised on one day");
        }
        return prefix + String.format("%06d", next++);
    }
}
