package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnlistLimitTest {
    @Test
    void aNumberIsThatManyProductsWhateverIsListed() {
        UnlistLimit limit = UnlistLimit.parse(" 25 ").orElseThrow();
        assertThat(limit.of(10)).isEqualTo(25);
        assertThat(limit.of(1_000)).isEqualTo(25);
        assertThat(limit).hasToString("25");
    }

    @Test
    void aPercentageIsOfTheListedProductsRoundedDown() {
        UnlistLimit limit = UnlistLimit.parse("5%").orElseThrow();
        assertThat(limit.of(19)).isZero();
        assertThat(limit.of(20)).isEqualTo(1);
        assertThat(limit.of(39)).isEqualTo(1);
        assertThat(limit.of(1_000_000)).isEqualTo(50_000);
        assertThat(limit).hasToString("5%");
        assertThat(UnlistLimit.parse("100%").orElseThrow().of(7)).isEqualTo(7);
        assertThat(UnlistLimit.parse("0%").orElseThrow().of(7)).isZero();
    }

    @Test
    void anythingElseIsNotALimit() {
        for (String wrong : new String[] {"", "-1", "101%", "5 %", "%", "1.5", "5%%", "1e3", "half", "9999999999"}) {
            assertThat(UnlistLimit.parse(wrong)).as(wrong).isEqualTo(Optional.empty());
        }
    }
}
