package io.chanops.ledger.csv;

/**
 * Keeps spreadsheet programs from running text cells as formulas (CSV injection): a text cell that begins with
 * {@code = + - @}, TAB or CR gets a leading {@code '} on the way out, and loses it again on the way in, so whatever
 * chanops writes it reads back unchanged (text that itself begins with {@code '=} is written as {@code ''=}). Numeric
 * cells are never touched.
 */
public final class FormulaGuard {
    private FormulaGuard() {}

    /**
     * True for the characters that make a text cell starting with them look like a formula: {@code = + - @}, TAB, CR.
     */
    public static boolean isGuarded(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // text that itself starts with the guard's prefix gets one more, so the reader's unguard restores it exactly
        return isGuarded(text.charAt(0)) || looksGuarded(text) ? "'" + text : text;
    }

    /** True when {@code text} starts as a guarded cell does: {@code '} and then one of {@code = + - @}, TAB, CR. */
    public static boolean looksGuarded(String text) {
        return text.length() >= 2 && text.charAt(0) == '\'' && isGuarded(text.charAt(1));
    }

    public static String unguard(String text) {
        if (text != null
                && text.length() >= 2
                && text.charAt(0) == '\''
                && (isGuarded(text.charAt(1))
                        || (text.length() >= 3 && text.charAt(1) == '\'' && isGuarded(text.charAt(2))))) {
            return text.substring(1);
        }
        return text;
    }
}
