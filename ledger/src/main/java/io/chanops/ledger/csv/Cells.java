package io.chanops.ledger.csv;

import io.chanops.ledger.Problem;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every input file shares (SPEC §3.1), in one place for both readers ({@link CsvSource} and {@link ByteCsv})
 * and every importer: clean text (no control character, at most {@value #MAX_TEXT_LENGTH} characters), rows as wide as
 * the header, bounded ASCII whole numbers, and a file that has rows at all. Also how text from the ledger or an input
 * is shown on a terminal: with its control characters made visible, never raw.
 */
public final class Cells {
    /** Longest text cell, in characters (code points). */
    public static final int MAX_TEXT_LENGTH = 1000;
    /** Largest quantity or policy level in absolute value, per row. */
    public static final long MAX_QUANTITY = 1_000_000;
    /** How {@link #textProblem} begins when the problem is a control character. */
    public static final String CONTROL_CHARACTER = "contains the control character";
    /** A file with a header and nothing below it is refused: an empty export is far more often a mistake than news. */
    public static final String NO_ROWS =
            "no data rows below the header (an empty file is refused; nothing was imported)";

    private Cells() {}

    /** C0 controls other than TAB, DEL and C1 controls: what a text cell may not hold. */
    public static boolean isControl(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * A header name as columns are matched: case and surrounding blanks aside, and full-width forms as their ASCII
     * ones (NFKC): a header typed with a Chinese input method, {@code 金额（分）} or {@code 营业厅编码} followed by an
     * ideographic space, is the column a profile names {@code 金额(分)}.
     */
    public static String columnKey(String column) {
        String s = column;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
                break;
            }
        }
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code text} cannot be a text cell (a control character, or too long), or null when it can. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return CONTROL_CHARACTER + " " + escape(c) + " at character " + (i + 1)
                        + " (text may not hold control characters other than TAB)";
            }
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            int length = text.codePointCount(0, text.length());
            if (length > MAX_TEXT_LENGTH) {
                return "is " + length + " characters long; at most " + MAX_TEXT_LENGTH;
            }
        }
        return null;
    }

    /** The problem of a row with {@code width} fields under a header of {@code headerWidth}. */
    public static String widthProblem(int width, int headerWidth) {
        return "the row has " + width + (width == 1 ? " field" : " fields") + " but the header has " + headerWidth
                + " (a comma inside a value needs the value in double quotes)";
    }

    /** A row-level problem (no column) at {@code line} of {@code file}. */
    static Problem rowProblem(String file, long line, String message) {
        return new Problem(file, line, "", message);
    }

    /**
     * {@code text} as a whole number: ASCII digits with an optional sign, at most {@code max} in absolute value; null
     * otherwise ({@link #whyNotWhole} says why). Other digits ({@code ５}, {@code ٥}) are not numbers here.
     */
    public static Long whole(String text, long max) {
        String s = text.strip();
        int i = 0;
        int n = s.length();
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        if (i == n || n - i > 18) {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        if (v > max) {
            return null;
        }
        return s.charAt(0) == '-' ? -v : v;
    }

    /**
     * Whether the cell {@code b[from..to)} is a number in scientific notation, as a spreadsheet saves a long number it
     * took for a quantity: a phone number or id {@code 18291827160} becomes {@code 1.82918E+10}, its last digits lost.
     * Such a cell is never an id or a phone number.
     */
    public static boolean isScientific(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int digits = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        if (i == to || (b[i] != 'E' && b[i] != 'e')) {
            return false;
        }
        i++;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int exponent = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i == to && i > exponent;
    }

    /** {@link #isScientific(byte[], int, int)} of a cell's text. */
    public static boolean isScientific(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return isScientific(b, 0, b.length);
    }

    /** The problem of a cell {@link #isScientific} found: an id or phone number whose digits a spreadsheet lost. */
    public static String scientificProblem(String text) {
        return "'" + text + "' is a number in scientific notation, as a spreadsheet writes a long number: its last"
                + " digits are lost; export the file again with the column formatted as text";
    }

    /** A whole number written with thousands separators, as a spreadsheet may save it: {@code 1,000}. */
    public static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+");

    /** Why {@link #whole} refused {@code text}. */
    public static String whyNotWhole(String text, long max) {
        String s = text.strip();
        if (s.isEmpty()) {
            return "is empty: a whole number is required";
        }
        if (s.matches("[+-]?[0-9]+")) {
            return "'" + s + "' is out of range: at most " + String.format("%,d", max) + " in absolute value";
        }
        boolean otherDigits = s.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
        if (THOUSANDS.matcher(s).matches()) {
            return "'" + s + "' is not a whole number: no thousands separators (" + s.replace(",", "") + ")";
        }
        return "'" + s + "' is not a whole number"
                + (otherDigits ? " (digits 0-9 only, not full-width or other scripts)" : "");
    }

    /**
     * {@code text} as it may be shown on a terminal: every control character (as {@link #isControl}, and ESC above all)
     * replaced by a visible escape such as {@code \x1b}, so that no input or ledger text moves the cursor, clears the
     * screen or sets the window title.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        int n = text.length();
        while (i < n && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder s = new StringBuilder(n + 8).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                s.append(escape(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** {@code \x1b} for ESC, and so on. */
    static String escape(char c) {
        return String.format("\\x%02x", (int) c);
    }
}
