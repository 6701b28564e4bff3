package io.chanops.finance;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.text.Named;
import io.chanops.reconcile.run.BossActivityRepository;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The days of a month that the reconciled BOSS exports cover. Commission and channel cost count only what BOSS
 * confirmed: a month reconciled against an export cut short (the first half only, a day range left out) pays less
 * without a word. A stretch of {@value #GAP_DAYS} or more days without a single BOSS row, across every site and
 * channel, is that far more often than a quiet spell.
 */
public record BossCoverage(YearMonth month, Set<LocalDate> days) {
    /** The fewest consecutive days without BOSS rows that are taken for a part of the month not reconciled. */
    public static final int GAP_DAYS = 3;

    /** How many stretches a warning names before it says how many more there are. */
    private static final int SHOWN = 3;

    public BossCoverage {
        days = Collections.unmodifiableSortedSet(new TreeSet<>(days));
    }

    /** The coverage of {@code month} as the ledger records it (every reconcile run's BOSS rows per day). */
    public static BossCoverage of(Ledger ledger, YearMonth month) {
        return new BossCoverage(month, ledger.read(h -> new BossActivityRepository(h).daysWithRows(month)));
    }

    /** The months in which the ledger's reconciled BOSS exports have rows, in order. */
    public static SortedSet<YearMonth> monthsWithRows(Ledger ledger) {
        return ledger.read(h -> new BossActivityRepository(h).monthsWithRows());
    }

    /** A stretch of days without BOSS rows, both ends included. */
    public record Gap(LocalDate first, LocalDate last) {
        public long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }

        @Override
        public String toString() {
            return (first.equals(last) ? first.toString() : first + ".." + last) + " (" + Named.count(days(), "day")
                    + ")";
        }
    }

    /**
     * The stretches of {@link #GAP_DAYS} or more days of the month without BOSS rows: the whole month when it has none
     * (its confirmed orders were all accepted by BOSS in another month, or the month's export was never reconciled).
     */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        LocalDate day = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        while (!day.isAfter(end)) {
            if (days.contains(day)) {
                day = day.plusDays(1);
                continue;
            }
            LocalDate first = day;
            while (!day.isAfter(end) && !days.contains(day)) {
                day = day.plusDays(1);
            }
            Gap gap = new Gap(first, day.minusDays(1));
            if (gap.days() >= GAP_DAYS) {
                gaps.add(gap);
            }
        }
        return gaps;
    }

    /**
     * The warning of a report of a month that is over ({@code today} after it) when the reconciled exports leave
     * stretches of it without BOSS rows, or all of it; a month not over is warned of elsewhere.
     */
    public Optional<String> warning(LocalDate today) {
        if (!YearMonth.from(today).isAfter(month)) {
            return Optional.empty();
        }
        if (days.isEmpty()) {
            return Optional.of("the BOSS exports reconciled have no rows in " + month + ": the report counts only its"
                    + " orders that BOSS accepted in another month (was " + month + "'s export reconciled?)");
        }
        List<Gap> gaps = gaps();
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        gaps.stream().limit(SHOWN).forEach(g -> named.add(g.toString()));
        if (gaps.size() > SHOWN) {
            named.add("and " + (gaps.size() - SHOWN) + " more");
        }
        return Optional.of("the BOSS exports reconciled for " + month + " have no rows for " + String.join(", ", named)
                + ": orders of those days are not confirmed, so the report leaves them out (was part of the month's"
                + " export not reconciled?)");
    }
}
