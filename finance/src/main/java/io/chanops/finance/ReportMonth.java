package io.chanops.finance;

import io.chanops.ledger.Ledger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a report's month stands against today: a month not over yet, or not begun, gives a report that will change
 * (most likely {@code --month} given this month's date where last month was meant, as a cron line on the 1st does).
 */
public final class ReportMonth {
    /** How many months with BOSS rows a warning names one by one; more are named as a range. */
    private static final int SHOWN_MONTHS = 12;

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
     * 2026-02"}) with the question whether the month was reconciled, naming the months the reconciled BOSS exports
     * have rows in ({@code reconciled}, asked only then) when it is not one of them: a month typed wrong shows.
     */
    public static List<String> warnings(
            YearMonth month,
            LocalDate today,
            boolean empty,
            String nothing,
            Supplier<? extends Collection<YearMonth>> reconciled) {
        List<String> warnings = new ArrayList<>();
        notOver(month, today).ifPresent(warnings::add);
        if (empty && !notBegun(month, today)) {
            warnings.add(nothing + notReconciled(month, reconciled.get()));
        }
        return warnings;
    }

    /**
     * Every warning a report of {@code month} made on {@code today} gives about its month: those of {@link #warnings}
     * (the BOSS months read from {@code ledger}), and, when the report is not {@code empty}, the stretches of the
     * month the reconciled BOSS exports leave without rows ({@link BossCoverage}).
     */
    public static List<String> warnings(
            Ledger ledger, YearMonth month, LocalDate today, boolean empty, String nothing) {
        List<String> warnings = warnings(month, today, empty, nothing, () -> BossCoverage.monthsWithRows(ledger));
        if (!empty) {
            BossCoverage.of(ledger, month).warning(today).ifPresent(warnings::add);
        }
        return warnings;
    }

    private static String notReconciled(YearMonth month, Collection<YearMonth> reconciled) {
        if (reconciled.isEmpty()) {
            return " (no BOSS export has been reconciled yet: 'chanops reconcile run' confirms orders)";
        }
        if (reconciled.contains(month)) {
            return " (was the month reconciled?)";
        }
        List<String> months =
                reconciled.stream().sorted().map(YearMonth::toString).toList();
        return " (was the month reconciled? the reconciled BOSS exports have rows in "
                + (months.size() <= SHOWN_MONTHS
                        ? String.join(", ", months)
                        : months.size() + " months, " + months.get(0) + " to " + months.get(months.size() - 1))
                + ")";
    }

    /** Whether {@code month} begins after {@code today}'s month. */
    static boolean notBegun(YearMonth month, LocalDate today) {
        return month.isAfter(YearMonth.from(today));
    }
}
