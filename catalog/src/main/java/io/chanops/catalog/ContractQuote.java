package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.money.Fen;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The price of a handset bought with a contract plan (合约机):
 * <ul>
 *   <li>commitment = monthly fee x months;</li>
 *   <li>subsidy = commitment x the rate of the {@link SubsidyTiers} tier of the monthly fee, rounded half up to the
 *       fen;</li>
 *   <li>to pay = handset price - subsidy, never below 0: a subsidy larger than the price makes the handset free and
 *       the rest is not paid out (it is not cash back); {@code subsidyAppliedFen} is what was actually taken off;</li>
 *   <li>with the operator's purchase cost of the handset: subsidy rate = subsidy applied / purchase cost, and net
 *       outlay = purchase cost - to pay (what the operator puts into the handset beyond what the customer pays, to be
 *       recovered from the contract; negative when the customer pays more than the handset cost).</li>
 * </ul>
 */
public record ContractQuote(
        Product handset,
        Product contract,
        long commitmentFen,
        SubsidyTiers.Match tier,
        long subsidyFen,
        long subsidyAppliedFen,
        long toPayFen,
        Long purchaseCostFen,
        BigDecimal subsidyRatePercent,
        Long netOutlayFen,
        List<String> notes) {

    public static ContractQuote of(Product handset, Product contract, SubsidyTiers tiers, Long purchaseCostFen) {
        if (handset.type() != ProductType.HANDSET) {
            throw new IllegalArgumentException(
                    handset.sku() + " is " + handset.type().withArticle() + ", not a handset");
        }
        if (contract.type() != ProductType.CONTRACT) {
            throw new IllegalArgumentException(
                    contract.sku() + " is " + contract.type().withArticle() + ", not a contract");
        }
        if (purchaseCostFen != null && purchaseCostFen <= 0) {
            throw new IllegalArgumentException("the purchase cost must be greater than 0");
        }
        List<String> notes = new ArrayList<>();
        long commitment = contract.monthlyFeeFen() * contract.months();
        SubsidyTiers.Match match = tiers.match(contract.monthlyFeeFen());
        String fee = Fen.format(contract.monthlyFeeFen());
        switch (match.placement()) {
            case BELOW_TABLE ->
                notes.add("monthly fee " + fee + " is below the lowest tier of the subsidy table: no subsidy");
            case IN_GAP, ABOVE_TABLE ->
                notes.add("monthly fee " + fee
                        + (match.placement() == SubsidyTiers.Placement.IN_GAP
                                ? " is in a gap of the subsidy table"
                                : " is above the subsidy table")
                        + (tiers.gapRule() == SubsidyTiers.GapRule.LOWER_TIER
                                ? "; the rate of the tier below ("
                                        + match.tier().orElseThrow() + ") applies"
                                : "; no subsidy (subsidy.gap=none)"));
            default -> {}
        }
        long subsidy = BigDecimal.valueOf(commitment)
                .multiply(match.ratePercent())
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
        long applied = Math.min(subsidy, handset.priceFen());
        if (applied < subsidy) {
            notes.add(
                    "the subsidy " + Fen.format(subsidy) + " is more than the handset's price: the handset is free and "
                            + Fen.format(subsidy - applied) + " of it is not used");
        }
        long toPay = handset.priceFen() - applied;
        BigDecimal rate = null;
        Long outlay = null;
        if (purchaseCostFen != null) {
            rate = BigDecimal.valueOf(applied)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(purchaseCostFen), 2, RoundingMode.HALF_UP);
            outlay = purchaseCostFen - toPay;
        }
        for (Product p : List.of(handset, contract)) {
            if (!"listed".equals(p.status())) {
                notes.add(p.sku() + " is " + p.status() + ", not on sale");
            }
        }
        return new ContractQuote(
                handset,
                contract,
                commitment,
                match,
                subsidy,
                applied,
                toPay,
                purchaseCostFen,
                rate,
                outlay,
                List.copyOf(notes));
    }
}
