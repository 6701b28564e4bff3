package io.chanops.ledger.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JumpsTest {
    @Test
    void aFactorOrMoreEitherWayIsARatioAndLessIsNone() {
        assertThat(Jumps.ratio(200, 2000, 5)).hasValue("10 times");
        assertThat(Jumps.ratio(1000, 5000, 5)).hasValue("5 times");
        assertThat(Jumps.ratio(1000, 4999, 5)).isEmpty();
        assertThat(Jumps.ratio(1000, 200, 5)).hasValue("1/5 of");
        assertThat(Jumps.ratio(1000, 201, 5)).isEmpty();
    }

    @Test
    void zeroOnEitherSideIsDeliberate() {
        assertThat(Jumps.ratio(0, 100, 5)).isEmpty();
        assertThat(Jumps.ratio(100, 0, 5)).isEmpty();
    }
}
