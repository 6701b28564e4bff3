package io.chanops.replenish.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReviewCycleTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 5);

    @Test
    void cycleIsFloorOfDaysSinceAnchorOverT() {
        ReviewCycle weekly = new ReviewCycle(ANCHOR, 7);
        assertThat(weekly.cycleOf(LocalDate.of(2026, 1, 5))).isZero();
        assertThat(weekly.cycleOf(LocalDate.of(2026, 1, 11))).isZero();
        assertThat(weekly.cycleOf(LocalDate.of(2026, 1, 12))).isEqualTo(1);
        assertThat(weekly.cycleOf(LocalDate.of(2026, 3, 2))).isEqualTo(8);
        assertThat(weekly.startOf(LocalDate.of(2026, 3, 4))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(weekly.nextStart(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void daysBeforeTheAnchorFallInNegativeCycles() {
        ReviewCycle weekly = new ReviewCycle(ANCHOR, 7);
        assertThat(weekly.cycleOf(LocalDate.of(2026, 1, 4))).isEqualTo(-1);
        assertThat(weekly.startOf(LocalDate.of(2026, 1, 4))).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Property
    void everyDayLiesInItsCycle(
            @ForAll @IntRange(min = 1, max = 60) int t, @ForAll @IntRange(min = -1000, max = 1000) int offset) {
        ReviewCycle c = new ReviewCycle(ANCHOR, t);
        LocalDate day = ANCHOR.plusDays(offset);
        assertThat(c.startOf(day)).isBeforeOrEqualTo(day);
        assertThat(c.nextStart(day)).isAfter(day);
        assertThat(c.cycleOf(c.startOf(day))).isEqualTo(c.cycleOf(day));
        assertThat(c.cycleOf(c.nextStart(day))).isEqualTo(c.cycleOf(day) + 1);
    }
}
