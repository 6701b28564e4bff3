package io.chanops.replenish.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * A solved delivery day and every order as it was read for it (routed and unserved alike): {@link DeliveryDay#apply}
 * marks the plan only while all of them still read the same.
 */
public record DayPlan(LocalDate date, PlanResult result, List<OrderAsPlanned> ordersAsRead) {
    public DayPlan {
        ordersAsRead = List.copyOf(ordersAsRead);
    }
}
