package io.chanops.ledger.master;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ids of one kind the ledger knows (sites, SKUs), for checking references and for naming the one a reference most
 * likely meant when it is not known: the same id in another case or without its separators ({@code gz-ss-01},
 * {@code GZSS01} for {@code GZ-SS-01}), else the one id a typing slip away (a character left out, added, changed or
 * two neighbours swapped; from 4 characters on, from 3 among a fixed set of words), else for an id of digits the one
 * id that is it with leading zeros ({@code 0101} for {@code 101}: a spreadsheet drops them when it takes the id for a
 * number). A number changed into another ({@code GZ-TH-03} for {@code GZ-TH-01}) is not a slip but most likely a site
 * or product not imported yet, so it is not suggested; nor is anything when two ids are as close.
 *
 * <p>Ids are compared in upper case without separators, indexed by that form and by its length, so a search looks at
 * the ids one character longer or shorter only. Suggestions are kept per unknown id, and after {@link #MAX_SEARCHES}
 * different unknown ids (a file of another operator's SKUs) no more are searched: only the first problems are shown.
 * Safe for use from several threads.
 */
public final class KnownIds {
    static final int MAX_SEARCHES = 1_000;
    /** Ids are dense (GZ-01, GZ-02): a slip in a shorter one is as likely another id. */
    private static final int SHORTEST_ID_FOR_SLIPS = 4;
    /** A fixed set of words is sparse: {@code wbe} can only be {@code web}. */
    private static final int SHORTEST_WORD_FOR_SLIPS = 3;

    private final Set<String> ids;
    private final int shortestForSlips;
    private final Map<String, List<String>> byCanonical = new HashMap<>();
    private final Map<Integer, List<String>> canonicalByLength = new HashMap<>();
    /** Ids of digits with leading zeros, by their digits without them. */
    private final Map<String, List<String>> byDigitsWithoutZeros = new HashMap<>();

    private final Map<String, Optional<String>> suggestions = new ConcurrentHashMap<>();
    private final AtomicInteger searches = new AtomicInteger();

    public KnownIds(Collection<String> ids) {
        this(ids, SHORTEST_ID_FOR_SLIPS);
    }

    private KnownIds(Collection<String> ids, int shortestForSlips) {
        this.ids = Set.copyOf(ids);
        this.shortestForSlips = shortestForSlips;
        for (String id : this.ids) {
            String key = canonical(id);
            List<String> same = byCanonical.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (same.isEmpty()) {
                canonicalByLength
                        .computeIfAbsent(key.length(), n -> new ArrayList<>())
                        .add(key);
            }
            same.add(id);
            if (id.length() > 1 && id.charAt(0) == '0' && isDigits(id)) {
                byDigitsWithoutZeros
                        .computeIfAbsent(withoutLeadingZeros(id), k -> new ArrayList<>(1))
                        .add(id);
            }
        }
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** The known id {@code id} most likely meant, if one stands out; empty for a known id. */
    public Optional<String> closest(String id) {
        if (ids.contains(id)) {
            return Optional.empty();
        }
        Optional<String> done = suggestions.get(id);
        if (done != null) {
            return done;
        }
        if (searches.incrementAndGet() > MAX_SEARCHES) {
            return Optional.empty();
        }
        return suggestions.computeIfAbsent(id, this::search);
    }

    /** {@code " (did you mean 'X'?)"} for the id {@code id} most likely meant, else {@code otherwise}. */
    public String hint(String id, String otherwise) {
        return closest(id)
                .map(known -> " (did you mean '" + known + "'?"
                        + (zerosDropped(id, known)
                                ? " its leading zeros are missing, as when a spreadsheet takes an id for a number"
                                : "")
                        + ")")
                .orElse(otherwise);
    }

    /**
     * {@code " (did you mean 'X'?)"} for the one of a fixed set of words (a column's kinds, a file's keys) that
     * {@code text} most likely meant, as for ids; else empty. For messages only: each call compares anew.
     */
    public static String hintAmong(Collection<String> choices, String text) {
        return new KnownIds(choices, SHORTEST_WORD_FOR_SLIPS).hint(text, "");
    }

    /** Whether {@code known} is {@code id}, digits without a leading zero, with the zeros a spreadsheet dropped. */
    private static boolean zerosDropped(String id, String known) {
        return isDigits(id)
                && id.charAt(0) != '0'
                && isDigits(known)
                && withoutLeadingZeros(known).equals(id);
    }

    private Optional<String> search(String id) {
        String key = canonical(id);
        List<String> same = byCanonical.get(key);
        if (same != null) {
            return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
        }
        if (isDigits(id)) {
            List<String> padded = byDigitsWithoutZeros.get(withoutLeadingZeros(id));
            if (padded != null) {
                return padded.size() == 1 ? Optional.of(padded.get(0)) : Optional.empty();
            }
        }
        if (id.length() < shortestForSlips) {
            return Optional.empty();
        }
        String found = null;
        for (int length = key.length() - 1; length <= key.length() + 1; length++) {
            for (String known : canonicalByLength.getOrDefault(length, List.of())) {
                if (oneSlip(key, known) && !otherNumber(key, known)) {
                    if (found != null || byCanonical.get(known).size() > 1) {
                        return Optional.empty(); // as close to two
                    }
                    found = known;
                }
            }
        }
        return found == null
                ? Optional.empty()
                : Optional.of(byCanonical.get(found).get(0));
    }

    private static boolean isDigits(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Upper case without separators: how two spellings of one id compare. */
    static String canonical(String id) {
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
     * Whether {@code b} is {@code a} (a different string) with one character left out, added or changed, or two
     * neighbours swapped.
     */
    static boolean oneSlip(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int i = 0;
        while (i < shorter && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (a.regionMatches(i + 1, b, i + 1, a.length() - i - 1)) {
                return true; // changed
            }
            return i + 1 < a.length()
                    && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2); // swapped
        }
        if (Math.abs(a.length() - b.length()) != 1) {
            return false;
        }
        String longer = a.length() > b.length() ? a : b;
        String other = longer == a ? b : a;
        return longer.regionMatches(i + 1, other, i, other.length() - i); // one left out or added
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
}
