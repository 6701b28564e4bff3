package io.chanops.reconcile.confirmed;

import java.time.LocalDateTime;

/**
 * A confirmed order whose platform status is cancelled or refunded and whose BOSS group was reversed: the evidence that
 * an order was cancelled. {@code bossAcceptedAt} (the reversal) may be null in migrated orders; {@code runAt} is when
 * the run that found it ran.
 */
public record Reversal(
        String orderId,
        LocalDateTime createdAt,
        LocalDateTime bossAcceptedAt,
        String platformStatus,
        long runId,
        String runAt) {}
