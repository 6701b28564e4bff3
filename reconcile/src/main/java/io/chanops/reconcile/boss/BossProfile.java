package io.chanops.reconcile.boss;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.master.KnownIds;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How one BOSS export is laid out (SPEC §4): its charset, delimiter, amount unit, date-time pattern, the header name of
 * each column (several names allowed, {@code |}-separated, for exports whose headers changed between BOSS releases) and
 * the map from BOSS status texts to {@code completed|cancelled}; optionally the line its header is on (a report
 * exported with a title above it) and the labels that start its total rows. Read from a UTF-8 {@code .properties}
 * file that must hold these keys and no other: a misspelt key would otherwise silently fall back to nothing.
 *
 * @param headerLine the line of the header (1 unless lines stand above it: {@code header.line})
 * @param totalLabels a row whose first cell is one of these is a total row, not a BOSS row ({@code total.label}; none
 *     when empty)
 */
public record BossProfile(
        Charset charset,
        char delimiter,
        AmountUnit amountUnit,
        BossDateTime dateTime,
        Map<Column, List<String>> columns,
        Map<String, Boolean> statusCompleted,
        int headerLine,
        List<String> totalLabels) {

    /** The columns a profile must name, with the property key of each. */
    public enum Column {
        BOSS_ID("boss_id"),
        ORDER_REF("order_ref"),
        MSISDN("msisdn"),
        BIZ_TYPE("biz_type"),
        ACCEPTED_AT("accepted_at"),
        AMOUNT("amount"),
        STATUS("status"),
        SITE_ID("site_id");

        private final String key;

        Column(String key) {
            this.key = key;
        }

        public String key() {
            return "column." + key;
        }
    }

    public enum AmountUnit {
        FEN,
        YUAN
    }

    private static final Set<String> PLAIN_KEYS = Set.of("charset", "delimiter", "amount.unit", "datetime.pattern");
    /** Keys a profile may leave out. */
    private static final Set<String> OPTIONAL_KEYS = Set.of("header.line", "total.label");
    /** The furthest line a header may be on: a title and a period take a few lines, not pages. */
    static final int MAX_HEADER_LINE = 100;

    public BossProfile {
        columns = Map.copyOf(columns);
        statusCompleted = Map.copyOf(statusCompleted);
        totalLabels = List.copyOf(totalLabels);
    }

    /** Loads and validates a profile; every problem is reported as {@code file:line: key: problem} (exit 4). */
    public static BossProfile load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputRejectedException.of(Problem.ofFile(name, "no such file"));
        } catch (IOException e) {
            throw InputRejectedException.of(Problem.ofFile(name, "cannot read profile: " + e.getMessage()));
        }
        return parse(name, utf8Lines(name, bytes));
    }

    /** The profile's lines, decoded strictly: bytes that are not UTF-8 are reported with their line. */
    private static List<String> utf8Lines(String name, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && from == i) {
                    break;
                }
                int to = i > from && bytes[i - 1] == '\r' ? i - 1 : i;
                try {
                    lines.add(StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, from, to - from))
                            .toString());
                } catch (CharacterCodingException e) {
                    throw InputRejectedException.of(new Problem(
                            name,
                            lines.size() + 1,
                            "",
                            "bytes that are not valid UTF-8 (a profile is a UTF-8 .properties file)"));
                }
                from = i + 1;
            }
        }
        return lines;
    }

    /** Parses profile lines (exposed for tests). */
    public static BossProfile parse(String name, List<String> lines) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            Properties one = new Properties();
            try (Reader r = new StringReader(raw)) {
                one.load(r);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new Problem(name, i + 1, "", "cannot parse: " + e.getMessage()));
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                String given = one.getProperty(key);
                String unclean = Cells.textProblem(key + given);
                if (unclean != null) {
                    problems.add(new Problem(name, i + 1, key, unclean.replaceFirst(" at character \\d+", "")));
                    continue;
                }
                // a tab delimiter (delimiter=\t) is whitespace that stripping would lose
                String value = key.equals("delimiter") && given.startsWith("\t") ? "\t" : stripTrailingComment(given);
                if (values.put(key, value) != null) {
                    problems.add(new Problem(name, i + 1, key, "key appears twice"));
                }
                lineOf.put(key, i + 1);
            }
        }
        Map<Column, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> statuses = new LinkedHashMap<>();
        Charset charset = StandardCharsets.UTF_8;
        char delimiter = ',';
        AmountUnit unit = AmountUnit.FEN;
        BossDateTime dateTime = null;
        int headerLine = 1;
        List<String> totalLabels = List.of();
        Set<String> required = new TreeSet<>(PLAIN_KEYS);
        Arrays.stream(Column.values()).forEach(c -> required.add(c.key()));
        Set<String> known = new TreeSet<>(required);
        known.addAll(OPTIONAL_KEYS);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            int line = lineOf.get(key);
            if (key.startsWith("status.")) {
                String text = key.substring("status.".length()).strip();
                switch (value.strip()) {
                    case "completed" -> statuses.put(text, Boolean.TRUE);
                    case "cancelled" -> statuses.put(text, Boolean.FALSE);
                    default ->
                        problems.add(new Problem(
                                name,
                                line,
                                key,
                                "'" + value + "' must be completed or cancelled"
                                        + KnownIds.hintAmong(List.of("completed", "cancelled"), value.strip())));
                }
                if (text.isEmpty()) {
                    problems.add(new Problem(name, line, key, "status text is empty"));
                }
                continue;
            }
            if (!known.contains(key)) {
                problems.add(new Problem(
                        name,
                        line,
                        key,
                        "unknown key" + KnownIds.hintAmong(known, key) + " (expected one of " + String.join(", ", known)
                                + ", status.<BOSS text>)"));
                continue;
            }
            switch (key) {
                case "charset" -> {
                    try {
                        charset = Charset.forName(value.strip());
                    } catch (IllegalArgumentException ex) {
                        problems.add(new Problem(
                                name, line, key, "unknown charset '" + value + "' (try GB18030, GBK or UTF-8)"));
                    }
                }
                case "delimiter" -> {
                    String d = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
                    if (d.length() != 1) {
                        problems.add(new Problem(name, line, key, "must be a single character (',' ';' '|' or tab)"));
                    } else {
                        delimiter = d.charAt(0);
                    }
                }
                case "amount.unit" -> {
                    switch (value.strip()) {
                        case "fen" -> unit = AmountUnit.FEN;
                        case "yuan" -> unit = AmountUnit.YUAN;
                        default -> problems.add(new Problem(name, line, key, "'" + value + "' must be fen or yuan"));
                    }
                }
                case "header.line" -> {
                    Long given = Cells.whole(value.strip(), MAX_HEADER_LINE);
                    if (given == null || given < 1) {
                        problems.add(new Problem(
                                name,
                                line,
                                key,
                                "'" + value + "' must be the header's line number, 1 to " + MAX_HEADER_LINE));
                    } else {
                        headerLine = given.intValue();
                    }
                }
                case "total.label" -> {
                    totalLabels = Arrays.stream(value.split("\\|"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
                    if (totalLabels.isEmpty()) {
                        problems.add(new Problem(name, line, key, "names no label (like total.label=合计)"));
                    }
                }
                case "datetime.pattern" -> {
                    try {
                        dateTime = BossDateTime.of(value.strip());
                    } catch (IllegalArgumentException ex) {
                        problems.add(new Problem(name, line, key, "bad pattern '" + value + "': " + ex.getMessage()));
                    }
                }
                default -> {
                    Column column = Arrays.stream(Column.values())
                            .filter(c -> c.key().equals(key))
                            .findFirst()
                            .orElseThrow();
                    List<String> names = Arrays.stream(value.split("\\|"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
                    if (names.isEmpty()) {
                        problems.add(new Problem(name, line, key, "names no column"));
                    } else {
                        columns.put(column, names);
                    }
                    for (String joined : names) {
                        if (parts(column, joined).size() > 2
                                || parts(column, joined).stream().anyMatch(String::isEmpty)) {
                            problems.add(new Problem(
                                    name,
                                    line,
                                    key,
                                    "'" + joined + "' must join two columns, a date and a time of day (like"
                                            + " 受理日期+受理时间)"));
                        }
                    }
                }
            }
        }
        for (String key : required) {
            if (!values.containsKey(key)) {
                problems.add(new Problem(name, 1, key, "required key is missing"));
            }
        }
        if (statuses.isEmpty()) {
            problems.add(new Problem(name, 1, "status.*", "no status map: add lines like status.正常=completed"));
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        return new BossProfile(charset, delimiter, unit, dateTime, columns, statuses, headerLine, totalLabels);
    }

    /** The example of SPEC §4 allows {@code amount.unit=fen   # or yuan}: a blank then {@code #} starts a comment. */
    private static String stripTrailingComment(String value) {
        int hash = value.indexOf('#');
        while (hash > 0) {
            if (Character.isWhitespace(value.charAt(hash - 1))) {
                return value.substring(0, hash).strip();
            }
            hash = value.indexOf('#', hash + 1);
        }
        return value.strip();
    }

    /** The header names accepted for {@code column}, in order of preference. */
    public List<String> names(Column column) {
        return columns.get(column);
    }

    /**
     * The header names a name of {@code column} stands for: itself, or for {@code column.accepted_at} a date column and
     * a time-of-day column joined by {@code +} ({@code 受理日期+受理时间}), whose cells are read as one date-time, joined
     * by a space, through {@code datetime.pattern}.
     */
    public static List<String> parts(Column column, String name) {
        if (column != Column.ACCEPTED_AT || name.indexOf('+') < 0) {
            return List.of(name);
        }
        return Arrays.stream(name.split("\\+", -1)).map(String::strip).toList();
    }

    /**
     * The header columns {@code column} is read from, in a header whose columns {@code present} tells: its first name
     * present as written, or else as all of its {@link #parts}; empty when none is.
     */
    public Optional<List<String>> columnsFound(Column column, Predicate<String> present) {
        return names(column).stream()
                .map(n -> present.test(n) ? List.of(n) : parts(column, n))
                .filter(parts -> parts.stream().allMatch(present))
                .findFirst();
    }

    /** Every name the profile knows, the joined columns' parts included (for the unknown-column warning). */
    public Set<String> allNames() {
        Set<String> all = new TreeSet<>();
        columns.forEach((column, names) -> names.forEach(n -> {
            all.add(n);
            all.addAll(parts(column, n));
        }));
        return all;
    }
}
