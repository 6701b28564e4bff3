package io.chanops.reconcile.confirmed;

import java.time.LocalDateTime;

/**
 * An order a reconcile run confirmed (MATCHED, or RESOLVED_LATE with both sides live and equal amounts), with its BOSS
 * net and the time of the group's latest BOSS row: one row of {@code confirmed_order}, the basis of commission.
 * {@code bossAcceptedAt} is null, and strings other than the order id, status and matched-by may be, only in orders
 * migrated from a ledger of the row-per-order era.
 */
public record ConfirmedOrder(
        long runId,
        String orderId,
        LocalDateTime createdAt,
        String channel,
        String siteId,
        String msisdn,
        String sku,
        long qty,
        long amountFen,
        long bossNetFen,
        LocalDateTime bossAcceptedAt,
        String platformStatus,
        boolean bossLive,
        String matchedBy) {}
