package io.chanops.ledger;

import java.util.List;

/** Input was invalid and nothing was written (exit 4). Carries every problem found, not only the first. */
public final class InputRejectedException extends RuntimeException {
    private final List<Problem> problems;
    private final List<String> header;
    private final Kind kind;

    /** What was refused: rows (or a header), a file imported before, or a file that cannot be read as text at all. */
    private enum Kind {
        PROBLEMS,
        IMPORTED_BEFORE,
        UNREADABLE
    }

    public InputRejectedException(List<Problem> problems) {
        this(problems, List.of(), Kind.PROBLEMS);
    }

    private InputRejectedException(List<Problem> problems, List<String> header, Kind kind) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
        this.header = List.copyOf(header);
        this.kind = kind;
    }

    public InputRejectedException(String message) {
        super(message);
        this.problems = List.of();
        this.header = List.of();
        this.kind = Kind.PROBLEMS;
    }

    /**
     * A file refused because its {@code header} (the column names as read) lacks columns the reader requires: the
     * header lets a caller say which other file it looks like.
     */
    public static InputRejectedException missingColumns(List<Problem> problems, List<String> header) {
        return new InputRejectedException(problems, header, Kind.PROBLEMS);
    }

    /**
     * A file refused because the same content was imported before: nothing in it is invalid, so a dry run says it
     * would be refused rather than that it has invalid rows.
     */
    public static InputRejectedException importedBefore(Problem problem) {
        return new InputRejectedException(List.of(problem), List.of(), Kind.IMPORTED_BEFORE);
    }

    /**
     * A file refused because its bytes at the problem's line are not text in its charset: reading stops there, so the
     * line is the first one that shows the file is in another charset, not a row found invalid.
     */
    public static InputRejectedException unreadable(Problem problem) {
        return new InputRejectedException(List.of(problem), List.of(), Kind.UNREADABLE);
    }

    public static InputRejectedException of(Problem problem) {
        return new InputRejectedException(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The header of a file refused for missing columns ({@link #missingColumns}); empty for any other refusal. */
    public List<String> header() {
        return header;
    }

    /** Whether this is the refusal of a file imported before ({@link #importedBefore}). */
    public boolean isImportedBefore() {
        return kind == Kind.IMPORTED_BEFORE;
    }

    /** Whether the file cannot be read as text in its charset ({@link #unreadable}). */
    public boolean isUnreadable() {
        return kind == Kind.UNREADABLE;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "input rejected";
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems, first: " + problems.get(0);
    }
}
