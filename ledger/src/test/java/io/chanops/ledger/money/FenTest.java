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
    void aDressedAmountIsNamedBare() {
        assertThat(Fen.whyNotYuan("5,999.00"))
                .isEqualTo("'5,999.00' is not an amount in yuan (like 123.45): no currency signs or thousands "
                        + "separators (5999.00)");
        assertThat(Fen.whyNotYuan("¥5999")).endsWith(": no currency signs or thousands separators (5999)");
        assertThat(Fen.whyNotYuan("￥1,299.5")).endsWith(" (1299.5)");
        assertThat(Fen.whyNotYuan("5999元")).endsWith(" (5999)");
        assertThat(Fen.whyNotYuan("RMB 12")).endsWith(" (12)");
        assertThat(Fen.whyNotYuan("5999,00")).endsWith(": the decimal separator is a point (5999.00)");
        // separators in the wrong places, or letters: no guess
        assertThat(Fen.whyNotYuan("59,99.00")).isEqualTo("'59,99.00' is not an amount in yuan (like 123.45)");
        assertThat(Fen.whyNotYuan("abc")).isEqualTo("'abc' is not an amount in yuan (like 123.45)");
        // fen are whole: a decimal is not suggested for them
        assertThat(Fen.whyNotFen("1,000"))
                .isEqualTo(
                        "'1,000' is not a whole number of fen: no currency signs or " + "thousands separators (1000)");
        assertThat(Fen.whyNotFen("1,000.50")).isEqualTo("'1,000.50' is not a whole number of fen");
        assertThat(Fen.whyNotFen("10,50")).isEqualTo("'10,50' is not a whole number of fen");
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
    void formatThenParseIsIdentity(@ForAll @LongRange(min = -Fen.MAX_AMOUNT_FEN, max = Fen.MAX_AMOUNT_FEN) long fen) {
        assertThat(Fen.parseYuan(Fen.format(fen))).contains(fen);
    }

    @Property
    void amountsBeyondAHundredMillionYuanAreRefused(
            @ForAll @LongRange(min = Fen.MAX_AMOUNT_FEN + 1, max = Long.MAX_VALUE / 2) long fen) {
        assertThat(Fen.parseYuan(Fen.format(fen))).isEmpty();
        assertThat(Fen.parseYuan("-" + Fen.format(fen))).isEmpty();
        assertThat(Fen.whyNotFen(Long.toString(fen))).contains("is out of range");
    }

    @Test
    void theBoundIsAHundredMillionYuanAndSaysSo() {
        assertThat(Fen.parseYuan("100000000.00")).contains(Fen.MAX_AMOUNT_FEN);
        assertThat(Fen.parseYuan("-100000000")).contains(-Fen.MAX_AMOUNT_FEN);
        assertThat(Fen.parseYuan("100000000.01")).isEmpty();
        assertThat(Fen.whyNotYuan("92233720368547758.07"))
                .contains("out of range")
                .contains("100000000.00 yuan");
        assertThat(Fen.parseYuan("５")).isEmpty();
        assertThat(Fen.parseYuan("٥.00")).isEmpty();
    }
}
