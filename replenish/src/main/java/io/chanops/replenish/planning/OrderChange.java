package io.chanops.replenish.planning;

import java.util.List;

/** An order that changed after a plan read it, with what changed ({@code "qty 5 -> 9"}, or that it is gone). */
public record OrderChange(String orderId, List<String> differences) {
    public OrderChange {
        differences = List.copyOf(differences);
    }

    /** {@code order 42: kind regular -> emergency, qty 5 -> 9}. */
    @Override
    public String toString() {
        return "order " + orderId + ": " + String.join(", ", differences);
    }
}
