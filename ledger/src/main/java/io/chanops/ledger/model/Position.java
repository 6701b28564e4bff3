package io.chanops.ledger.model;

/** One (site, SKU) pair. */
public record Position(String siteId, String sku) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
        int c = siteId.compareTo(o.siteId);
        return c != 0 ? c : sku.compareTo(o.sku);
    }

    @Override
    public String toString() {
        return siteId + "/" + sku;
    }
}
