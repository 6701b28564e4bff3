package io.chanops.reconcile.platform;

/**
 * One row of platform-orders.csv. {@code createdAt} is in local seconds (see
 * {@link io.chanops.reconcile.boss.BossDateTime}); {@code amountFen} is the order's total.
 */
public record PlatformOrder(
        String orderId,
        long createdAt,
        String channel,
        String siteId,
        String msisdn,
        String sku,
        int qty,
        long amountFen,
        PlatformStatus status,
        long line) {}
