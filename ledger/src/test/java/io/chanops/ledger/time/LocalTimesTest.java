package io.chanops.ledger.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Strict dates and times (SPEC §3.1): a day that does not exist is an error, never moved to another day. */
class LocalTimesTest {
    @Test
    void aDayThatDoesNotExistIsNotADate() {
        assertThat(LocalTimes.parseDate("2026-02-28")).contains(LocalDate.of(2026, 2, 28));
        assertThat(LocalTimes.parseDate("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(LocalTimes.parseDate("2026-02-29")).isEmpty();
        assertThat(LocalTimes.parseDate("2026-02-30")).isEmpty();
        assertThat(LocalTimes.parseDate("2026-04-31")).isEmpty();
    }

    @Test
    void aDateTimeOnADayThatDoesNotExistIsNotADateTime() {
        assertThat(LocalTimes.parseDateTime("2026-03-02 09:30")).contains(LocalDateTime.of(2026, 3, 2, 9, 30));
        assertThat(LocalTimes.parseDateTime("2026-02-30 09:30")).isEmpty();
        assertThat(LocalTimes.parseDateTime("2026-04-31 09:30:00")).isEmpty();
        assertThat(LocalTimes.parseDateTimeOrDate("2026-02-30")).isEmpty();
    }

    @Test
    void midnightIsNotTwentyFourHundred() {
        assertThat(LocalTimes.parseHourMinute("9:00")).contains(LocalTime.of(9, 0));
        assertThat(LocalTimes.parseHourMinute("24:00")).isEmpty();
    }

    @Test
    void theBulkFormAndOptionsRefuse24And29February() {
        assertThat(LocalTimes.normaliseDateTime("2026-02-29 10:00")).isNull();
        assertThat(LocalTimes.parseDateTime("2026-03-01 24:00")).isEmpty();
        assertThat(LocalTimes.parseHourMinute("23:60")).isEmpty();
    }

    @Test
    void otherDigitsAreNotDigits() {
        assertThat(LocalTimes.parseDate("２０２６-０３-０１")).isEmpty();
        assertThat(LocalTimes.parseHourMinute("٠٩:٣٠")).isEmpty();
    }

    /**
     * The byte-level check the bulk readers share ({@link LocalTimes#isDateTime}, {@link LocalTimes#dateTimeDigits})
     * against java.time's own calendar, over every month and day number of leap, common and century years and the
     * edges of each time field.
     */
    @Test
    void theBulkCalendarCheckAgreesWithJavaTime() {
        int[] years = {0, 1899, 1900, 2000, 2023, 2024, 2026, 2100, 9999};
        int[] times = {-1, 0, 1, 23, 24, 59, 60, 99};
        int checked = 0;
        for (int year : years) {
            for (int month = -1; month <= 13; month++) {
                for (int day = -1; day <= 32; day++) {
                    for (int t : times) {
                        boolean real = real(year, month, day, t, t, t);
                        assertThat(LocalTimes.isDateTime(year, month, day, t, t, t))
                                .as("%d-%d-%d %d:%d:%d", year, month, day, t, t, t)
                                .isEqualTo(real);
                        if (month >= 0 && day >= 0 && t >= 0) {
                            String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", year, month, day, t, t, t);
                            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
                            boolean accepted = real && year >= 1900;
                            assertThat(LocalTimes.dateTimeDigits(b, 0, b.length) >= 0)
                                    .as(text)
                                    .isEqualTo(accepted);
                            assertThat(LocalTimes.normaliseDateTime(text))
                                    .as(text)
                                    .isEqualTo(accepted ? text : null);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void theBulkFormReadsMinutesAndTheLetterT() {
        byte[] b = "x2026-03-02T09:30y".getBytes(StandardCharsets.US_ASCII);
        assertThat(LocalTimes.dateTimeDigits(b, 1, 17)).isEqualTo(20260302093000L);
        assertThat(LocalTimes.normaliseDateTime(" 2026-03-02T09:30 ")).isEqualTo("2026-03-02 09:30:00");
        assertThat(LocalTimes.normaliseDateTime("2026-03-02 09:30:5")).isNull();
        assertThat(LocalTimes.normaliseDateTime("2026/03/02 09:30")).isNull();
        assertThat(LocalTimes.normaliseDateTime("２０２６-03-02 09:30")).isNull();
    }

    private static boolean real(int year, int month, int day, int hour, int minute, int second) {
        try {
            LocalDateTime.of(year, month, day, hour, minute, second);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
