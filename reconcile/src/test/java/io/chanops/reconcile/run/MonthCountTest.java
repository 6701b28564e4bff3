package io.chanops.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.reconcile.boss.BossDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The month most times of a file fall in, as the warning about a pair of files of different months counts it. */
class MonthCountTest {
    private static FilePairChecks.MonthCount mostOf(String... times) {
        long[] seconds = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            seconds[i] = BossDateTime.STORED.parse(times[i]);
        }
        return FilePairChecks.MonthCount.mostOf(seconds.length, i -> seconds[i]);
    }

    @Test
    void theMonthOfMostTimesWinsWhateverTheirOrder() {
        assertThat(mostOf(
                        "2026-02-01 00:10:00",
                        "2026-01-31 23:59:59",
                        "2026-01-05 10:00:00",
                        "2026-02-01 09:00:00",
                        "2026-01-20 08:00:00"))
                .isEqualTo(new FilePairChecks.MonthCount(YearMonth.of(2026, 1), 3));
    }

    @Test
    void aTieGoesToTheLaterMonth() {
        assertThat(mostOf("2026-03-01 08:00:00", "2026-02-28 08:00:00"))
                .isEqualTo(new FilePairChecks.MonthCount(YearMonth.of(2026, 3), 1));
    }

    @Test
    void timesOverMoreThanACenturyAreCountedTheSameWay() {
        assertThat(mostOf("1900-01-01 00:00:00", "2026-01-02 00:00:00", "2026-01-03 00:00:00", "9999-12-31 23:59:59"))
                .isEqualTo(new FilePairChecks.MonthCount(YearMonth.of(2026, 1), 2));
    }
}
