package io.chanops.cli.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.planning.PlanResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plan's live line reads in words, with the time limit. */
class PlanLiveLineTest {
    @Test
    void liveLineSaysWhatTheScoreMeansAndHowMuchTimeIsLeft() {
        PlanResult.Improvement i = new PlanResult.Improvement(19_700, "0hard/-1200medium/-941soft", true, 0, 120, 941);
        assertThat(ReplenishPlanCommand.words(i, Duration.ofSeconds(30)))
                .isEqualTo("planning: 0 broken rules, 120 units unserved, 941 min driving — 19.7 s of 30 s");
        PlanResult.Improvement one = new PlanResult.Improvement(500, "-3hard/0medium/-10soft", false, 1, 0, 10);
        assertThat(ReplenishPlanCommand.words(one, Duration.ofMillis(2500)))
                .isEqualTo("planning: 1 broken rule, 0 units unserved, 10 min driving — 0.5 s of 2.5 s");
    }
}
