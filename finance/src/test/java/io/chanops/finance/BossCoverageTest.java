package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BossCoverageTest {
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 2);

    /** February's days {@code from}..{@code to}. */
    private static Set<LocalDate> feb(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(FEB::atDay).collect(Collectors.toSet());
    }

    @Test
    void aWholeMonthOrOneWithShortQuietSpellsIsCovered() {
        assertThat(new BossCoverage(FEB, feb(1, 28)).warning(MARCH)).isEmpty();
        Set<LocalDate> twoQuietDays = feb(1, 9);
        twoQuietDays.addAll(feb(12, 27));
        assertThat(new BossCoverage(FEB, twoQuietDays).gaps()).isEmpty();
    }

    @Test
    void anExportCutShortOrADayRangeLeftOutIsNamed() {
        Set<LocalDate> days = feb(1, 5);
        days.addAll(feb(10, 15));
        BossCoverage coverage = new BossCoverage(FEB, days);
        assertThat(coverage.gaps())
                .extracting(BossCoverage.Gap::toString)
                .containsExactly("2026-02-06..2026-02-09 (4 days)", "2026-02-16..2026-02-28 (13 days)");
        assertThat(coverage.warning(MARCH))
                .hasValue("the BOSS exports reconciled for 2026-02 have no rows for 2026-02-06..2026-02-09 (4 days),"
                        + " 2026-02-16..2026-02-28 (13 days): orders of those days are not confirmed, so the report"
                        + " leaves them out (was part of the month's export not reconciled?)");
    }

    @Test
    void aMonthNotOverIsLeftToTheOtherWarnings() {
        assertThat(new BossCoverage(FEB, feb(1, 10)).warning(LocalDate.of(2026, 2, 20)))
                .isEmpty();
    }

    /**
     * A month without a single BOSS row whose report still has orders (created on its last evening, accepted by BOSS
     * the next morning) is named: its own export was most likely never reconciled.
     */
    @Test
    void aMonthWithoutAnyRowsIsOneGapAndNamed() {
        BossCoverage none = new BossCoverage(FEB, Set.of());
        assertThat(none.gaps())
                .extracting(BossCoverage.Gap::toString)
                .containsExactly("2026-02-01..2026-02-28 (28 days)");
        assertThat(none.warning(MARCH))
                .hasValue("the BOSS exports reconciled have no rows in 2026-02: the report counts only its orders that"
                        + " BOSS accepted in another month (was 2026-02's export reconciled?)");
    }
}
