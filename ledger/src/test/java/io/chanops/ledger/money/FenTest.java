package io.chanops.ledger.money;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FenTest {
    @Test
    void parsesYuanWithUpToTwoDecimals() {
        assertThat(Fen.parseYuan("123.45")).contains(12345L);
        assertThat(Fen.parseYuan("123.4")).contains(12340L);
        assertThat(Fen.parseYuan("123")).contains(12300L);
        assertThat(Fen.parseYuan(" -0.05 ")).contains(-5L);
        assertThat(Fen.parseYuan("0")).contains(0L);
    }

    @Test
    void rejectsMoreThanTwoDecimalsInsteadOfRounding() {
        assertThat(Fen.parseYuan("1.005")).isEmpty();
        assertThat(Fen.whyNotYuan("1.005")).contains("more than two decimals");
    }

    @Test
    void rejectsNonNumbers() {
        assertThat(Fen.parseYuan("")).isEmpty();
        assertThat(Fen.parseYuan("12,50")).isEmpty();
        assertThat(Fen.parseYuan("1e3")).isEmpty();
        assertThat(Fen.parseYuan("¥12")).isEmpty();
    }

    @Test
    void formatsWithExactlyTwoDecimals() {
        assertThat(Fen.format(12345)).isEqualTo("123.45");
        assertThat(Fen.format(-5)).isEqualTo("-0.05");
        assertThat(Fen.format(100)).isEqualTo("1.00");
    }

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long fen) {
        assertThat(Fen.parseYuan(Fen.format(fen))).contains(fen);
    }
}
