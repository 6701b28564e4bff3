package io.chanops.reconcile.boss;

import io.chanops.ledger.time.LocalTimes;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Supplier;

/**
 * Parses BOSS date-times with the profile's {@code datetime.pattern} into "local seconds" (seconds since 1970-01-01
 * 00:00 of the local calendar, no zone: both files are local time, so differences are plain subtractions). The two
 * patterns BOSS exports use in practice ({@code yyyyMMddHHmmss} and {@code yyyy-MM-dd HH:mm:ss}) take a fast path
 * without a formatter, because a million rows per file is normal; any other pattern goes through
 * {@link DateTimeFormatter} with strict resolving (so 20260230 is refused, not moved to 28 February).
 */
public final class BossDateTime {
    /** Returned by {@link #parse} for text that does not match the pattern. */
    public static final long INVALID = Long.MIN_VALUE;

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final boolean compact;
    private final boolean iso;

    private BossDateTime(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
        this.compact = pattern.equals("yyyyMMddHHmmss") || pattern.equals("uuuuMMddHHmmss");
        this.iso = pattern.equals("yyyy-MM-dd HH:mm:ss") || pattern.equals("uuuu-MM-dd HH:mm:ss");
    }

    /** The form the ledger and platform-orders.csv use: {@code yyyy-MM-dd HH:mm:ss}. */
    public static final BossDateTime STORED = of("yyyy-MM-dd HH:mm:ss");

    /** @throws IllegalArgumentException if the pattern is not a valid {@link DateTimeFormatter} pattern */
    public static BossDateTime of(String pattern) {
        // STRICT needs the proleptic year 'u': with 'y' (year of era) it would demand an era field.
        String strict = pattern.replace('y', 'u');
        DateTimeFormatter f;
        try {
            f = DateTimeFormatter.ofPattern(strict).withResolverStyle(ResolverStyle.STRICT);
        } catch (ClassCastException e) {
            // the JDK's pattern builder fails this way on a pad letter 'p' before adjacent numbers ("pyyyyMMdd")
            throw new IllegalArgumentException("a pad ('p') cannot come before adjacent numbers here", e);
        }
        return new BossDateTime(pattern, f);
    }

    public String pattern() {
        return pattern;
    }

    /** Local seconds of {@code text}, or {@link #INVALID}. */
    public long parse(String text) {
        if (compact || iso) {
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1); // non-Latin text fails on digits
            return parse(b, 0, b.length, () -> text);
        }
        try {
            return LocalDateTime.parse(text, formatter).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }

    /**
     * Local seconds of the text in {@code [from, to)} of {@code b} (ASCII digits in any ASCII-compatible charset), or
     * {@link #INVALID}: the two common patterns straight from the bytes, any other through {@code fallback}'s text.
     */
    public long parse(byte[] b, int from, int to, Supplier<String> fallback) {
        int n = to - from;
        if (compact) {
            return n == 14 ? fields(b, from, from + 4, from + 6, from + 8, from + 10, from + 12) : INVALID;
        }
        if (iso) {
            if (n != 19
                    || b[from + 4] != '-'
                    || b[from + 7] != '-'
                    || b[from + 10] != ' '
                    || b[from + 13] != ':'
                    || b[from + 16] != ':') {
                return INVALID;
            }
            return fields(b, from, from + 5, from + 8, from + 11, from + 14, from + 17);
        }
        return parse(fallback.get());
    }

    /** The last date parsed and its epoch day: consecutive rows mostly share a date. One immutable holder, so a
     * profile's instance may be shared between threads. */
    private record Day(int key, long epochDay) {}

    private Day lastDay = new Day(-1, 0);

    private long fields(byte[] b, int y, int mo, int d, int h, int mi, int se) {
        int year = LocalTimes.digits(b, y, 4);
        int month = LocalTimes.digits(b, mo, 2);
        int day = LocalTimes.digits(b, d, 2);
        int hour = LocalTimes.digits(b, h, 2);
        int minute = LocalTimes.digits(b, mi, 2);
        int second = LocalTimes.digits(b, se, 2);
        if (!LocalTimes.isDateTime(year, month, day, hour, minute, second)) {
            return INVALID;
        }
        int key = year * 10_000 + month * 100 + day;
        Day last = lastDay;
        if (key != last.key()) {
            last = new Day(key, LocalDate.of(year, month, day).toEpochDay());
            lastDay = last;
        }
        return last.epochDay() * 86_400L + hour * 3600L + minute * 60L + second;
    }

    /** Local seconds back to a {@link LocalDateTime}. */
    public static LocalDateTime toLocal(long localSeconds) {
        return LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
    }

    /** Local seconds as the ledger's text form {@code YYYY-MM-DD HH:MM:SS}, built without a formatter. */
    public static String format(long localSeconds) {
        long day = Math.floorDiv(localSeconds, 86_400L);
        int secs = (int) Math.floorMod(localSeconds, 86_400L);
        LocalDate d = LocalDate.ofEpochDay(day);
        char[] c = new char[19];
        put(c, 0, d.getYear(), 4);
        c[4] = '-';
        put(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, d.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, secs / 3600, 2);
        c[13] = ':';
        put(c, 14, secs / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secs % 60, 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
