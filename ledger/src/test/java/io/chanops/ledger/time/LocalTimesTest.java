package io.chanops.ledger.time;

import static org.assertj.core.api.Assertions.assertThat;

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
}
