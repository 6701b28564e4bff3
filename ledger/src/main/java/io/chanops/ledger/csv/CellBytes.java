package io.chanops.ledger.csv;

/**
 * A cell held as a byte range of an ASCII-compatible file, trimmed the way {@link CsvRow#get} trims text: surrounding
 * ASCII white space (what {@link String#strip} removes in that range) and the formula guard's quote
 * ({@link FormulaGuard#unguard}). Shared by the two byte-level readers, {@link CsvBytes} and {@link ByteCsv}.
 */
final class CellBytes {
    private CellBytes() {}

    static boolean isSpace(byte x) {
        return x == ' ' || (x >= 9 && x <= 13) || (x >= 28 && x <= 31);
    }

    /** Where the cell's text starts: after leading white space and a guard quote. */
    static int start(byte[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        to = end(b, from, to);
        if (to - from >= 2
                && b[from] == '\''
                && (FormulaGuard.isGuarded((char) b[from + 1])
                        || (to - from >= 3 && b[from + 1] == '\'' && FormulaGuard.isGuarded((char) b[from + 2])))) {
            from++;
        }
        return from;
    }

    /** Where the cell's text ends: before trailing white space. */
    static int end(byte[] b, int from, int to) {
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        return to;
    }
}
