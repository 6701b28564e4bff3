package io.chanops.reconcile.match;

import io.chanops.reconcile.platform.PlatformOrder;

/**
 * One finding: a platform order with its BOSS group (either may be absent), in a category.
 *
 * @param order   the platform order, or null (MISSING_IN_PLATFORM, DUPLICATE_BOSS)
 * @param group   the BOSS group, or null (OK_CANCELLED, MISSING_IN_BOSS, DUPLICATE_PLATFORM); for DUPLICATE_BOSS the
 *                extra copy as a group of one
 * @param carried for RESOLVED_LATE, the earlier item now resolved; else null
 */
public record Item(Category category, PlatformOrder order, BossGroup group, CarriedOrder carried) {

    public long platformFen() {
        return order == null ? 0 : order.amountFen();
    }

    public long bossFen() {
        return group == null ? 0 : group.netFen();
    }

    /** How the order and its BOSS group were paired: order_ref, fallback, or empty when they were not. */
    public String matchedBy() {
        if (order == null || group == null) {
            return "";
        }
        return group.fallback() ? "fallback" : "order_ref";
    }

    public String orderId() {
        if (order != null) {
            return order.orderId();
        }
        return group == null ? "" : group.orderRef();
    }

    public String msisdn() {
        if (order != null && !order.msisdn().isEmpty()) {
            return order.msisdn();
        }
        return group == null ? "" : group.latest().msisdn();
    }

    /**
     * For a RESOLVED_LATE item: what SPEC §7's rule 5 makes of the order and the group found late, as if they had been
     * in one run: STATUS_MISMATCH when one side is live and the other is not, AMOUNT_MISMATCH when both are live and
     * the amounts differ by more than {@code toleranceFen}, MATCHED otherwise.
     */
    public Category lateAs(long toleranceFen) {
        boolean orderLive = order.status().live();
        if (orderLive != group.live()) {
            return Category.STATUS_MISMATCH;
        }
        if (orderLive && Math.abs(order.amountFen() - group.netFen()) > toleranceFen) {
            return Category.AMOUNT_MISMATCH;
        }
        return Category.MATCHED;
    }
}
