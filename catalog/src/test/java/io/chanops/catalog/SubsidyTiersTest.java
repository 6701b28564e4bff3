package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.catalog.SubsidyTiers.Placement;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SubsidyTiersTest {
    private final SubsidyTiers tiers = SubsidyTiers.defaults();

    private BigDecimal rate(long yuan) {
        return tiers.match(yuan * 100).ratePercent();
    }

    @Test
    void eachTierGivesItsRate() {
        assertThat(rate(20)).isEqualByComparingTo("55");
        assertThat(rate(59)).isEqualByComparingTo("45");
        assertThat(rate(129)).isEqualByComparingTo("40");
        assertThat(rate(299)).isEqualByComparingTo("35");
        assertThat(rate(799)).isEqualByComparingTo("30");
    }

    @Test
    void aSharedBoundaryBelongsToTheTierItStarts() {
        assertThat(rate(30)).isEqualByComparingTo("45");
        assertThat(rate(200)).isEqualByComparingTo("35");
        assertThat(tiers.match(2999).ratePercent()).isEqualByComparingTo("55");
    }

    @Test
    void anUpperBoundNoTierStartsAtIsInclusive() {
        assertThat(tiers.match(9000).placement()).isEqualTo(Placement.IN_TIER);
        assertThat(rate(90)).isEqualByComparingTo("45");
        assertThat(tiers.match(100000).placement()).isEqualTo(Placement.IN_TIER);
        assertThat(rate(9)).isEqualByComparingTo("55");
    }

    @Test
    void aFeeInAGapGetsTheRateOfTheTierBelow() {
        SubsidyTiers.Match m = tiers.match(9500);
        assertThat(m.placement()).isEqualTo(Placement.IN_GAP);
        assertThat(m.ratePercent()).isEqualByComparingTo("45");
        assertThat(m.tier().orElseThrow().range()).isEqualTo("30-90");
        assertThat(m.describe()).isEqualTo("gap above 30-90");
        assertThat(tiers.match(12900).describe()).isEqualTo("100-200");
        assertThat(rate(500)).isEqualByComparingTo("35");
    }

    @Test
    void aFeeAboveTheTableGetsTheTopRateAndBelowItNothing() {
        assertThat(tiers.match(120000).placement()).isEqualTo(Placement.ABOVE_TABLE);
        assertThat(rate(1200)).isEqualByComparingTo("30");
        assertThat(tiers.match(800).placement()).isEqualTo(Placement.BELOW_TABLE);
        assertThat(rate(8)).isEqualByComparingTo("0");
    }

    @Test
    void gapRuleNoneGivesNothingInAGap() {
        SubsidyTiers strict = SubsidyTiers.parse(SubsidyTiers.DEFAULT, SubsidyTiers.GapRule.NONE);
        assertThat(strict.match(9500).ratePercent()).isEqualByComparingTo("0");
        assertThat(strict.match(9000).ratePercent()).isEqualByComparingTo("45");
    }

    @Test
    void anOpenTopTierCoversEverythingAbove() {
        SubsidyTiers open = SubsidyTiers.parse("0-100:50; 100-:25%", SubsidyTiers.GapRule.LOWER_TIER);
        assertThat(open.match(10_000_000).placement()).isEqualTo(Placement.IN_TIER);
        assertThat(open.match(10_000_000).ratePercent()).isEqualByComparingTo("25");
    }

    @Test
    void malformedTablesAreRefusedNamingTheTier() {
        assertThatThrownBy(() -> SubsidyTiers.parse("30-90:45;60-100:40", SubsidyTiers.GapRule.NONE))
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> SubsidyTiers.parse("90-30:45", SubsidyTiers.GapRule.NONE))
                .hasMessageContaining("upper bound");
        assertThatThrownBy(() -> SubsidyTiers.parse("30-90:145", SubsidyTiers.GapRule.NONE))
                .hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> SubsidyTiers.parse("30-90", SubsidyTiers.GapRule.NONE))
                .hasMessageContaining("FROM-TO:RATE");
        assertThatThrownBy(() -> SubsidyTiers.parse("30-:45;90-100:10", SubsidyTiers.GapRule.NONE))
                .hasMessageContaining("open-ended");
        assertThatThrownBy(() -> SubsidyTiers.parse("", SubsidyTiers.GapRule.NONE))
                .hasMessageContaining("no tiers");
    }
}
