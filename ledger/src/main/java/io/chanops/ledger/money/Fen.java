package io.chanops.ledger.money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Money is a {@code long} count of fen (0.01 yuan) inside chanops; yuan with two decimals only at the edges.
 * Parsing is exact (no floating point), takes ASCII digits only, rejects more than two decimals rather than rounding,
 * and bounds every amount read to {@link #MAX_AMOUNT_FEN} in absolute value (SPEC §3.1), so that sums of any
 * realistic number of rows stay far from overflowing a long.
 */
public final class Fen {
    /** The largest amount an input row may hold, in absolute value: 100,000,000.00 yuan. */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;
    /** Java's {@code \d} is ASCII-only without UNICODE_CHARACTER_CLASS: other digits (５, ٥) never match. */
    private static final Pattern YUAN = Pattern.compile("[+-]?(\\d{1,15})(\\.(\\d{0,2}))?");

    private static final Pattern TOO_LARGE = Pattern.compile("[+-]?\\d+(\\.\\d{0,2})?");

    /**
     * An amount as a spreadsheet or a person may dress it: a currency sign or unit ({@code ¥}, {@code 元}, RMB, CNY)
     * and thousands separators; the bare amount is group 1 (with its separators).
     */
    private static final Pattern DRESSED = Pattern.compile(
            "(?:[¥￥]|RMB|CNY)?\\s*([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?)\\s*(?:元|RMB|CNY)?",
            Pattern.CASE_INSENSITIVE);

    /** A decimal comma: {@code 5999,00}. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d{1,2}");

    private Fen() {}

    /** Parses yuan such as {@code 123}, {@code 123.4}, {@code -0.05}; empty if malformed or with over two decimals. */
    public static Optional<Long> parseYuan(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        var m = YUAN.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        long whole = Long.parseLong(m.group(1));
        String frac = m.group(3) == null ? "" : m.group(3);
        long cents = frac.isEmpty() ? 0 : Long.parseLong(frac.length() == 1 ? frac + "0" : frac);
        long fen = whole * 100 + cents;
        if (fen > MAX_AMOUNT_FEN) {
            return Optional.empty();
        }
        return Optional.of(s.startsWith("-") ? -fen : fen);
    }

    /** Explains why {@link #parseYuan} refused {@code text}, for error messages. */
    public static String whyNotYuan(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return "amount is empty";
        }
        if (s.matches("[+-]?\\d+\\.\\d{3,}")) {
            return "'" + s + "' has more than two decimals";
        }
        if (TOO_LARGE.matcher(s).matches()) {
            return "'" + s + "' is out of range: at most " + format(MAX_AMOUNT_FEN) + " yuan in absolute value";
        }
        return "'" + s + "' is not an amount in yuan (like 123.45)" + dressedHint(s, false);
    }

    /**
     * What a refused amount most likely meant: without its currency sign or separators, or with a decimal point;
     * {@code fen}: a whole number is meant.
     */
    private static String dressedHint(String s, boolean fen) {
        if (!fen && DECIMAL_COMMA.matcher(s).matches()) {
            return ": the decimal separator is a point (" + s.replace(',', '.') + ")";
        }
        var m = DRESSED.matcher(s);
        if (m.matches()) {
            String bare = m.group(1).replace(",", "");
            boolean valid =
                    fen ? bare.matches("[+-]?\\d{1,18}") : parseYuan(bare).isPresent();
            if (!bare.equals(s) && valid) {
                return ": no currency signs or thousands separators (" + bare + ")";
            }
        }
        return "";
    }

    /** Explains why a whole number of fen (BOSS amounts, {@code amount.unit=fen}) was refused, for error messages. */
    public static String whyNotFen(String text) {
        String s = text == null ? "" : text.strip();
        if (s.matches("[+-]?\\d+")) {
            return "'" + s + "' is out of range: at most " + MAX_AMOUNT_FEN + " fen in absolute value";
        }
        return "'" + s + "' is not a whole number of fen" + dressedHint(s, true);
    }

    /** {@code 12345 -> "123.45"}, {@code -5 -> "-0.05"}. */
    public static String format(long fen) {
        return toYuan(fen).toPlainString();
    }

    /** Yuan with exactly two decimals, as a number (so CSV output never treats it as text). */
    public static BigDecimal toYuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
