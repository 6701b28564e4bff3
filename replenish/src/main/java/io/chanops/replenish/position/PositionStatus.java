package io.chanops.replenish.position;

/** One row of {@code stock show}: a position's stock and policy. Policy fields are null when it has none. */
public record PositionStatus(
        String siteId, String sku, long onHand, long onOrder, Integer tDays, Long r, Long s, Long l) {

    /** Inventory position = on hand + on order. */
    public long inventoryPosition() {
        return onHand + onOrder;
    }

    public PositionState state() {
        return PositionState.of(onHand, inventoryPosition(), r, l);
    }
}
