package io.chanops.replenish.planning.domain;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * One order to deliver: qty units of one SKU to one store, from the store's supplying warehouse. Several visits of
 * the same store back to back make one stop: no travel between them and one service time. A visit is a value of the
 * vehicles' list variable; its arrival time lives in the vehicle's {@link RouteTimes} shadow variable.
 */
public final class Visit {
    /** Unique in a plan (one visit per order): how move threads find their copy of a move's visits. */
    @PlanningId
    private final String orderId;

    private final String siteId;
    private final int siteIndex;
    private final String sku;
    private final long qty;
    private final boolean emergency;
    private final String warehouse;
    private final int opens;
    private final int closes;
    private final int serviceMinutes;
    private final TravelTimes travel;

    public Visit(
            String orderId,
            String siteId,
            int siteIndex,
            String sku,
            long qty,
            boolean emergency,
            String warehouse,
            int opens,
            int closes,
            int serviceMinutes,
            TravelTimes travel) {
        this.orderId = orderId;
        this.siteId = siteId;
        this.siteIndex = siteIndex;
        this.sku = sku;
        this.qty = qty;
        this.emergency = emergency;
        this.warehouse = warehouse;
        this.opens = opens;
        this.closes = closes;
        this.serviceMinutes = serviceMinutes;
        this.travel = travel;
    }

    /** Minutes from {@code siteIndex} to this visit's store. */
    public int minutesFrom(int siteIndex) {
        return travel.minutes(siteIndex, this.siteIndex);
    }

    public String getOrderId() {
        return orderId;
    }

    public String getSiteId() {
        return siteId;
    }

    public int getSiteIndex() {
        return siteIndex;
    }

    public String getSku() {
        return sku;
    }

    public long getQty() {
        return qty;
    }

    public boolean isEmergency() {
        return emergency;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public int getOpens() {
        return opens;
    }

    public int getCloses() {
        return closes;
    }

    public int getServiceMinutes() {
        return serviceMinutes;
    }

    /** Units weighted for the medium score: an emergency unit left behind weighs more than a regular one. */
    public long unservedWeight() {
        return qty * (emergency ? EMERGENCY_WEIGHT : 1);
    }

    /** How many regular units one emergency unit outweighs. */
    public static final long EMERGENCY_WEIGHT = 10;

    @Override
    public String toString() {
        return orderId + "@" + siteId;
    }
}
