package io.chanops.ledger;

import java.util.List;

/** Input was invalid and nothing was written (exit 4). Carries every problem found, not only the first. */
public final class InputRejectedException extends RuntimeException {
    private final List<Problem> problems;
    private final List<String> header;

    public InputRejectedException(List<Problem> problems) {
        this(problems, List.of());
    }

    private InputRejectedException(List<Problem> problems, List<String> header) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
        this.header = List.copyOf(header);
    }

    public InputRejectedException(String message) {
        super(message);
        this.problems = List.of();
        this.header = List.of();
    }

    /**
     * A file refused because its {@code header} (the column names as read) lacks columns the reader requires: the
     * header lets a caller say which other file it looks like.
     */
    public static InputRejectedException missingColumns(List<Problem> problems, List<String> header) {
        return new InputRejectedException(problems, header);
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
