package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class CatalogRowParserTest {
    private final List<Rejection> rejections = new ArrayList<>();

    private static Map<String, String> handset() {
        Map<String, String> m = new HashMap<>();
        m.put("sku", "HS-X1");
        m.put("type", "handset");
        m.put("name", "Phone X1 128GB");
        m.put("brand", "Acme");
        m.put("price", "1999.00");
        m.put("status", "listed");
        m.put("channels", "web|hall");
        return m;
    }

    private static Map<String, String> contract() {
        Map<String, String> m = handset();
        m.put("sku", "CT-99-24");
        m.put("type", "contract");
        m.put("name", "Contract 99/24");
        m.put("price", "0");
        m.put("monthly_fee", "99.00");
        m.put("months", "24");
        return m;
    }

    private Optional<Product> parse(Map<String, String> cells) {
        return CatalogRowParser.parse(7, c -> cells.getOrDefault(c, ""), rejections);
    }

    private Optional<Product> with(Map<String, String> base, String column, String value) {
        base.put(column, value);
        return parse(base);
    }

    private void assertRejected(Optional<Product> p, String column, RejectCode code) {
        assertThat(p).isEmpty();
        assertThat(rejections).extracting(Rejection::column, Rejection::code).contains(Tuple.tuple(column, code));
        assertThat(rejections).allSatisfy(r -> assertThat(r.line()).isEqualTo(7));
    }

    @Test
    void validHandsetIsParsedWithPriceInFen() {
        Product p = parse(handset()).orElseThrow();
        assertThat(p)
                .isEqualTo(new Product(
                        "HS-X1",
                        ProductType.HANDSET,
                        "Phone X1 128GB",
                        "Acme",
                        199900,
                        "listed",
                        List.of("web", "hall"),
                        null,
                        null));
        assertThat(rejections).isEmpty();
    }

    @Test
    void validContractHasMonthlyFeeAndMonthsAndMayCostNothing() {
        Product p = parse(contract()).orElseThrow();
        assertThat(p.priceFen()).isZero();
        assertThat(p.monthlyFeeFen()).isEqualTo(9900);
        assertThat(p.months()).isEqualTo(24);
    }

    @Test
    void typeAndStatusAreCaseInsensitiveAndChannelsAreCanonicallyOrdered() {
        Map<String, String> m = handset();
        m.put("type", "Handset");
        m.put("status", "LISTED");
        m.put("channels", "hall| App |web");
        Product p = parse(m).orElseThrow();
        assertThat(p.type()).isEqualTo(ProductType.HANDSET);
        assertThat(p.status()).isEqualTo("listed");
        assertThat(p.channels()).containsExactly("web", "app", "hall");
    }

    @Test
    void emptyBrandIsAbsent() {
        assertThat(with(handset(), "brand", "").orElseThrow().brand()).isNull();
    }

    @Test
    void everyRequiredFieldMustBeGiven() {
        for (String column : List.of("sku", "type", "name", "price", "status")) {
            rejections.clear();
            assertRejected(with(handset(), column, ""), column, RejectCode.MISSING);
        }
    }

    @Test
    void skuMustBeAnIdentifier() {
        assertRejected(with(handset(), "sku", "HS X1"), "sku", RejectCode.BAD_SKU);
        rejections.clear();
        assertRejected(with(handset(), "sku", "-HS"), "sku", RejectCode.BAD_SKU);
        rejections.clear();
        assertRejected(with(handset(), "sku", "H".repeat(65)), "sku", RejectCode.BAD_SKU);
    }

    @Test
    void typeMustBeKnown() {
        assertRejected(with(handset(), "type", "phone"), "type", RejectCode.BAD_TYPE);
    }

    @Test
    void priceMustBeAnAmountInYuan() {
        assertRejected(with(handset(), "price", "1,999.00"), "price", RejectCode.BAD_PRICE);
        rejections.clear();
        assertRejected(with(handset(), "price", "¥1999"), "price", RejectCode.BAD_PRICE);
    }

    @Test
    void priceHasAtMostTwoDecimals() {
        assertRejected(with(handset(), "price", "1999.999"), "price", RejectCode.PRICE_DECIMALS);
        rejections.clear();
        assertThat(with(handset(), "price", "1999.5").orElseThrow().priceFen()).isEqualTo(199950);
    }

    @Test
    void priceMustBePositiveExceptForPlansAndContracts() {
        assertRejected(with(handset(), "price", "0"), "price", RejectCode.PRICE_NOT_POSITIVE);
        rejections.clear();
        assertRejected(with(handset(), "price", "-1.00"), "price", RejectCode.PRICE_NOT_POSITIVE);
        rejections.clear();
        assertRejected(with(contract(), "price", "-1.00"), "price", RejectCode.PRICE_NOT_POSITIVE);
        rejections.clear();
        Map<String, String> plan = handset();
        plan.put("type", "plan");
        assertThat(with(plan, "price", "0.00")).isPresent();
    }

    @Test
    void statusMustBeListedUnlistedOrDraft() {
        assertRejected(with(handset(), "status", "active"), "status", RejectCode.BAD_STATUS);
    }

    @Test
    void channelsComeFromTheKnownFive() {
        assertRejected(with(handset(), "channels", "web|tmall"), "channels", RejectCode.BAD_CHANNEL);
        rejections.clear();
        assertRejected(with(handset(), "channels", "web||hall"), "channels", RejectCode.BAD_CHANNEL);
        rejections.clear();
        assertRejected(with(handset(), "channels", "web|WEB"), "channels", RejectCode.DUPLICATE_CHANNEL);
    }

    @Test
    void aListedProductNeedsAChannelButADraftDoesNot() {
        assertRejected(with(handset(), "channels", ""), "channels", RejectCode.NO_CHANNEL);
        rejections.clear();
        Map<String, String> draft = handset();
        draft.put("status", "draft");
        assertThat(with(draft, "channels", "").orElseThrow().channels()).isEmpty();
    }

    @Test
    void aContractNeedsAPositiveMonthlyFee() {
        assertRejected(with(contract(), "monthly_fee", ""), "monthly_fee", RejectCode.CONTRACT_FEE);
        rejections.clear();
        assertRejected(with(contract(), "monthly_fee", "0"), "monthly_fee", RejectCode.CONTRACT_FEE);
        rejections.clear();
        assertRejected(with(contract(), "monthly_fee", "abc"), "monthly_fee", RejectCode.CONTRACT_FEE);
        rejections.clear();
        assertRejected(with(contract(), "monthly_fee", "99.999"), "monthly_fee", RejectCode.PRICE_DECIMALS);
    }

    @Test
    void aContractRunsTwelveEighteenTwentyFourOrThirtySixMonths() {
        for (String months : List.of("12", "18", "24", "36")) {
            assertThat(with(contract(), "months", months)).isPresent();
        }
        for (String months : List.of("", "30", "24.0", "two", "0")) {
            rejections.clear();
            assertRejected(with(contract(), "months", months), "months", RejectCode.CONTRACT_MONTHS);
        }
    }

    @Test
    void onlyContractsHaveMonthlyFeeAndMonths() {
        assertRejected(with(handset(), "monthly_fee", "99.00"), "monthly_fee", RejectCode.NOT_A_CONTRACT);
        rejections.clear();
        assertRejected(with(handset(), "months", "24"), "months", RejectCode.NOT_A_CONTRACT);
        assertThat(rejections.get(0).message()).contains("for a handset");
    }

    @Test
    void nameIsAtMost120Characters() {
        assertThat(with(handset(), "name", "名".repeat(120))).isPresent();
        assertRejected(with(handset(), "name", "名".repeat(121)), "name", RejectCode.TOO_LONG);
    }

    @Test
    void nameAndBrandMustNotHoldControlCharacters() {
        assertRejected(with(handset(), "name", "Phone\nX1"), "name", RejectCode.CONTROL_CHARACTER);
        rejections.clear();
        assertRejected(with(handset(), "name", "Phone\tX1"), "name", RejectCode.CONTROL_CHARACTER);
        rejections.clear();
        assertRejected(with(handset(), "brand", "Ac\u0007me"), "brand", RejectCode.CONTROL_CHARACTER);
    }

    @Test
    void aNameThatLooksLikeAFormulaIsAcceptedAsText() {
        assertThat(with(handset(), "name", "=SUM(A1:A9)").orElseThrow().name()).isEqualTo("=SUM(A1:A9)");
    }

    @Test
    void textStartingWithTheGuardsOwnPrefixIsRefusedBecauseItWouldNotSurviveARoundTrip() {
        // the cell was ''=x in the file: after the guard is removed it reads '=x, and an export would give back =x
        assertRejected(with(handset(), "name", "'=x"), "name", RejectCode.GUARD_PREFIX);
        rejections.clear();
        assertThat(with(handset(), "name", "'quoted'")).isPresent();
    }

    @Test
    void everyProblemOfARowIsReported() {
        Map<String, String> m = handset();
        m.put("type", "phone");
        m.put("price", "1.001");
        m.put("status", "on");
        m.put("channels", "tv");
        assertThat(parse(m)).isEmpty();
        assertThat(rejections).extracting(Rejection::column).containsExactly("type", "price", "status", "channels");
    }
}
