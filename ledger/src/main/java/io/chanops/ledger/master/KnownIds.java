package io.chanops.ledger.master;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of one kind the ledger knows (sites, SKUs), for checking references and for naming the one a reference most
 * likely meant when it is not known: the same id in another case or without its separators ({@code gz-ss-01},
 * {@code GZSS01} for {@code GZ-SS-01}), else the one id a typing slip away (a character left out, added, changed or
 * two swapped; from 4 characters on). A number changed into another ({@code GZ-TH-03} for {@code GZ-TH-01}) is not a
 * slip but most likely a site or product not imported yet, so it is not suggested. Suggestions are kept per unknown id,
 * so a file repeating one
 * mistake on many rows costs one search. Safe for use from several threads.
 */
public final class KnownIds {
    private final Set<String> ids;
    private final Map<String, Optional<String>> suggestions = new ConcurrentHashMap<>();

    public KnownIds(Collection<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** The known id {@code id} most likely meant, if one stands out; empty for a known id. */
    public Optional<String> closest(String id) {
        if (ids.contains(id)) {
            return Optional.empty();
        }
        return suggestions.computeIfAbsent(id, this::search);
    }

    /** {@code " (did you mean 'X'?)"} for the id {@code id} most likely meant, else {@code otherwise}. */
    public String hint(String id, String otherwise) {
        return closest(id).map(known -> " (did you mean '" + known + "'?)").orElse(otherwise);
    }

    private Optional<String> search(String id) {
        String key = canonical(id);
        int allowed = id.length() >= 4 ? 1 : 0;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String known : ids) {
            int d = canonical(known).equals(key)
                    ? 0
                    : otherNumber(id, known) ? allowed + 1 : distance(id, known, allowed);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? Optional.of(best) : Optional.empty();
    }

    /**
     * Whether {@code a} and {@code b} differ only in digits changed into other digits, other than two neighbours
     * swapped (a slip).
     */
    private static boolean otherNumber(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int differing = 0;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (!Character.isDigit(x) || !Character.isDigit(y)) {
                    return false;
                }
                if (differing == 0) {
                    first = i;
                }
                differing++;
            }
        }
        boolean swapped = differing == 2
                && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
        return !swapped;
    }

    /** Upper case without separators: how two spellings of one id compare. */
    private static String canonical(String id) {
        StringBuilder s = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c != '-' && c != '_' && c != '.' && c != ' ') {
                s.append(c);
            }
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Edits between {@code a} and {@code b} (insert, delete, change, swap of neighbours; optimal string alignment), or
     * {@code limit + 1} once it is sure to exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
