package io.chanops.reconcile.bulk;

import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.money.Fen;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Number cells parsed straight from a file's bytes, with exactly the grammar and bounds of the text parsers they stand
 * in for ({@code io.chanops.ledger.money.Fen}, {@code io.chanops.ledger.csv.Cells}): {@link #NONE} for anything else,
 * so the caller can fall back to the text parser for the message. The {@code Supplier} forms do that fallback
 * themselves: what they accept, and the value, is exactly what the text parser gives for the decoded cell.
 */
public final class Numbers {
    public static final long NONE = Long.MIN_VALUE;

    private Numbers() {}

    /** {@code [+-]?\d{1,15}(\.\d{0,2})?} as fen, e.g. {@code 5999.5 -> 599950}. */
    public static long yuan(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            whole = whole * 10 + (b[i] - '0');
            digits++;
            i++;
        }
        if (digits == 0 || digits > 15) {
            return NONE;
        }
        long cents = 0;
        if (i < to) {
            if (b[i] != '.') {
                return NONE;
            }
            i++;
            int decimals = to - i;
            if (decimals > 2) {
                return NONE;
            }
            for (int k = 0; k < decimals; k++) {
                int c = b[i + k] - '0';
                if (c < 0 || c > 9) {
                    return NONE;
                }
                cents = cents * 10 + c;
            }
            if (decimals == 1) {
                cents *= 10;
            }
        }
        long fen = whole * 100 + cents;
        if (fen > Fen.MAX_AMOUNT_FEN) {
            return NONE;
        }
        return negative ? -fen : fen;
    }

    /** {@code [+-]?\d{1,17}}: a whole number of fen. */
    public static long whole(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int n = to - i;
        if (n < 1 || n > 17) {
            return NONE;
        }
        long v = 0;
        for (; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return NONE;
            }
            v = v * 10 + c;
        }
        if (v > Fen.MAX_AMOUNT_FEN) {
            return NONE;
        }
        return negative ? -v : v;
    }

    /** A quantity of at most {@link Cells#MAX_QUANTITY} (ASCII digits only), or -1. */
    public static int quantity(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v <= Cells.MAX_QUANTITY ? v : -1;
    }

    /**
     * The cell as {@link Cells#whole} reads it, at most {@code max} in absolute value: the byte parse when the cell is
     * plain ({@code [+-]?\d{1,17}} within {@link Fen#MAX_AMOUNT_FEN}), else {@code Cells.whole} on {@code text} (the
     * decoded cell: surrounding spaces, longer zero padding); {@link #NONE} when refused ({@link Cells#whyNotWhole}
     * says why).
     */
    public static long whole(byte[] b, int from, int to, Supplier<String> text, long max) {
        long v = whole(b, from, to);
        if (v != NONE && Math.abs(v) <= max) {
            return v;
        }
        Long slow = Cells.whole(text.get(), max);
        return slow == null ? NONE : slow;
    }

    /**
     * A quantity cell as {@code Cells.whole(text, Cells.MAX_QUANTITY)} reads it: the byte parse when the cell is plain
     * digits, else the text parser on {@code text} (a sign, spaces, zero padding); {@link #NONE} when refused ({@link
     * Cells#whyNotWhole} says why). Negative and zero values are returned as they are, for the caller to refuse.
     */
    public static long quantity(byte[] b, int from, int to, Supplier<String> text) {
        int v = quantity(b, from, to);
        if (v >= 0) {
            return v;
        }
        Long slow = Cells.whole(text.get(), Cells.MAX_QUANTITY);
        return slow == null ? NONE : slow;
    }

    /** Whether {@code [from, to)} of {@code b} holds exactly the ASCII text {@code word}. */
    public static boolean is(byte[] b, int from, int to, byte[] word) {
        return Arrays.equals(b, from, to, word, 0, word.length);
    }
}
