package io.chanops.ledger.csv;

import io.chanops.ledger.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One data row of a {@link CsvSource}, addressed by column name, knowing its file and starting line. */
public final class CsvRow {
    private final String file;
    private final long line;
    private final CsvHeader header;
    private final Map<String, Integer> columns;
    private final String[] values;

    CsvRow(String file, long line, CsvHeader header, String[] values) {
        this.file = file;
        this.line = line;
        this.header = header;
        this.columns = header.columns();
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

    /**
     * What breaks the rules every file shares ({@link Cells}): a row wider or narrower than the header (only that is
     * reported then: its cells are not where the header says), or a cell of a column the reader uses holding a
     * control character or over {@value Cells#MAX_TEXT_LENGTH} characters.
     */
    public List<Problem> ruleProblems() {
        List<Problem> problems = new ArrayList<>(0);
        if (values.length != header.width()) {
            problems.add(Cells.rowProblem(file, line, Cells.widthProblem(values.length, header.width())));
            return problems;
        }
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v != null && header.used(i)) {
                String why = Cells.textProblem(v);
                if (why != null) {
                    problems.add(new Problem(file, line, header.name(i), why));
                }
            }
        }
        return problems;
    }

    /**
     * Reports {@link #ruleProblems()} to {@code sink}; true when there were any: the caller leaves the row out (its
     * other checks would only repeat the same fault in other words).
     */
    public boolean rejected(Consumer<Problem> sink) {
        List<Problem> problems = ruleProblems();
        problems.forEach(sink);
        return !problems.isEmpty();
    }

    /** A problem located at this row and {@code column}. */
    public Problem problem(String column, String message) {
        return new Problem(file, line, column, message);
    }
}
