package io.chanops.replenish.planning;

import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order as a plan read it: the fields that decide whether, what and when it is delivered (SPEC §6). The plan may be
 * applied only while every order it read still reads the same; {@code warehouse} is the order's own (null: the
 * store's).
 */
public record OrderAsPlanned(
        String orderId,
        OrderStatus status,
        OrderKind kind,
        long qty,
        long receivedQty,
        LocalDate dueDate,
        String warehouse) {

    public static OrderAsPlanned of(Order o) {
        return new OrderAsPlanned(
                o.orderId(),
                o.status(),
                o.kind(),
                o.qty(),
                o.receivedQty(),
                LocalDate.parse(o.dueDate()),
                o.warehouse());
    }

    /**
     * What differs in {@code now}, the same order read later: one {@code "field old -> new"} each; empty if nothing.
     */
    public List<String> differences(OrderAsPlanned now) {
        List<String> d = new ArrayList<>();
        compare(d, "status", status, now.status);
        compare(d, "kind", kind, now.kind);
        compare(d, "qty", qty, now.qty);
        compare(d, "received", receivedQty, now.receivedQty);
        compare(d, "due", dueDate, now.dueDate);
        compare(d, "warehouse", warehouse, now.warehouse);
        return d;
    }

    private static void compare(List<String> differences, String field, Object then, Object now) {
        if (!Objects.equals(then, now)) {
            differences.add(field + " " + shown(then) + " -> " + shown(now));
        }
    }

    private static String shown(Object value) {
        return value == null ? "none" : value.toString();
    }
}
