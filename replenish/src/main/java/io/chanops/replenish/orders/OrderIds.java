package io.chanops.replenish.orders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order ids {@code RO-YYYYMMDD-NNNNNN}: the day the order was raised, then a six-digit sequence within that day.
 * Readable over the phone, sortable, and never reused: ids are allocated inside the serialised write transaction
 * from the highest id of that day, and an order is never deleted (cancelled orders keep their id). The kind is not
 * in the id because an escalation changes the kind of an existing order.
 */
public final class OrderIds {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STRICT_DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    /** An id as typed: any case, the dashes left out or spaces around them, the sequence without its leading zeros. */
    private static final Pattern TYPED = Pattern.compile("(?i)\\s*RO\\s*-?\\s*(\\d{8})\\s*-?\\s*(\\d{1,6})\\s*");

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

    /**
     * Why {@code typed} names no order: the id it was meant to be when written another way (lower case, without its
     * dashes or leading zeros) and that order exists; else the shape of an id, when it is not one; else the ids of
     * its day, or that no order was raised that day.
     */
    public static String whyUnknown(OrderRepository orders, String typed) {
        Matcher m = TYPED.matcher(typed);
        if (!m.matches()) {
            return "no such order: order ids are RO-YYYYMMDD-NNNNNN, the day it was raised and a six-digit number (see"
                    + " 'replenish orders')";
        }
        String meant = "RO-" + m.group(1) + "-" + String.format(Locale.ROOT, "%06d", Long.parseLong(m.group(2)));
        if (!meant.equals(typed) && orders.find(meant).isPresent()) {
            return "no such order (did you mean '" + meant + "'?)";
        }
        LocalDate day;
        try {
            day = LocalDate.parse(m.group(1), STRICT_DAY);
        } catch (DateTimeParseException e) {
            return "no such order: " + m.group(1) + " is not a day (ids are RO-YYYYMMDD-NNNNNN)";
        }
        String prefix = "RO-" + m.group(1) + "-";
        String last = orders.highestIdStartingWith(prefix);
        if (last == null) {
            return "no such order: no order was raised on " + day + " (see 'replenish orders')";
        }
        return "no such order: the orders raised on " + day + " are " + prefix + "000001 to " + last
                + " (see 'replenish orders')";
    }
}
