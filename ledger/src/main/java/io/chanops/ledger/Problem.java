package io.chanops.ledger;

import io.chanops.ledger.csv.Cells;

/**
 * One thing wrong with an input, located as {@code file:line: column: problem}. Line 0 means the file as a whole
 * (for example a missing header); an empty column means the row as a whole.
 */
public record Problem(String file, long line, String column, String message) {

    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, "", message);
    }

    /**
     * {@code file:line: column: problem}, with any control character of the input it quotes made visible
     * ({@link Cells#visible}): the line is printed to a terminal.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Cells.visible(file));
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (column != null && !column.isEmpty()) {
            s.append(Cells.visible(column)).append(": ");
        }
        return s.append(Cells.visible(message)).toString();
    }
}
