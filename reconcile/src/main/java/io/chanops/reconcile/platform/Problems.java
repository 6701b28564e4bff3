package io.chanops.reconcile.platform;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of a bulk file. A wrong file (another export, a wrong profile) can fail every one of a
 * million rows: the first {@value #SHOWN} are kept and the rest counted, so the message stays readable and the
 * reader's memory bounded.
 */
public final class Problems {
    static final int SHOWN = 200;
    private final List<Problem> shown = new ArrayList<>();
    private long more;
    private String file;

    public void add(Problem p) {
        file = p.file();
        if (shown.size() < SHOWN) {
            shown.add(p);
        } else {
            more++;
        }
    }

    /** How many problems were added, shown or not. */
    public long count() {
        return shown.size() + more;
    }

    /**
     * Replaces the problems added since there were {@code count} (one record's, read as what they are not) with
     * {@code p}, the one that says what the record is.
     */
    public void replaceSince(long count, Problem p) {
        while (count() > count) {
            if (more > 0) {
                more--;
            } else {
                shown.remove(shown.size() - 1);
            }
        }
        add(p);
    }

    public boolean isEmpty() {
        return shown.isEmpty();
    }

    public void rejectIfAny() {
        if (shown.isEmpty()) {
            return;
        }
        List<Problem> all = new ArrayList<>(shown);
        if (more > 0) {
            all.add(Problem.ofFile(file, more + " more problems not shown"));
        }
        throw new InputRejectedException(all);
    }
}
