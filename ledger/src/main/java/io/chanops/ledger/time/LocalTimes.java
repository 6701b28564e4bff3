package io.chanops.ledger.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The ledger's text forms of time. Dates are {@code YYYY-MM-DD}; date-times {@code YYYY-MM-DD HH:MM[:SS]} local to the
 * configured zone, stored as {@code YYYY-MM-DD HH:MM:SS} so that text order is time order. Parsing is strict
 * everywhere (options, files, rules): a day or time that does not exist is an error.
 */
public final class LocalTimes {
    /*
     * Strict resolving: 2026-02-29, 2026-04-31 and 24:00 are errors, never moved to another day (the default, SMART,
     * would make them 2026-02-28, 2026-04-30 and 00:00). STRICT needs the proleptic year 'u', not the year of era 'y'.
     */
    public static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter HOUR_MINUTE =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private LocalTimes() {}

    /** Parses {@code YYYY-MM-DD HH:MM[:SS]} (a {@code T} separator is accepted too). */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace('T', ' ');
        if (s.length() == 16) {
            s = s + ":00";
        }
        if (s.length() != 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(s, STORED));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Fast path for bulk files: returns {@code text} normalised to the stored form {@code YYYY-MM-DD HH:MM:SS}, or null
     * if it is not a valid date-time. Avoids building a LocalDateTime per row.
     */
    public static String normaliseDateTime(String text) {
        String s = text.strip();
        int n = s.length();
        if (n != 16 && n != 19) {
            return null;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':'
                || (n == 19 && s.charAt(16) != ':')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = n == 19 ? digits(s, 17, 2) : 0;
        if (year < 1900
                || month < 1
                || month > 12
                || day < 1
                || hour > 23
                || minute > 59
                || second > 59
                || hour < 0
                || minute < 0
                || second < 0) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        if (n == 19 && s.charAt(10) == ' ') {
            return s;
        }
        return s.substring(0, 10) + ' ' + s.substring(11, 16) + (n == 19 ? s.substring(16) : ":00");
    }

    /** The decimal value of {@code count} digits of {@code s} from {@code from}, or -1 if any is not a digit. */
    public static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** As {@link #digits(String, int, int)}, on ASCII bytes (the bulk readers parse dates without decoding them). */
    public static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.strip().length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A stored date-time ({@link #parseDateTime}), or a bare date as its start of day. */
    public static Optional<LocalDateTime> parseDateTimeOrDate(String text) {
        return parseDateTime(text).or(() -> parseDate(text).map(LocalDate::atStartOfDay));
    }

    /** Parses {@code HH:MM}. */
    public static Optional<LocalTime> parseHourMinute(String text) {
        if (text == null || !text.strip().matches("\\d{1,2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            String s = text.strip();
            return Optional.of(LocalTime.parse(s.length() == 4 ? "0" + s : s, HOUR_MINUTE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String format(LocalDateTime t) {
        return STORED.format(t);
    }

    public static String format(LocalDate d) {
        return DATE.format(d);
    }

    /** The clock of a run: fixed at {@code now} when given (backfills, tests), else the system clock, in {@code zone}. */
    public static Clock clock(Optional<LocalDateTime> now, ZoneId zone) {
        return now.map(t -> Clock.fixed(t.atZone(zone).toInstant(), zone)).orElseGet(() -> Clock.system(zone));
    }
}
