package io.chanops.reconcile.confirmed;

import java.time.LocalDateTime;

/**
 * An order confirmed live (the platform says paid or completed and the BOSS group stands), as the latest run that
 * confirmed it so in the month it was created in saw it: what commission is paid on.
 */
public record ConfirmedSale(
        String orderId, LocalDateTime createdAt, String siteId, String sku, long qty, long bossNetFen) {}
