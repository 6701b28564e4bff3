package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractQuoteTest {
    private static Product handset(long priceFen) {
        return new Product(
                "HS-1", ProductType.HANDSET, "Phone", "Acme", priceFen, "listed", List.of("web"), null, null);
    }

    private static Product contract(long feeFen, int months) {
        return new Product("CT-1", ProductType.CONTRACT, "Contract", null, 0, "listed", List.of("web"), feeFen, months);
    }

    @Test
    void workedExampleOfTheReadme() {
        ContractQuote q = ContractQuote.of(handset(599900), contract(12900, 24), SubsidyTiers.defaults(), 520000L);
        assertThat(q.commitmentFen()).isEqualTo(309600);
        assertThat(q.tier().ratePercent()).isEqualByComparingTo("40");
        assertThat(q.subsidyFen()).isEqualTo(123840);
        assertThat(q.toPayFen()).isEqualTo(599900 - 123840);
        assertThat(q.subsidyRatePercent()).isEqualByComparingTo("23.82");
        assertThat(q.netOutlayFen()).isEqualTo(520000 - 476060);
        assertThat(q.notes()).isEmpty();
    }

    @Test
    void subsidyIsRoundedHalfUpToTheFen() {
        SubsidyTiers t = SubsidyTiers.parse("0-:33.333", SubsidyTiers.GapRule.NONE);
        ContractQuote q = ContractQuote.of(handset(100000), contract(1000, 12), t, null);
        // 120.00 x 33.333% = 39.9996 -> 40.00
        assertThat(q.subsidyFen()).isEqualTo(4000);
        assertThat(q.subsidyRatePercent()).isNull();
    }

    @Test
    void thePriceToPayNeverGoesBelowZero() {
        ContractQuote q = ContractQuote.of(handset(100000), contract(29900, 36), SubsidyTiers.defaults(), null);
        assertThat(q.subsidyFen()).isEqualTo(376740);
        assertThat(q.subsidyAppliedFen()).isEqualTo(100000);
        assertThat(q.toPayFen()).isZero();
        assertThat(q.notes()).anyMatch(n -> n.contains("the handset is free"));
    }

    @Test
    void aFeeInAGapIsNoted() {
        ContractQuote q = ContractQuote.of(handset(100000), contract(9900, 12), SubsidyTiers.defaults(), null);
        assertThat(q.subsidyFen()).isEqualTo(53460);
        assertThat(q.notes()).anyMatch(n -> n.contains("gap"));
    }

    @Test
    void handsetAndContractMustBeWhatTheySay() {
        assertThatThrownBy(
                        () -> ContractQuote.of(contract(9900, 12), contract(9900, 12), SubsidyTiers.defaults(), null))
                .hasMessageContaining("not a handset");
        assertThatThrownBy(() -> ContractQuote.of(handset(1), handset(1), SubsidyTiers.defaults(), null))
                .hasMessageContaining("is a handset, not a contract");
        assertThat(ProductType.ACCESSORY.withArticle()).isEqualTo("an accessory");
    }
}
