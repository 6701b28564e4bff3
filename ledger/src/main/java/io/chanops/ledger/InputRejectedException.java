package io.chanops.ledger;

import java.util.List;

/** Input was invalid and nothing was written (exit 4). Carries every problem found, not only the first. */
public final class InputRejectedException extends RuntimeException {
    private final List<Problem> problems;

    public InputRejectedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InputRejectedException(String message) {
        super(message);
        this.problems = List.of();
    }

    public static InputRejectedException of(Problem problem) {
        return new InputRejectedException(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
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
