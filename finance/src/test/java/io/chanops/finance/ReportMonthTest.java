package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
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
        List<YearMonth> janFeb = List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(ReportMonth.warnings(YearMonth.of(2026, 2), TODAY, true, "nothing in 2026-02", () -> janFeb))
                .containsExactly("nothing in 2026-02 (was the month reconciled?)");
        assertThat(ReportMonth.warnings(YearMonth.of(2026, 2), TODAY, false, "nothing", () -> {
                    throw new AssertionError("the months are asked only for an empty report");
                }))
                .isEmpty();
        assertThat(ReportMonth.warnings(YearMonth.of(2026, 4), TODAY, true, "nothing", () -> janFeb))
                .singleElement()
                .asString()
                .startsWith("2026-04 has not begun");
    }

    /** A month typed wrong (2025 for 2026) shows against the months reconciled; a ledger never reconciled says so. */
    @Test
    void anEmptyReportOfAMonthNotReconciledNamesTheMonthsThatWere() {
        YearMonth typo = YearMonth.of(2025, 2);
        assertThat(ReportMonth.warnings(
                        typo, TODAY, true, "nothing", () -> List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 1))))
                .containsExactly("nothing (was the month reconciled? the reconciled BOSS exports have rows in 2026-01,"
                        + " 2026-02)");
        List<YearMonth> twoYears = IntStream.range(0, 24)
                .mapToObj(i -> YearMonth.of(2024, 3).plusMonths(i))
                .toList();
        assertThat(ReportMonth.warnings(YearMonth.of(2016, 2), TODAY, true, "nothing", () -> twoYears))
                .containsExactly(
                        "nothing (was the month reconciled? the reconciled BOSS exports have rows in 24 months,"
                                + " 2024-03 to 2026-02)");
        assertThat(ReportMonth.warnings(typo, TODAY, true, "nothing", List::of))
                .containsExactly("nothing (no BOSS export has been reconciled yet: 'chanops reconcile run' confirms"
                        + " orders)");
    }
}
