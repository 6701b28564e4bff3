package io.chanops.ledger.model;

/** One (site, SKU) pair. */
public record Position(String siteId, String sku) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
        int c = siteId.compareTo(o.siteId);
        return c != 0 ? c : sku.compareTo(o.sku);
    }

    /**
     * The record's default (31 x site hash + SKU hash) collides wholesale for ids like ST-00123 / SKU-0045, whose
     * hashes step by 1 and 31 with each digit: a set of 84,000 positions then probes thousands of entries per lookup.
     */
    @Override
    public int hashCode() {
        int h = siteId.hashCode() * 0x9E3779B1 + sku.hashCode();
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return siteId + "/" + sku;
    }
}
