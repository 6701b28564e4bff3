package io.chanops.replenish.planning.domain;

/** What a warehouse has on hand of one SKU when planning starts: the most all its vehicles together can ship. */
public record StockLimit(String warehouse, String sku, long onHand) {}
