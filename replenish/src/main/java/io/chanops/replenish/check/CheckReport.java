package io.chanops.replenish.check;

import io.chanops.replenish.orders.OrderKind;
import java.util.List;

/** What one check run did: the positions it examined, reviews recorded, and every order raised or escalated. */
public record CheckReport(long runId, String scope, long positions, long reviewed, List<Row> actions) {
    /** An order raised or escalated by this run. */
    public record Row(
            String orderId,
            String siteId,
            String sku,
            OrderKind kind,
            long qty,
            long orderQty,
            String dueDate,
            String warehouse,
            Check.Action action,
            String reason) {}

    public long count(Check.Action action, OrderKind kind) {
        return actions.stream()
                .filter(a -> a.action() == action && a.kind() == kind)
                .count();
    }

    /** Exit 3 territory: this run raised or escalated an emergency. */
    public boolean emergencyRaised() {
        return actions.stream().anyMatch(a -> a.kind() == OrderKind.EMERGENCY);
    }
}
