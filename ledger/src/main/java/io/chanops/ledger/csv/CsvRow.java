package io.chanops.ledger.csv;

import io.chanops.ledger.Problem;
import java.util.Map;

/** One data row of a {@link CsvSource}, addressed by column name, knowing its file and starting line. */
public final class CsvRow {
    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final String[] values;

    CsvRow(String file, long line, Map<String, Integer> columns, String[] values) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.values = values;
    }

    public long line() {
        return line;
    }

    public String file() {
        return file;
    }

    /** The cell of {@code column}, stripped and unguarded; empty string when the column or cell is absent. */
    public String get(String column) {
        Integer index = columns.get(column); // callers mostly pass the normalised (lower-case) name: skip normalising
        if (index == null) {
            index = columns.get(CsvHeader.normalise(column));
        }
        if (index == null || index >= values.length) {
            return "";
        }
        String v = values[index];
        return v == null ? "" : FormulaGuard.unguard(v.strip());
    }

    public boolean has(String column) {
        return columns.containsKey(CsvHeader.normalise(column));
    }

    public boolean isBlank(String column) {
        return get(column).isEmpty();
    }

    public int width() {
        return values.length;
    }

    public boolean isEmptyLine() {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A problem located at this row and {@code column}. */
    public Problem problem(String column, String message) {
        return new Problem(file, line, column, message);
    }
}
