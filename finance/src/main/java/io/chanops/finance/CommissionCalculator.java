package io.chanops.finance;

import io.chanops.ledger.money.Fen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commission of one month's confirmed sales under a rule set. Pure: sales and rules in, lines out.
 *
 * <p>Rounding: a percent commission is rounded half-up to the fen once per order line; fixed and tiered commissions
 * are whole fen per unit, so exact. Every total is a sum of these line values, so totals always add up.
 *
 * <p>Tiers: all units a tiered rule covers at one site in the month are counted first; every one of them is then paid
 * at the band that count reaches (120 units in 1-100:10.00;101-300:12.00 pays 120 x 12.00).
 */
public final class CommissionCalculator {
    private CommissionCalculator() {}

    public static List<CommissionLine> compute(List<Sale> sales, RuleBook rules) {
        Map<Sale, Optional<CommissionRule>> chosen = new LinkedHashMap<>();
        Map<TierKey, Long> tierUnits = new HashMap<>();
        List<Sale> ordered = new ArrayList<>(sales);
        ordered.sort(Comparator.comparing(Sale::createdAt).thenComparing(Sale::orderId));
        for (Sale s : ordered) {
            Optional<CommissionRule> rule = rules.find(s);
            chosen.put(s, rule);
            rule.filter(r -> r.basis() == Basis.TIERED)
                    .ifPresent(r -> tierUnits.merge(new TierKey(r.ruleId(), s.siteId()), s.units(), Long::sum));
        }
        List<CommissionLine> lines = new ArrayList<>(sales.size());
        chosen.forEach(
                (s, rule) -> lines.add(rule.map(r -> line(s, r, tierUnits)).orElseGet(() -> unmatched(s))));
        return lines;
    }

    private static CommissionLine line(Sale s, CommissionRule r, Map<TierKey, Long> tierUnits) {
        long commission;
        String explain;
        switch (r.basis()) {
            case PERCENT -> {
                commission = r.percentOf(s.amountFen());
                explain = r.rateText() + "% of " + Fen.format(s.amountFen()) + " = " + Fen.format(commission)
                        + " (rounded half-up to the fen)";
            }
            case FIXED -> {
                commission = s.units() * r.fixedFen();
                explain = s.units() + " x " + Fen.format(r.fixedFen()) + " per unit";
            }
            default -> {
                long monthUnits = tierUnits.getOrDefault(new TierKey(r.ruleId(), s.siteId()), 0L);
                Tier tier = r.tierFor(monthUnits);
                commission = s.units() * tier.perUnitFen();
                explain = s.units() + " x " + Fen.format(tier.perUnitFen()) + " per unit: tier " + tier.range()
                        + " reached by " + monthUnits + " units of rule " + r.ruleId() + " at " + s.siteId()
                        + " this month";
            }
        }
        return new CommissionLine(
                s.orderId(),
                s.orderDate(),
                s.siteId(),
                s.channel(),
                s.sku(),
                s.type(),
                r.ruleId(),
                r.basis(),
                s.units(),
                s.amountFen(),
                commission,
                explain + "; rule " + r.ruleId() + " (" + r.scope() + ")",
                false);
    }

    private static CommissionLine unmatched(Sale s) {
        String why = s.siteKnown()
                ? "no rule matches (channel " + s.channel() + ", site " + s.siteId() + ", type "
                        + (s.type() == null ? "unknown" : s.type()) + ", sku " + s.sku() + ", on " + s.orderDate() + ")"
                : "no rule matches: site " + s.siteId()
                        + " is not in the ledger, so only rules with empty channel and site apply";
        return new CommissionLine(
                s.orderId(),
                s.orderDate(),
                s.siteId(),
                s.channel(),
                s.sku(),
                s.type(),
                null,
                null,
                s.units(),
                s.amountFen(),
                0,
                why,
                false);
    }

    private record TierKey(String ruleId, String siteId) {}
}
