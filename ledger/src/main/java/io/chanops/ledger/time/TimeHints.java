package io.chanops.ledger.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a date or date-time that the strict forms refused most likely meant, for the end of its error message. A
 * spreadsheet saves dates its own way: {@code 2026/3/1 8:00} for {@code 2026-03-01 08:00}, or the day and month
 * first. The value is never taken in the loose form (a file means one thing on every machine); the message names the
 * strict form to write instead, when the year comes first and the day exists.
 */
public final class TimeHints {
    private TimeHints() {}

    private static final String SPREADSHEET =
            "a spreadsheet may have rewritten the column: give it the format yyyy-mm-dd hh:mm before saving";

    /** Year first, any of - / . 年 月 日 as separators, one or two digits, then an optional time of day. */
    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "(?:(?:\\s+|T)(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2})\\s*秒?)?)?");

    /** Day and month (in either order) before the year. */
    private static final Pattern YEAR_LAST =
            Pattern.compile("\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{4}(\\s.*)?");

    /**
     * {@code ": did you mean '2026-03-01 08:00'? (a spreadsheet ...)"} and the like for a refused date-time of a file;
     * empty when there is nothing more to say.
     */
    public static String dateTimeCell(String text) {
        return dateTime(text, " (" + SPREADSHEET + ")");
    }

    /** As {@link #dateTimeCell}, for a date-time typed in an option: the same hint, without the spreadsheet's part. */
    public static String dateTime(String text) {
        return dateTime(text, "");
    }

    /** An ISO date-time as databases and APIs export it: fractions of a second, an offset from UTC, or both. */
    private static final Pattern EXPORTED =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?");

    private static String dateTime(String text, String cause) {
        String s = text == null ? "" : text.strip();
        Matcher exported = EXPORTED.matcher(s);
        if (exported.matches() && (exported.group(3) != null || exported.group(4) != null)) {
            if (exported.group(4) != null) {
                return ": a time with an offset from UTC (" + exported.group(4) + "): write the local time in the"
                        + " ledger's time zone, without the offset";
            }
            return ": no fractions of a second: did you mean '" + exported.group(1) + " " + exported.group(2) + "'?";
        }
        Matcher m = YEAR_FIRST.matcher(s);
        if (m.matches()) {
            LocalDate day = day(m);
            if (day == null) {
                return noSuchDay(m);
            }
            if (m.group(4) == null) {
                return ": the time of day is missing ('" + LocalTimes.format(day) + " HH:MM')";
            }
            LocalDateTime at = time(day, m);
            if (at == null) {
                return "";
            }
            String meant = m.group(6) == null ? LocalTimes.format(at).substring(0, 16) : LocalTimes.format(at);
            return meant.equals(s) ? "" : ": did you mean '" + meant + "'?" + cause;
        }
        return YEAR_LAST.matcher(s).matches()
                ? ": the year comes first" + (cause.isEmpty() ? " (like '2026-03-02 09:30')" : cause)
                : "";
    }

    /** As {@link #dateTime}, for a refused date ({@code YYYY-MM-DD}). */
    public static String date(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = YEAR_FIRST.matcher(s);
        if (m.matches() && m.group(4) == null) {
            LocalDate day = day(m);
            return day == null ? noSuchDay(m) : ": did you mean '" + LocalTimes.format(day) + "'?";
        }
        return YEAR_LAST.matcher(s).matches() ? ": the year comes first (like 2026-03-02)" : "";
    }

    /** A month written with another separator, without the leading zero, or as a spreadsheet writes it. */
    private static final Pattern LOOSE_MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]?\\s*(\\d{1,2})\\s*月?");

    /**
     * As {@link #date}, for a refused month ({@code YYYY-MM}): {@code ": did you mean '2026-02'?"} for {@code 2026-2},
     * {@code 2026/02} or {@code 202602}, {@code ": there is no month 13"}; empty when it is not a month at all.
     */
    public static String month(String text) {
        Matcher m = LOOSE_MONTH.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return "";
        }
        int month = number(m, 2);
        return month >= 1 && month <= 12
                ? ": did you mean '" + YearMonth.of(number(m, 1), month) + "'?"
                : noMonth(month);
    }

    private static String noMonth(int month) {
        return ": there is no month " + month;
    }

    /**
     * Why a year-first date does not exist ({@code ": February 2026 has 28 days"}, {@code ": there is no month 13"}):
     * a day past the month's end is the usual slip (February 29th of a common year, the 31st of a 30-day month).
     */
    private static String noSuchDay(Matcher m) {
        int month = number(m, 2);
        if (month < 1 || month > 12) {
            return noMonth(month);
        }
        YearMonth ym = YearMonth.of(number(m, 1), month);
        int day = number(m, 3);
        if (day >= 1 && day <= ym.lengthOfMonth()) {
            return "";
        }
        return ": " + ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear() + " has "
                + ym.lengthOfMonth() + " days";
    }

    private static LocalDate day(Matcher m) {
        try {
            return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime time(LocalDate day, Matcher m) {
        try {
            return day.atTime(number(m, 4), number(m, 5), m.group(6) == null ? 0 : number(m, 6));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
