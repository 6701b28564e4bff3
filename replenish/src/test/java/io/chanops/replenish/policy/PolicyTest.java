package io.chanops.replenish.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyTest {
    @Test
    void validLevelsIncludingTheEdges() {
        assertThat(Policy.problems(1, 0, 1, 0)).isEmpty();
        assertThat(Policy.problems(7, 5, 5, 5)).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertThat(Policy.problems(0, 5, 4, 6))
                .containsExactly(
                        "t must be at least 1 day (got 0)", "L (6) must be <= R (5)", "R (5) must be <= S (4)");
        assertThat(Policy.problems(7, 0, 0, 0)).containsExactly("S must be > 0 (got 0)");
        assertThat(Policy.problems(7, 2, 3, -1)).containsExactly("L must be >= 0 (got -1)");
        assertThatThrownBy(() -> new Policy(7, 3, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
