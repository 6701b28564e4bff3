package io.chanops.ledger.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Kinds of stock move. A count resets on hand to its qty; the others add their signed delta. */
public enum MoveKind {
    RECEIPT(1), SALE(-1), RETURN(1), TRANSFER_IN(1), TRANSFER_OUT(-1), ADJUST(1), COUNT(0);

    private final int sign;

    MoveKind(int sign) {
        this.sign = sign;
    }

    /** On hand after this move, given on hand before it. */
    public long apply(long onHand, long qty) {
        return this == COUNT ? qty : onHand + sign * qty;
    }

    public static Optional<MoveKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.toString().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
