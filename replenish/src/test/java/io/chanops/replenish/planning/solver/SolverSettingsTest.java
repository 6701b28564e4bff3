package io.chanops.replenish.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SolverSettingsTest {
    @Test
    void defaultUnimprovedLimitIsAThirdInWholeMillisecondsAndAtLeastTwoSeconds() {
        assertThat(SolverSettings.defaultUnimproved(Duration.ofSeconds(25))).isEqualTo(Duration.ofMillis(8333));
        assertThat(SolverSettings.defaultUnimproved(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void limitsAreTruncatedToMillisecondsSoOptaPlannerAcceptsThem() {
        SolverSettings s = new SolverSettings(
                Duration.ofNanos(1_500_000_001L), Duration.ofNanos(2_000_000_007L), 0, null, SolverTuning.DEFAULT);
        assertThat(s.timeLimit()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.unimproved()).isEqualTo(Duration.ofMillis(2000));
        // and the solver config built from them is valid
        assertThat(EmergencyPlanner.config(s).getTerminationConfig().getUnimprovedSpentLimit())
                .isEqualTo(Duration.ofMillis(2000));
    }
}
