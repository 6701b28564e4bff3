package io.chanops.finance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a report's month stands against today: a month not over yet, or not begun, gives a report that will change
 * (most likely {@code --month} given this month's date where last month was meant, as a cron line on the 1st does).
 */
public final class ReportMonth {
    private ReportMonth() {}

    /** The warning for a report of {@code month} made on {@code today}, if the month is not over. */
    public static Optional<String> notOver(YearMonth month, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (month.isAfter(current)) {
            return Optional.of(month + " has not begun (today is " + today + "): nothing can be confirmed in it yet;"
                    + " the last full month is " + current.minusMonths(1));
        }
        if (month.equals(current)) {
            return Optional.of(month + " is not over (today is " + today + "): the report covers what was reconciled"
                    + " so far and will change; the last full month is " + current.minusMonths(1));
        }
        return Optional.empty();
    }

    /**
     * The warnings of a report of {@code month} made on {@code today}: the month not over or not begun, and, when the
     * report is {@code empty} in a month that has begun, {@code nothing} ({@code "no BOSS transactions recorded for
     * 2026-02"}) with the question whether the month was reconciled.
     */
    public static List<String> warnings(YearMonth month, LocalDate today, boolean empty, String nothing) {
        List<String> warnings = new ArrayList<>();
        notOver(month, today).ifPresent(warnings::add);
        if (empty && !notBegun(month, today)) {
            warnings.add(nothing + " (was the month reconciled?)");
        }
        return warnings;
    }

    /** Whether {@code month} begins after {@code today}'s month. */
    static boolean notBegun(YearMonth month, LocalDate today) {
        return month.isAfter(YearMonth.from(today));
    }
}
