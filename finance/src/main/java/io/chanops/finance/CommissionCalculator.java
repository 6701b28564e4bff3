package io.chanops.finance;

import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

    /** The lines of a month's {@code sales}, by creation time, then order id. */
    public static List<CommissionLine> compute(List<Sale> sales, RuleBook rules) {
        Month month = Month.of(sales.stream().map(SaleGroup::of).toList(), rules);
        List<Sale> ordered = new ArrayList<>(sales);
        ordered.sort(Comparator.comparing(Sale::createdAt).thenComparing(Sale::orderId));
        List<CommissionLine> lines = new ArrayList<>(ordered.size());
        for (Sale s : ordered) {
            lines.add(month.line(s));
        }
        return lines;
    }

    /**
     * A month's rules at work, from all its sales counted by kind: the rule of each kind of sale and the units each
     * tiered rule reached at each site. Gives the line of any one sale, and the commission of a whole group, equal to
     * the sum of its orders' lines.
     */
    public static final class Month {
        private final RuleBook rules;
        private final Map<Place, Optional<CommissionRule>> chosen = new HashMap<>();
        private Supplier<? extends Collection<SaleGroup>> sales;
        private Map<TierKey, Long> tierUnits;

        private Month(RuleBook rules, Supplier<? extends Collection<SaleGroup>> sales) {
            this.rules = rules;
            this.sales = sales;
        }

        /** {@code groups}: every sale of the month, each in exactly one group. */
        public static Month of(Collection<SaleGroup> groups, RuleBook rules) {
            return new Month(rules, () -> groups);
        }

        /**
         * As {@link #of(Collection, RuleBook)}, the groups asked for only when a tiered rule's units are first needed:
         * which rule a sale falls under, and what a percent or fixed rule pays, never need the month.
         */
        public static Month of(Supplier<? extends Collection<SaleGroup>> groups, RuleBook rules) {
            return new Month(rules, groups);
        }

        private Map<TierKey, Long> tierUnits() {
            if (tierUnits == null) {
                Map<TierKey, Long> units = new HashMap<>();
                for (SaleGroup g : sales.get()) {
                    rule(g).filter(r -> r.basis() == Basis.TIERED)
                            .ifPresent(r -> units.merge(new TierKey(r.ruleId(), g.siteId()), g.units(), Long::sum));
                }
                tierUnits = units;
                sales = null;
            }
            return tierUnits;
        }

        /** The most specific rule valid for the group's sales, if any. */
        public Optional<CommissionRule> rule(SaleGroup g) {
            return chosen.computeIfAbsent(
                    new Place(g.orderDate(), g.siteId(), g.channel(), g.sku(), g.type()), k -> rules.find(g.typical()));
        }

        /** The most specific rule valid for sale {@code s}, if any. */
        public Optional<CommissionRule> rule(Sale s) {
            return chosen.computeIfAbsent(
                    new Place(s.orderDate(), s.siteId(), s.channel(), s.sku(), s.type()), k -> rules.find(s));
        }

        /** The commission of all the group's orders: the sum of their lines' commissions. */
        public long commissionFen(SaleGroup g) {
            Optional<CommissionRule> rule = rule(g);
            if (rule.isEmpty()) {
                return 0;
            }
            CommissionRule r = rule.get();
            return switch (r.basis()) {
                case PERCENT -> g.orders() * r.percentOf(g.amountFen());
                case FIXED -> g.units() * r.fixedFen();
                case TIERED -> g.units() * r.tierFor(monthUnits(r, g.siteId())).perUnitFen();
            };
        }

        /** The line of sale {@code s}, one of the month's sales. */
        public CommissionLine line(Sale s) {
            return rule(s).map(r -> line(s, r)).orElseGet(() -> unmatched(s));
        }

        private long monthUnits(CommissionRule r, String siteId) {
            return tierUnits().getOrDefault(new TierKey(r.ruleId(), siteId), 0L);
        }

        private CommissionLine line(Sale s, CommissionRule r) {
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
                    long monthUnits = monthUnits(r, s.siteId());
                    Tier tier = r.tierFor(monthUnits);
                    commission = s.units() * tier.perUnitFen();
                    explain = s.units() + " x " + Fen.format(tier.perUnitFen()) + " per unit: tier " + tier.range()
                            + " reached by " + Named.count(monthUnits, "unit") + " of rule " + r.ruleId() + " at "
                            + s.siteId()
                            + " this month";
                }
            }
            return line(
                    s, r.ruleId(), r.basis(), commission, explain + "; rule " + r.ruleId() + " (" + r.scope() + ")");
        }

        private static CommissionLine unmatched(Sale s) {
            String why = s.siteKnown()
                    ? "no rule matches (channel " + s.channel() + ", site " + s.siteId() + ", type "
                            + (s.type() == null ? "unknown" : s.type()) + ", sku " + s.sku() + ", on " + s.orderDate()
                            + ")"
                    : "no rule matches: site " + s.siteId()
                            + " is not in the ledger, so only rules with empty channel and site apply";
            return line(s, null, null, 0, why);
        }

        /** The sale's line (not a clawback) under a rule (null: none) with its commission and explanation. */
        private static CommissionLine line(Sale s, String ruleId, Basis basis, long commissionFen, String explain) {
            return new CommissionLine(
                    s.orderId(),
                    s.orderDate(),
                    s.siteId(),
                    s.channel(),
                    s.sku(),
                    s.type(),
                    ruleId,
                    basis,
                    s.units(),
                    s.amountFen(),
                    commissionFen,
                    explain,
                    false);
        }
    }

    /** What decides the rule of a sale. */
    private record Place(LocalDate orderDate, String siteId, String channel, String sku, String type) {}

    private record TierKey(String ruleId, String siteId) {}
}
