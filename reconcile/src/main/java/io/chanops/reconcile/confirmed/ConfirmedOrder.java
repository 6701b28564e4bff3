package io.chanops.reconcile.confirmed;

import io.chanops.ledger.confirmed.ConfirmedChunk;

/**
 * An order a reconcile run confirmed (MATCHED, or RESOLVED_LATE with both sides live and equal amounts), with its BOSS
 * net and the latest BOSS row's time: the basis of commission. Times are local seconds
 * ({@link io.chanops.reconcile.boss.BossDateTime}); {@code bossAcceptedAt} is {@link #NO_TIME} only for orders
 * converted from the old {@code confirmed_order} table without one, and strings are null only there.
 */
public record ConfirmedOrder(
        long runId,
        String orderId,
        long createdAt,
        String channel,
        String siteId,
        String msisdn,
        String sku,
        long qty,
        long amountFen,
        long bossNetFen,
        long bossAcceptedAt,
        String platformStatus,
        boolean bossLive,
        String matchedBy) {
    public static final long NO_TIME = ConfirmedChunk.NO_TIME;
}
