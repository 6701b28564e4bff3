package io.chanops.ledger.text;

import java.util.List;

/** Things named in a message: the first few, then how many more, so that one line stays one line. */
public final class Named {
    private Named() {}

    /** {@code "A, B, C"}, or {@code "A, B and 3 more"} when there are more than {@code first}. */
    public static String firstOf(List<String> names, int first) {
        String shown = String.join(", ", names.subList(0, Math.min(first, names.size())));
        return names.size() > first ? shown + " and " + (names.size() - first) + " more" : shown;
    }
}
