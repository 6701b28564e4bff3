package io.chanops.replenish.planning.io;

import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.model.Site;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads {@code matrix.csv} ({@code from,to,minutes[,km]}): measured travel between two sites. Minutes may have
 * decimals; plans are made in whole minutes, so each is rounded to the nearest minute.
 */
public final class MatrixFile {
    public static final List<String> REQUIRED = List.of("from", "to", "minutes");
    private static final Set<String> KNOWN = Set.of("from", "to", "minutes", "km");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,6})?");
    /** A number {@link #DECIMAL} refuses only for its length: named as too large, not as no number. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("[0-9]{10,}(\\.[0-9]+)?");

    /** Travel minutes keyed by {@link #key(String, String)}, with the file each came from (for messages). */
    public record Entries(String file, Map<String, Integer> minutes) {
        public static Entries none() {
            return new Entries(null, Map.of());
        }

        public Integer get(String from, String to) {
            return minutes.get(key(from, to));
        }
    }

    private MatrixFile() {}

    static String key(String from, String to) {
        return from + "\u0000" + to;
    }

    public static Entries read(Path file, Charset charset, Map<String, Site> sites, Consumer<String> warn) {
        ProblemList problems = new ProblemList();
        Map<String, Integer> minutes = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(REQUIRED).warnUnknown(KNOWN, warn);
            for (CsvRow row : csv) {
                if (row.rejected(problems::add)) {
                    continue;
                }
                int before = problems.size();
                String from = site(row, "from", sites, problems);
                String to = site(row, "to", sites, problems);
                double m = number(row, "minutes", true, problems);
                number(row, "km", false, problems);
                if (problems.size() != before) {
                    continue;
                }
                if (from.equals(to) && m != 0) {
                    problems.add(
                            row.problem("minutes", "from and to are both " + from + ": travel within a site is 0"));
                    continue;
                }
                Long seen = firstLine.putIfAbsent(key(from, to), row.line());
                if (seen != null) {
                    problems.add(row.problem("to", from + " -> " + to + " already given on line " + seen));
                    continue;
                }
                minutes.put(key(from, to), (int) Math.round(m));
            }
        }
        problems.rejectIfAny();
        return new Entries(file.toString(), Map.copyOf(minutes));
    }

    private static String site(CsvRow row, String column, Map<String, Site> sites, ProblemList problems) {
        String id = row.get(column);
        if (id.isEmpty()) {
            problems.add(row.problem(column, "empty: a site id is required"));
        } else if (!sites.containsKey(id)) {
            problems.add(row.problem(column, "unknown site " + id));
        }
        return id;
    }

    private static double number(CsvRow row, String column, boolean required, ProblemList problems) {
        String text = row.get(column);
        if (text.isEmpty()) {
            if (required) {
                problems.add(row.problem(column, "empty: travel minutes are required"));
            }
            return 0;
        }
        // not Double.parseDouble's grammar: it also takes 1e3, 0x1p3, 5d, Infinity and NaN
        if (!DECIMAL.matcher(text).matches()) {
            problems.add(row.problem(
                    column,
                    LONG_DECIMAL.matcher(text).matches()
                            ? "'" + text + "': must be at most 100000"
                            : "'" + text + "': must be a number >= 0 like 12.5 (ASCII digits)"));
            return 0;
        }
        double v = Double.parseDouble(text);
        if (v > 100_000) {
            problems.add(row.problem(column, "'" + text + "': must be at most 100000"));
        }
        return v;
    }
}
