package io.chanops.ledger.time;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
        // one byte a char: a character outside Latin-1 becomes '?', which is no digit and no separator
        if (dateTimeDigits(s.getBytes(StandardCharsets.ISO_8859_1), 0, n) < 0) {
            return null;
        }
        if (n == 19 && s.charAt(10) == ' ') {
            return s;
        }
        return s.substring(0, 10) + ' ' + s.substring(11, 16) + (n == 19 ? s.substring(16) : ":00");
    }

    /**
     * The date-time {@code YYYY-MM-DD HH:MM[:SS]} ({@code T} accepted for the space, year 1900 or later) in
     * {@code b[from..to)} as the number {@code YYYYMMDDHHMMSS}, or -1 when it is not one: what
     * {@link #normaliseDateTime} accepts, read from ASCII bytes without decoding them.
     */
    public static long dateTimeDigits(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 16 && n != 19) {
            return -1;
        }
        if (b[from + 4] != '-'
                || b[from + 7] != '-'
                || (b[from + 10] != ' ' && b[from + 10] != 'T')
                || b[from + 13] != ':'
                || (n == 19 && b[from + 16] != ':')) {
            return -1;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = n == 19 ? digits(b, from + 17, 2) : 0;
        if (year < 1900 || !isDateTime(year, month, day, hour, minute, second)) {
            return -1;
        }
        return ((((year * 100L + month) * 100 + day) * 100 + hour) * 100 + minute) * 100 + second;
    }

    /**
     * Whether the fields name a moment of the calendar: year 0 or later, month 1-12, a day that month has, hour 0-23,
     * minute and second 0-59. Negative fields (as {@link #digits} returns for a non-digit) are refused.
     */
    public static boolean isDateTime(int year, int month, int day, int hour, int minute, int second) {
        return year >= 0
                && month >= 1
                && month <= 12
                && day >= 1
                && day <= lengthOfMonth(year, month)
                && hour >= 0
                && hour <= 23
                && minute >= 0
                && minute <= 59
                && second >= 0
                && second <= 59;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
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

    /**
     * The clock of a run: fixed at {@code now} when given (backfills, tests), else the system clock, in {@code zone}.
     */
    public static Clock clock(Optional<LocalDateTime> now, ZoneId zone) {
        return now.map(t -> Clock.fixed(t.atZone(zone).toInstant(), zone)).orElseGet(() -> Clock.system(zone));
    }
}
