package io.chanops.ledger;

/**
 * One thing wrong with an input, located as {@code file:line: column: problem}. Line 0 means the file as a whole
 * (for example a missing header); an empty column means the row as a whole.
 */
public record Problem(String file, long line, String column, String message) {

    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, "", message);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (column != null && !column.isEmpty()) {
            s.append(column).append(": ");
        }
        return s.append(message).toString();
    }
}
