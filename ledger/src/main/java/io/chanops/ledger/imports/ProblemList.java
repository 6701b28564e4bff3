package io.chanops.ledger.imports;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input before anything is written, then rejects the input as a whole. */
public final class ProblemList {
    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem p) {
        problems.add(p);
    }

    public void addAll(List<Problem> ps) {
        problems.addAll(ps);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    /** Throws {@link InputRejectedException} (exit 4) if any problem was found. */
    public void rejectIfAny() {
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
    }
}
