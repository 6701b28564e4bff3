package io.chanops.ledger.model;

/** On hand of one position after its last move. */
public record StockLevel(String siteId, String sku, long onHand, String lastMoveAt) {}
