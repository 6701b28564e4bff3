package io.chanops.replenish.planning;

import java.util.List;

/**
 * A solved day and every order as it was read for it (routed and unserved alike): {@link DeliveryDay#apply} marks the
 * plan only while all of them still read the same.
 */
public record DayPlan(PlanResult result, List<OrderAsPlanned> ordersAsRead) {
    public DayPlan {
        ordersAsRead = List.copyOf(ordersAsRead);
    }
}
