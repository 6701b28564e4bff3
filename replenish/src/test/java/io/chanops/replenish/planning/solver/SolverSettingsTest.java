package io.chanops.replenish.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SolverSettingsTest {
    @Test
    void defaultUnimprovedLimitIsAThirdInWholeMillisecondsAndAtLeastTwoSeconds() {
        assertThat(SolverSettings.defaultUnimproved(Duration.ofSeconds(25), 10)).isEqualTo(Duration.ofMillis(8333));
        assertThat(SolverSettings.defaultUnimproved(Duration.ofSeconds(3), 10)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void defaultUnimprovedLimitGrowsWithTheDayUpToTheWholeLimitAtTwoHundredStops() {
        Duration limit = Duration.ofSeconds(120);
        assertThat(SolverSettings.defaultUnimproved(limit, 50)).isEqualTo(Duration.ofSeconds(40));
        assertThat(SolverSettings.defaultUnimproved(limit, 150)).isEqualTo(Duration.ofSeconds(90));
        assertThat(SolverSettings.defaultUnimproved(limit, 200)).isEqualTo(limit);
        assertThat(SolverSettings.defaultUnimproved(limit, 900)).isEqualTo(limit);
    }

    @Test
    void aGivenUnimprovedLimitIsKeptWhateverTheDaysSize() {
        SolverSettings s =
                new SolverSettings(Duration.ofSeconds(120), Duration.ofSeconds(5), 0, null, SolverTuning.DEFAULT);
        assertThat(s.unimprovedFor(500)).isEqualTo(Duration.ofSeconds(5));
        assertThat(SolverSettings.of(Duration.ofSeconds(120), 0).unimprovedFor(150))
                .isEqualTo(Duration.ofSeconds(90));
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
