package io.chanops.ledger.csv;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The header row of a CSV file as both readers ({@link CsvSource}, {@link ByteCsv}) see it: names stripped and without
 * a byte-order mark, matched case-insensitively, a name twice rejected, required and unknown columns reported as
 * problems of line 1.
 */
final class CsvHeader {
    private final String file;
    /** The line the header is on (1 unless the file has lines above it, such as a report's title). */
    private final long line;

    private final List<String> names;
    private final Map<String, Integer> columns;
    /**
     * Columns the reader uses (named as required or known): their cells must be clean text (SPEC §3.1). Until the
     * reader names any, every column is.
     */
    private final boolean[] used;

    private boolean anyUsed;

    private CsvHeader(String file, long line, List<String> names, Map<String, Integer> columns) {
        this.file = file;
        this.line = line;
        this.names = names;
        this.columns = columns;
        this.used = new boolean[names.size()];
    }

    /** The header of {@code file} from its raw cells; rejects it (exit 4) naming every column that appears twice. */
    static CsvHeader of(String file, List<String> cells) {
        return of(file, 1, cells);
    }

    /** As {@link #of(String, List)}, for a header on {@code line}. */
    static CsvHeader of(String file, long line, List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String raw = cells.get(i).replace("\uFEFF", "").strip();
            names.add(raw);
            if (!raw.isEmpty() && columns.putIfAbsent(normalise(raw), i) != null) {
                problems.add(new Problem(file, line, raw, "column appears twice in the header"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        return new CsvHeader(file, line, List.copyOf(names), columns);
    }

    /** The line the header is on. */
    long line() {
        return line;
    }

    static String normalise(String column) {
        return Cells.columnKey(column);
    }

    List<String> names() {
        return names;
    }

    /** How many fields the header has: every row must have as many. */
    int width() {
        return names.size();
    }

    /** Whether the cells of column {@code index} are checked as text the reader uses. */
    boolean used(int index) {
        return !anyUsed || (index < used.length && used[index]);
    }

    /** The name of column {@code index}, or "" past the header. */
    String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : "";
    }

    private void use(Collection<String> columnNames) {
        for (String column : columnNames) {
            int i = index(column);
            if (i >= 0) {
                used[i] = true;
            }
        }
        anyUsed = true;
    }

    /** Column name (normalised) to its index. */
    Map<String, Integer> columns() {
        return columns;
    }

    /** The index of {@code column}, or -1. */
    int index(String column) {
        Integer i = columns.get(normalise(column));
        return i == null ? -1 : i;
    }

    boolean has(String column) {
        return columns.containsKey(normalise(column));
    }

    /** Problems for each required column absent from the header (on its line). */
    List<Problem> missing(Collection<String> required) {
        use(required);
        List<Problem> problems = new ArrayList<>();
        String other = otherDelimiter();
        if (other != null && required.stream().anyMatch(column -> !has(column))) {
            // one problem that says why, instead of every column reported missing
            problems.add(new Problem(
                    file,
                    line,
                    "",
                    "the header is one column, '" + names.get(0) + "': the file looks separated by " + other
                            + ", not by the delimiter expected"));
            return problems;
        }
        for (String column : required) {
            if (!has(column)) {
                problems.add(new Problem(file, line, column, "required column is missing from the header"));
            }
        }
        return problems;
    }

    /** The delimiter, in words, that a one-cell header holds (another reader's delimiter), or null. */
    private String otherDelimiter() {
        if (names.size() != 1) {
            return null;
        }
        for (char delimiter : ";\t|,".toCharArray()) {
            if (names.get(0).indexOf(delimiter) >= 0) {
                return delimiter == '\t' ? "tabs" : "'" + delimiter + "'";
            }
        }
        return null;
    }

    /** Rejects the file (exit 4) naming every required column the header lacks. */
    void require(Collection<String> required) {
        List<Problem> problems = missing(required);
        if (!problems.isEmpty()) {
            throw InputRejectedException.missingColumns(problems, names);
        }
    }

    /** Header names not in {@code known}: ignored, and worth a warning. */
    List<String> unknown(Collection<String> known) {
        use(known);
        Set<String> normalisedKnown = new HashSet<>();
        known.forEach(k -> normalisedKnown.add(normalise(k)));
        List<String> unknown = new ArrayList<>();
        for (String h : names) {
            if (!h.isEmpty() && !normalisedKnown.contains(normalise(h))) {
                unknown.add(h);
            }
        }
        return unknown;
    }

    /**
     * Reports each unknown column through {@code warn} as {@code file:LINE: column: unknown column, ignored} (the
     * header's line).
     */
    void warnUnknown(Collection<String> known, Consumer<String> warn) {
        for (String column : unknown(known)) {
            warn.accept(new Problem(file, line, column, "unknown column, ignored").toString());
        }
    }
}
