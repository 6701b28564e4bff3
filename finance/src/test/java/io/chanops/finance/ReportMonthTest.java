package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ReportMonthTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void aMonthOverSaysNothing() {
        assertThat(ReportMonth.notOver(YearMonth.of(2026, 2), TODAY)).isEmpty();
        assertThat(ReportMonth.notOver(YearMonth.of(2025, 12), TODAY)).isEmpty();
        assertThat(ReportMonth.notBegun(YearMonth.of(2026, 2), TODAY)).isFalse();
    }

    @Test
    void theCurrentMonthIsNotOverAndNamesTheLastFullOne() {
        assertThat(ReportMonth.notOver(YearMonth.of(2026, 3), TODAY))
                .hasValue("2026-03 is not over (today is 2026-03-01): the report covers what was reconciled so far and"
                        + " will change; the last full month is 2026-02");
        assertThat(ReportMonth.notBegun(YearMonth.of(2026, 3), TODAY)).isFalse();
    }

    @Test
    void aLaterMonthHasNotBegun() {
        assertThat(ReportMonth.notOver(YearMonth.of(2027, 2), TODAY))
                .hasValue("2027-02 has not begun (today is 2026-03-01): nothing can be confirmed in it yet; the last"
                        + " full month is 2026-02");
        assertThat(ReportMonth.notBegun(YearMonth.of(2027, 2), TODAY)).isTrue();
    }

    @Test
    void anEmptyReportAsksWhetherTheMonthWasReconciledOnlyWhenTheMonthHasBegun() {
        assertThat(ReportMonth.warnings(YearMonth.of(2026, 2), TODAY, true, "nothing in 2026-02"))
                .containsExactly("nothing in 2026-02 (was the month reconciled?)");
        assertThat(ReportMonth.warnings(YearMonth.of(2026, 2), TODAY, false, "nothing"))
                .isEmpty();
        assertThat(ReportMonth.warnings(YearMonth.of(2026, 4), TODAY, true, "nothing"))
                .singleElement()
                .asString()
                .startsWith("2026-04 has not begun");
    }
}
