package io.chanops.ledger.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a refused date or date-time most likely meant; never a hint towards a day that does not exist. */
class TimeHintsTest {
    private static final String SPREADSHEET =
            "(a spreadsheet may have rewritten the column: give it the format yyyy-mm-dd hh:mm before saving)";

    @Test
    void aDateTimeAsASpreadsheetSavesItIsNamedInTheStrictForm() {
        assertThat(TimeHints.dateTimeCell("2026/3/1 8:00"))
                .isEqualTo(": did you mean '2026-03-01 08:00'? " + SPREADSHEET);
        assertThat(TimeHints.dateTimeCell("2026-03-01 8:00"))
                .isEqualTo(": did you mean '2026-03-01 08:00'? " + SPREADSHEET);
        assertThat(TimeHints.dateTimeCell("2026.3.1 8:05:09"))
                .isEqualTo(": did you mean '2026-03-01 08:05:09'? " + SPREADSHEET);
        assertThat(TimeHints.dateTimeCell("2026年3月1日 8:00")).startsWith(": did you mean '2026-03-01 08:00'?");
    }

    @Test
    void theDayAndMonthFirstOrNoTimeOfDaySaySo() {
        assertThat(TimeHints.dateTimeCell("01/03/2026 08:00")).isEqualTo(": the year comes first " + SPREADSHEET);
        assertThat(TimeHints.dateTimeCell("3/1/2026")).isEqualTo(": the year comes first " + SPREADSHEET);
        assertThat(TimeHints.dateTimeCell("2026-03-01")).isEqualTo(": the time of day is missing ('2026-03-01 HH:MM')");
        assertThat(TimeHints.dateTimeCell("2026/3/1")).isEqualTo(": the time of day is missing ('2026-03-01 HH:MM')");
    }

    @Test
    void noHintForADayOrTimeThatDoesNotExistOrForText() {
        assertThat(TimeHints.dateTimeCell("2026/2/28 24:00")).isEmpty();
        assertThat(TimeHints.dateTimeCell("yesterday")).isEmpty();
        assertThat(TimeHints.dateTimeCell("")).isEmpty();
        assertThat(TimeHints.dateTimeCell(null)).isEmpty();
        assertThat(TimeHints.dateTimeCell("２０２６-03-01 08:00")).isEmpty();
    }

    @Test
    void aDayPastTheMonthsEndOrAMonthThatDoesNotExistIsNamed() {
        assertThat(TimeHints.date("2026-02-29")).isEqualTo(": February 2026 has 28 days");
        assertThat(TimeHints.date("2028-02-30")).isEqualTo(": February 2028 has 29 days");
        assertThat(TimeHints.date("2026/4/31")).isEqualTo(": April 2026 has 30 days");
        assertThat(TimeHints.date("2026-00-10")).isEqualTo(": there is no month 0");
        assertThat(TimeHints.date("2026-13-01")).isEqualTo(": there is no month 13");
        assertThat(TimeHints.date("2026-03-00")).isEqualTo(": March 2026 has 31 days");
        assertThat(TimeHints.dateTimeCell("2026/2/30 08:00")).isEqualTo(": February 2026 has 28 days");
        assertThat(TimeHints.dateTime("2026-02-29 10:00")).isEqualTo(": February 2026 has 28 days");
    }

    @Test
    void aTypedDateTimeGetsTheHintWithoutTheSpreadsheet() {
        assertThat(TimeHints.dateTime("2026/3/1 8:00")).isEqualTo(": did you mean '2026-03-01 08:00'?");
        assertThat(TimeHints.dateTime("01/03/2026 08:00"))
                .isEqualTo(": the year comes first (like '2026-03-02 09:30')");
        assertThat(TimeHints.dateTime("2026-03-01")).isEqualTo(": the time of day is missing ('2026-03-01 HH:MM')");
    }

    /** A database's or an API's export: fractions of a second, an offset from UTC. */
    @Test
    void anExportedIsoDateTimeSaysWhatToLeaveOut() {
        assertThat(TimeHints.dateTimeCell("2026-03-02 09:30:00.000"))
                .isEqualTo(": no fractions of a second: did you mean '2026-03-02 09:30:00'?");
        assertThat(TimeHints.dateTimeCell("2026-03-02T09:30:00.5"))
                .isEqualTo(": no fractions of a second: did you mean '2026-03-02 09:30:00'?");
        assertThat(TimeHints.dateTimeCell("2026-03-02T01:30:00Z"))
                .isEqualTo(": a time with an offset from UTC (Z): write the local time in the ledger's time zone,"
                        + " without the offset");
        assertThat(TimeHints.dateTimeCell("2026-03-02T09:30:00.000+08:00")).contains("(+08:00)");
    }

    @Test
    void monthsGetTheSameHelp() {
        assertThat(TimeHints.month("2026-2")).isEqualTo(": did you mean '2026-02'?");
        assertThat(TimeHints.month("202602")).isEqualTo(": did you mean '2026-02'?");
        assertThat(TimeHints.month("2026年2月")).isEqualTo(": did you mean '2026-02'?");
        assertThat(TimeHints.month("2026-13")).isEqualTo(": there is no month 13");
        assertThat(TimeHints.month("February")).isEmpty();
    }

    @Test
    void datesGetTheSameHelp() {
        assertThat(TimeHints.date("2026/3/2")).isEqualTo(": did you mean '2026-03-02'?");
        assertThat(TimeHints.date("2026-3-2")).isEqualTo(": did you mean '2026-03-02'?");
        assertThat(TimeHints.date("02/03/2026")).isEqualTo(": the year comes first (like 2026-03-02)");
        assertThat(TimeHints.date("2026-02-29")).isEqualTo(": February 2026 has 28 days");
        assertThat(TimeHints.date("2026-03-02 09:30")).isEmpty();
    }
}
