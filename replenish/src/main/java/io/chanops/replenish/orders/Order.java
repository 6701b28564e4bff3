package io.chanops.replenish.orders;

/**
 * A replenishment order as stored. Outstanding = qty - received qty (what still counts as on order while open).
 * {@code vehicleId}, {@code stopNo} and {@code plannedFor} (the delivery day, YYYY-MM-DD) are set by a plan; the
 * day is null for orders planned before the ledger recorded it.
 */
public record Order(
        String orderId,
        String siteId,
        String sku,
        OrderKind kind,
        long qty,
        long receivedQty,
        OrderStatus status,
        String raisedAt,
        String dueDate,
        String warehouse,
        String vehicleId,
        Integer stopNo,
        String plannedFor,
        String updatedAt,
        String reason,
        String escalatedAt) {
    public long outstanding() {
        return qty - receivedQty;
    }
}
