package io.chanops.ledger.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void unitsAsUsersTypeThem() {
        assertThat(Durations.parse("500ms", ChronoUnit.SECONDS)).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s", ChronoUnit.MINUTES)).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("2m", ChronoUnit.SECONDS)).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("2min", ChronoUnit.SECONDS)).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("1.5h", ChronoUnit.SECONDS)).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 1D ", ChronoUnit.SECONDS)).contains(Duration.ofDays(1));
    }

    @Test
    void aBareNumberIsInTheOptionsOwnUnit() {
        assertThat(Durations.parse("30", ChronoUnit.MINUTES)).contains(Duration.ofMinutes(30));
        assertThat(Durations.parse("30", ChronoUnit.SECONDS)).contains(Duration.ofSeconds(30));
    }

    @Test
    void anythingElseIsNotADuration() {
        assertThat(Durations.parse("soon", ChronoUnit.MINUTES)).isEmpty();
        assertThat(Durations.parse("-5m", ChronoUnit.MINUTES)).isEmpty();
        assertThat(Durations.parse("5 weeks", ChronoUnit.MINUTES)).isEmpty();
    }
}
