package io.chanops.ledger.csv;

/**
 * Keeps spreadsheet programs from running text cells as formulas (CSV injection): a text cell that begins with
 * {@code = + - @}, TAB or CR gets a leading {@code '} on the way out, and loses it again on the way in, so whatever
 * chanops writes it reads back unchanged. Numeric cells are never touched.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    static boolean isGuarded(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return isGuarded(text.charAt(0)) ? "'" + text : text;
    }

    public static String unguard(String text) {
        if (text != null && text.length() >= 2 && text.charAt(0) == '\'' && isGuarded(text.charAt(1))) {
            return text.substring(1);
        }
        return text;
    }
}
