package io.chanops.replenish.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.ReviewCycle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed days of the day model (SPEC §11). Each test states the expected trace as a comment table, then
 * asserts the same table as the model's trace, one line a day:
 * {@code day arrived regular demand served lost emergency on_hand on_order} (on hand and on order at the end of the
 * day; regular = the units of the regular order raised at that day's review, emergency = what the emergency step did).
 */
class DayModelTest {
    private static final LocalDate ANCHOR = ReviewCycle.DEFAULT_ANCHOR; // Monday 2026-01-05

    /** The trace of a run as table lines, and its metrics. */
    private record Run(String trace, Metrics metrics) {}

    private static Run run(long onHand, long[] demand, Policy policy, int lead, ReviewDays reviews) {
        List<DayModel.Day> days = new ArrayList<>();
        Metrics m = DayModel.run(new Replay(onHand, demand, policy, lead, reviews), days::add);
        String trace = days.stream()
                .map(d -> String.format(
                                Locale.ROOT,
                                "%-2d %3d %3d %3d %3d %3d %-13s %3d %3d",
                                d.day(),
                                d.arrived(),
                                d.regularOrdered(),
                                d.demand(),
                                d.served(),
                                d.lost(),
                                switch (d.emergency()) {
                                    case NONE -> "-";
                                    case RAISED -> "raised " + d.emergencyUnits();
                                    case ESCALATED -> "escalated +" + d.emergencyUnits();
                                },
                                d.onHand(),
                                d.onOrder())
                        .stripTrailing())
                .collect(Collectors.joining("\n"));
        return new Run(trace, m);
    }

    private static Metrics metrics(
            long demand,
            long served,
            long lost,
            long stockoutDays,
            long regular,
            long emergency,
            long unitsOrdered,
            long onHandSum,
            int days) {
        return new Metrics(1, days, demand, served, lost, stockoutDays, regular, emergency, unitsOrdered, onHandSum);
    }

    /*
     * t=7 R=6 S=12 L=2, lead 3 days, on hand 8 at the start, reviews on days 2 and 9.
     *
     * day | arrives | review (IP = on hand + on order)     | demand served lost | emergency (on hand < L?)
     *  | on hand | on order 0  |         |                                      |   2      2     0   | 6 < 2 no
     *  |    6    |   0 1  |         |                                      |   1      1     0   |
     *  |    5    |   0 2  |         | IP 5 < R 6: regular 12-5 = 7, day 5  |   2      2     0   | 3 < 2 no
     *  |    3    |   7 3  |         |                                      |   2      2     0   | 1 < 2: IP 1+7 = 8,
     *     escalate the regular      |    1    |  11 |         |                                      |
     *     | order: +max(0, 12-8) = +4 -> 11, on day 4    |         |
     *  4  |   11    |                                      |   3      3     0   |
     *  |    9    |   0 5  |         | (the escalated order came yesterday) |   4      4     0   |
     *  |    5    |   0 6  |         |                                      |   7      5     2   | 0 < 2: IP 0, no
     *  regular order: raise 12-0    |    0    |  12 7  |   12    |                                      |   2      2
     *  0   |                                              |   10    |   0 8  |         |
     *  |   4      4     0   |                                              |    6    |   0 9  |         | IP 6 < R 6?
     *  no (strict): no order    |   1      1     0   |                                              |    5    |   0
     * 10  |         |                                      |   1      1     0   |
     * |    4    |   0 11  |         |                                      |   1      1     0   |
     * |    3    |   0 12  |         |                                      |   0      0     0   |
     * |    3    |   0 13  |         |                                      |   1      1     0   | 2 < 2? no (strict)
     * |    2    |   0
     *
     * demand 31, served 29, lost 2; one stock-out day (6); the regular order became an emergency, so 0 regular and 2
     * emergency orders; 11 + 12 = 23 units ordered; on hand sum 62 over 14 days = 4.43. Check: 8 + 23 - 29 = 2.
     */
    @Test
    void aFortnightWithAReviewAStockOutAnEmergencyAndAnEscalation() {
        Run r = run(
                8,
                new long[] {2, 1, 2, 2, 3, 4, 7, 2, 4, 1, 1, 1, 0, 1},
                new Policy(7, 6, 12, 2),
                3,
                new ReviewDays(2, 7));
        assertThat(r.trace()).isEqualTo("""
                0    0   0   2   2   0 -               6   0
                1    0   0   1   1   0 -               5   0
                2    0   7   2   2   0 -               3   7
                3    0   0   2   2   0 escalated +4    1  11
                4   11   0   3   3   0 -               9   0
                5    0   0   4   4   0 -               5   0
                6    0   0   7   5   2 raised 12       0  12
                7   12   0   2   2   0 -              10   0
                8    0   0   4   4   0 -               6   0
                9    0   0   1   1   0 -               5   0
                10   0   0   1   1   0 -               4   0
                11   0   0   1   1   0 -               3   0
                12   0   0   0   0   0 -               3   0
                13   0   0   1   1   0 -               2   0""");
        assertThat(r.metrics()).isEqualTo(metrics(31, 29, 2, 1, 0, 2, 23, 62, 14));
        assertThat(r.metrics().fillRate()).isEqualByComparingTo("0.9355");
        assertThat(r.metrics().avgOnHand()).isEqualByComparingTo("4.43");
    }

    /*
     * t=7 R=5 S=10 L=1, lead 2, on hand 3; the window starts on Monday 2026-03-02, a review day (8 weeks after the
     * anchor Monday 2026-01-05), so day 0 is reviewed, and day 7 again.
     *
     * day | arrives | review                           | demand served lost | emergency     | on hand | on order
     *  0  |         | IP 3 < 5: regular 10-3 = 7, day 2 |   1      1     0   | 2 < 1 no      |    2    |   7
     *  1  |         |                                  |   1      1     0   | 1 < 1 no      |    1    |   7
     *  2  |    7    |                                  |   1      1     0   |               |    7    |   0
     *  3  |         |                                  |   2      2     0   |               |    5    |   0
     *  4  |         |                                  |   1      1     0   |               |    4    |   0
     *  5  |         |                                  |   1      1     0   |               |    3    |   0
     *  6  |         |                                  |   1      1     0   |               |    2    |   0
     *  7  |         | IP 2 < 5: regular 10-2 = 8, day 9 |   1      1     0   |               |    1    |   8
     *
     * 2 regular orders, 15 units (the second arrives after the window); on hand sum 25 / 8 days = 3.125 -> 3.13.
     */
    @Test
    void aReviewDayOnTheFirstDayIsReviewed() {
        LocalDate from = LocalDate.of(2026, 3, 2);
        ReviewDays reviews = ReviewDays.of(new ReviewCycle(ANCHOR, 7), from);
        assertThat(reviews).isEqualTo(new ReviewDays(0, 7));
        assertThat(ReviewDays.of(new ReviewCycle(ANCHOR, 7), from.plusDays(1))).isEqualTo(new ReviewDays(6, 7));
        Run r = run(3, new long[] {1, 1, 1, 2, 1, 1, 1, 1}, new Policy(7, 5, 10, 1), 2, reviews);
        assertThat(r.trace()).isEqualTo("""
                0    0   7   1   1   0 -               2   7
                1    0   0   1   1   0 -               1   7
                2    7   0   1   1   0 -               7   0
                3    0   0   2   2   0 -               5   0
                4    0   0   1   1   0 -               4   0
                5    0   0   1   1   0 -               3   0
                6    0   0   1   1   0 -               2   0
                7    0   8   1   1   0 -               1   8""");
        assertThat(r.metrics()).isEqualTo(metrics(9, 9, 0, 0, 2, 0, 15, 25, 8));
        assertThat(r.metrics().avgOnHand()).isEqualByComparingTo("3.13");
    }

    /*
     * t=3 R=4 S=8 L=0, on hand 4, 2 units demanded every day, reviews on days 0, 3, 6. L = 0 never fires while on hand
     * stays >= 0 (0 < 0 is false).
     *
     * Lead 0: an order arrives at the review, before the day's sales.
     * day | arrives | review                           | demand served lost | on hand | on order
     *  0  |         | IP 4 < 4? no                     |   2      2     0   |    2    |   0
     *  1  |         |                                  |   2      2     0   |    0    |   0
     *  2  |         |                                  |   2      0     2   |    0    |   0
     *  3  |         | IP 0 < 4: 8, on the shelf at once |   2      2     0   |    6    |   0
     *  4  |         |                                  |   2      2     0   |    4    |   0
     *  5  |         |                                  |   2      2     0   |    2    |   0
     *  6  |         | IP 2 < 4: 6, on the shelf at once |   2      2     0   |    6    |   0
     *  7  |         |                                  |   2      2     0   |    4    |   0
     * served 14, lost 2, stock-out days 1 and 2, 2 regular orders of 14 units, on hand sum 24.
     *
     * Lead 3: the order of day 3 arrives on day 6, and covers day 6's review.
     * day | arrives | review                           | demand served lost | on hand | on order
     *  0  |         | IP 4 < 4? no                     |   2      2     0   |    2    |   0
     *  1  |         |                                  |   2      2     0   |    0    |   0
     *  2  |         |                                  |   2      0     2   |    0    |   0
     *  3  |         | IP 0 < 4: 8, on day 6            |   2      0     2   |    0    |   8
     *  4  |         |                                  |   2      0     2   |    0    |   8
     *  5  |         |                                  |   2      0     2   |    0    |   8
     *  6  |    8    | IP 8 < 4? no                     |   2      2     0   |    6    |   0
     *  7  |         |                                  |   2      2     0   |    4    |   0
     * served 8, lost 8, stock-out days 1 to 5, 1 regular order of 8 units, on hand sum 12.
     */
    @Test
    void leadDaysZeroAndThree() {
        long[] demand = {2, 2, 2, 2, 2, 2, 2, 2};
        Policy policy = new Policy(3, 4, 8, 0);
        Run sameDay = run(4, demand, policy, 0, new ReviewDays(0, 3));
        assertThat(sameDay.trace()).isEqualTo("""
                0    0   0   2   2   0 -               2   0
                1    0   0   2   2   0 -               0   0
                2    0   0   2   0   2 -               0   0
                3    0   8   2   2   0 -               6   0
                4    0   0   2   2   0 -               4   0
                5    0   0   2   2   0 -               2   0
                6    0   6   2   2   0 -               6   0
                7    0   0   2   2   0 -               4   0""");
        assertThat(sameDay.metrics()).isEqualTo(metrics(16, 14, 2, 2, 2, 0, 14, 24, 8));

        Run threeDays = run(4, demand, policy, 3, new ReviewDays(0, 3));
        assertThat(threeDays.trace()).isEqualTo("""
                0    0   0   2   2   0 -               2   0
                1    0   0   2   2   0 -               0   0
                2    0   0   2   0   2 -               0   0
                3    0   8   2   0   2 -               0   8
                4    0   0   2   0   2 -               0   8
                5    0   0   2   0   2 -               0   8
                6    8   0   2   2   0 -               6   0
                7    0   0   2   2   0 -               4   0""");
        assertThat(threeDays.metrics()).isEqualTo(metrics(16, 8, 8, 5, 1, 0, 8, 12, 8));
    }

    /*
     * t=7 R=3 S=6 L=1, lead 2, on hand 2, no sales at all, review on day 0.
     *
     * day | arrives | review                       | demand served lost | on hand | on order
     *  0  |         | IP 2 < 3: regular 6-2 = 4     |   0      0     0   |    2    |   4
     *  1  |         |                              |   0      0     0   |    2    |   4
     *  2  |    4    |                              |   0      0     0   |    6    |   0
     *  3  |         |                              |   0      0     0   |    6    |   0
     *  4  |         |                              |   0      0     0   |    6    |   0
     *
     * Nothing demanded: fill rate 1.0000; on hand sum 22 / 5 = 4.40.
     */
    @Test
    void aPositionWithNoSales() {
        Run r = run(2, new long[5], new Policy(7, 3, 6, 1), 2, new ReviewDays(0, 7));
        assertThat(r.trace()).isEqualTo("""
                0    0   4   0   0   0 -               2   4
                1    0   0   0   0   0 -               2   4
                2    4   0   0   0   0 -               6   0
                3    0   0   0   0   0 -               6   0
                4    0   0   0   0   0 -               6   0""");
        assertThat(r.metrics()).isEqualTo(metrics(0, 0, 0, 0, 1, 0, 4, 22, 5));
        assertThat(r.metrics().fillRate()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(r.metrics().avgOnHand()).isEqualTo(new BigDecimal("4.40"));
    }

    /*
     * t=7 R=2 S=5 L=1, lead 1, on hand -3 at the start (the ledger recorded more out than in), review on day 0.
     *
     * day | arrives | review                         | demand served lost | emergency                                |
     *  on hand | on order 0  |         | IP -3 < 2: regular 5+3 = 8, d1 |   1      0     1   | -3 < 1: IP -3+8 = 5,
     *     escalate the regular |   -3    |   8 |         |                                |                    | order
     *     by max(0, 5-5) = +0, on day 1       |         |
     *  1  |    8    |                                |   1      1     0   |                                          |
     *  4    |   0 2  |         |                                |   1      1     0   |
     *  |    3    |   0 3  |         |                                |   1      1     0   |
     *  |    2    |   0
     *
     * Nothing is served from a negative shelf; the escalation adds nothing but still counts as an emergency.
     * On hand sum -3 + 4 + 3 + 2 = 6 / 4 = 1.50. Check: -3 + 8 - 3 = 2.
     */
    @Test
    void negativeStartingOnHand() {
        Run r = run(-3, new long[] {1, 1, 1, 1}, new Policy(7, 2, 5, 1), 1, new ReviewDays(0, 7));
        assertThat(r.trace()).isEqualTo("""
                0    0   8   1   0   1 escalated +0   -3   8
                1    8   0   1   1   0 -               4   0
                2    0   0   1   1   0 -               3   0
                3    0   0   1   1   0 -               2   0""");
        assertThat(r.metrics()).isEqualTo(metrics(4, 3, 1, 1, 0, 1, 8, 6, 4));
        assertThat(r.metrics().avgOnHand()).isEqualByComparingTo("1.50");
    }

    @Test
    void reviewDaysFollowTheReviewCycleBeforeTheAnchorToo() {
        ReviewCycle weekly = new ReviewCycle(ANCHOR, 7);
        LocalDate from = LocalDate.of(2025, 12, 31); // a Wednesday before the anchor: next review Monday 2026-01-05
        ReviewDays days = ReviewDays.of(weekly, from);
        assertThat(days).isEqualTo(new ReviewDays(5, 7));
        for (int d = 0; d < 30; d++) {
            assertThat(days.on(d)).as("day %d", d).isEqualTo(weekly.isReviewDay(from.plusDays(d)));
        }
    }
}
