package io.chanops.replenish.orders;

/** A replenishment order as stored. Outstanding = qty - received qty (what still counts as on order while open). */
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
        String updatedAt,
        String reason,
        String escalatedAt) {
    public long outstanding() {
        return qty - receivedQty;
    }
}
