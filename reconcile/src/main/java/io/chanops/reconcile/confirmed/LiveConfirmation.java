package io.chanops.reconcile.confirmed;

import java.time.LocalDateTime;

/** A run's live confirmation of an order (platform paid or completed, BOSS group standing). */
public record LiveConfirmation(String orderId, LocalDateTime createdAt, long runId) {}
