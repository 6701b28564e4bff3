package io.chanops.finance;

import io.chanops.ledger.money.Fen;

/** One band of a tiered rule: from {@code from} to {@code to} units (inclusive; {@code to} null = no upper end). */
public record Tier(long from, Long to, long perUnitFen) {
    public boolean contains(long units) {
        return units >= from && (to == null || units <= to);
    }

    public String range() {
        return from + "-" + (to == null ? "" : to);
    }

    @Override
    public String toString() {
        return range() + ":" + Fen.format(perUnitFen);
    }
}
