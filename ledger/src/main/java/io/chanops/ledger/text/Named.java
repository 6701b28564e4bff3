package io.chanops.ledger.text;

import io.chanops.ledger.Problem;
import java.util.List;
import java.util.function.Consumer;

/** Things named in messages: the first few, then how many more, so that a message or a list of them stays short. */
public final class Named {
    private Named() {}

    /** {@code "A, B, C"}, or {@code "A, B and 3 more"} when there are more than {@code first}. */
    public static String firstOf(List<String> names, int first) {
        String shown = String.join(", ", names.subList(0, Math.min(first, names.size())));
        return names.size() > first ? shown + " and " + (names.size() - first) + " more" : shown;
    }

    /**
     * Passes the first {@code first} of {@code warnings} to {@code warn}, then, when there are more, one line of
     * {@code file} that counts them: {@code "file: 5 more <more>"}.
     */
    public static void warnFirst(List<String> warnings, int first, String file, String more, Consumer<String> warn) {
        warnings.stream().limit(first).forEach(warn);
        if (warnings.size() > first) {
            warn.accept(Problem.ofFile(file, (warnings.size() - first) + " more " + more)
                    .toString());
        }
    }

    /** {@code "1 position"}, {@code "3 positions"}: a count with its noun. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code "1 policy"}, {@code "3 policies"}: a count with its noun, the plural not made with an s. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
