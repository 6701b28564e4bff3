package io.chanops.finance;

import java.time.LocalDate;

/**
 * A reconciliation's evidence that an order was cancelled or refunded: a MATCHED order whose platform status is
 * cancelled/refunded and whose BOSS group was reversed (not live). {@code cancelledOn} is the day of the BOSS reversal
 * (the book of record's date), or the day of the run when the export did not date it.
 */
public record Cancellation(String orderId, LocalDate cancelledOn, String status, long runId) {}
