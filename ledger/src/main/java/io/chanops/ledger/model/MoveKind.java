package io.chanops.ledger.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Kinds of stock move. A count resets on hand to its qty; the others add their signed delta. */
public enum MoveKind {
    RECEIPT(1),
    SALE(-1),
    RETURN(1),
    TRANSFER_IN(1),
    TRANSFER_OUT(-1),
    ADJUST(1),
    COUNT(0);

    /** Parsed once per row of a million-row file: a map lookup, not a scan of lower-cased names. */
    private static final Map<String, MoveKind> BY_CODE = new HashMap<>();

    static {
        for (MoveKind k : values()) {
            BY_CODE.put(k.code, k);
        }
    }

    private final int sign;
    private final String code;

    MoveKind(int sign) {
        this.sign = sign;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /**
     * On hand after this move, given on hand before it. Quantities are bounded per row (SPEC §3.1), so no real ledger
     * comes near a long's range; if one ever did, this fails loudly instead of wrapping to a negative on hand.
     */
    public long apply(long onHand, long qty) {
        return this == COUNT ? qty : Math.addExact(onHand, Math.multiplyExact(sign, qty));
    }

    public static Optional<MoveKind> parse(String text) {
        MoveKind k = BY_CODE.get(text);
        return k != null
                ? Optional.of(k)
                : Optional.ofNullable(BY_CODE.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return code;
    }
}
