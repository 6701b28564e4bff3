package io.chanops.reconcile.confirmed;

import java.time.LocalDate;

/** Confirmed sales of one kind: the same site, SKU, order date and BOSS net; how many orders and units. */
public record ConfirmedSales(
        String siteId, String sku, LocalDate orderDate, long bossNetFen, long orders, long units) {}
