package io.chanops.replenish.planning;

import io.chanops.replenish.orders.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** An order that changed after a plan read it, with what changed ({@code "qty 5 -> 9"}, or that it is gone). */
public record OrderChange(String orderId, List<String> differences) {
    public OrderChange {
        differences = List.copyOf(differences);
    }

    /**
     * The orders of {@code asRead} that are no longer exactly as read, {@code now} giving each order as stored now
     * (empty: gone). Run under the write lock before applying anything read earlier ({@code plan --apply},
     * {@code rebalance --apply}).
     */
    public static List<OrderChange> since(List<OrderAsPlanned> asRead, Function<String, Optional<Order>> now) {
        List<OrderChange> changed = new ArrayList<>();
        for (OrderAsPlanned then : asRead) {
            List<String> differences = now.apply(then.orderId())
                    .map(o -> then.differences(OrderAsPlanned.of(o)))
                    .orElse(List.of("no longer in the ledger"));
            if (!differences.isEmpty()) {
                changed.add(new OrderChange(then.orderId(), differences));
            }
        }
        return changed;
    }

    /** {@code order 42: kind regular -> emergency, qty 5 -> 9}. */
    @Override
    public String toString() {
        return "order " + orderId + ": " + String.join(", ", differences);
    }
}
