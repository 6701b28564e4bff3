package io.chanops.catalog;

import io.chanops.ledger.money.Fen;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The handset subsidy's return-rate table by committed monthly spend (the contract's monthly fee): each tier gives the
 * share of the contract's total commitment that the customer gets off a handset.
 *
 * <p>Written {@code 9-30:55;30-90:45;100-200:40;200-400:35;600-1000:30} (yuan per month, percent; the last tier may
 * be open, {@code 1000-:25}). Tables as operators write them have shared boundaries (30 ends one tier and starts the
 * next) and gaps (90-100, 400-600), so the rule is explicit:
 * <ol>
 *   <li>A fee belongs to the tier with the greatest lower bound not above it. Lower bounds are inclusive, so a shared
 *       boundary belongs to the tier it starts (30 yuan: 30-90, 45%).</li>
 *   <li>Upper bounds are inclusive when no tier starts there (90 yuan: 30-90; 1000 yuan: 600-1000).</li>
 *   <li>A fee in a gap (95 yuan) or above the table (1200 yuan) gets, by default ({@link GapRule#LOWER_TIER}), the rate
 *       of the tier below it. "No subsidy in a gap" would be a cliff (90 yuan: 45% of the commitment; 95 yuan:
 *       nothing); with the tier below, the subsidy keeps growing through the gap, and the step where the next tier
 *       starts is like the step at every other boundary of a table whose rates fall as fees rise.
 *       {@link GapRule#NONE} gives 0% instead, for operators whose gaps are deliberate. Either way the quote says the
 *       fee was not in a tier.</li>
 *   <li>A fee below the lowest tier gets no subsidy.</li>
 * </ol>
 */
public final class SubsidyTiers {
    public static final String DEFAULT = "9-30:55;30-90:45;100-200:40;200-400:35;600-1000:30";

    private final List<Tier> tiers;
    private final GapRule gapRule;

    /** A tier: monthly fee from {@code fromFen} to {@code toFen} (null: no upper bound), rate in percent. */
    public record Tier(long fromFen, Long toFen, BigDecimal ratePercent) {
        public String range() {
            return Fen.toYuan(fromFen).stripTrailingZeros().toPlainString() + "-"
                    + (toFen == null
                            ? ""
                            : Fen.toYuan(toFen).stripTrailingZeros().toPlainString());
        }

        @Override
        public String toString() {
            return range() + " " + ratePercent.stripTrailingZeros().toPlainString() + "%";
        }
    }

    /** What to do with a fee in a gap of the table or above it. */
    public enum GapRule {
        LOWER_TIER,
        NONE;

        public static Optional<GapRule> parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "lower-tier" -> Optional.of(LOWER_TIER);
                case "none" -> Optional.of(NONE);
                default -> Optional.empty();
            };
        }
    }

    /** Where a fee fell in the table. */
    public enum Placement {
        IN_TIER,
        IN_GAP,
        ABOVE_TABLE,
        BELOW_TABLE
    }

    /** The tier a fee falls in or next to (the one below it, if any), its placement and the rate that applies. */
    public record Match(Optional<Tier> tier, Placement placement, BigDecimal ratePercent) {
        /** Where the fee fell, for people: {@code 100-200}, {@code gap above 30-90}, {@code below the table}. */
        public String describe() {
            return switch (placement) {
                case IN_TIER -> tier.orElseThrow().range();
                case IN_GAP -> "gap above " + tier.orElseThrow().range();
                case ABOVE_TABLE -> "above " + tier.orElseThrow().range();
                case BELOW_TABLE -> "below the table";
            };
        }
    }

    private SubsidyTiers(List<Tier> tiers, GapRule gapRule) {
        this.tiers = List.copyOf(tiers);
        this.gapRule = gapRule;
    }

    public static SubsidyTiers defaults() {
        return parse(DEFAULT, GapRule.LOWER_TIER);
    }

    /** Parses a table; throws {@link IllegalArgumentException} naming the faulty tier. */
    public static SubsidyTiers parse(String text, GapRule gapRule) {
        List<Tier> tiers = new ArrayList<>();
        for (String part : text.split(";")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            int dash = s.indexOf('-');
            if (colon < 0 || dash < 0 || dash > colon) {
                throw new IllegalArgumentException("tier '" + s + "' is not FROM-TO:RATE (like 30-90:45)");
            }
            long from = yuan(s, s.substring(0, dash));
            String toText = s.substring(dash + 1, colon).strip();
            Long to = toText.isEmpty() ? null : yuan(s, toText);
            BigDecimal rate;
            try {
                rate = new BigDecimal(s.substring(colon + 1).strip().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tier '" + s + "': the rate is not a number of percent");
            }
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("tier '" + s + "': the rate must be 0 to 100 percent");
            }
            if (to != null && to <= from) {
                throw new IllegalArgumentException("tier '" + s + "': the upper bound must be above the lower bound");
            }
            if (!tiers.isEmpty()) {
                Tier last = tiers.get(tiers.size() - 1);
                if (last.toFen() == null) {
                    throw new IllegalArgumentException(
                            "tier '" + s + "' follows an open-ended tier; only the last tier may be open");
                }
                if (from < last.toFen()) {
                    throw new IllegalArgumentException("tier '" + s + "' overlaps the tier before it (" + last.range()
                            + "); tiers go up in order and may only share a boundary");
                }
            }
            tiers.add(new Tier(from, to, rate));
        }
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("the subsidy table has no tiers");
        }
        return new SubsidyTiers(tiers, gapRule);
    }

    public List<Tier> tiers() {
        return tiers;
    }

    public GapRule gapRule() {
        return gapRule;
    }

    public Match match(long monthlyFeeFen) {
        Tier below = null;
        int index = -1;
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).fromFen() <= monthlyFeeFen) {
                below = tiers.get(i);
                index = i;
            }
        }
        if (below == null) {
            return new Match(Optional.empty(), Placement.BELOW_TABLE, BigDecimal.ZERO);
        }
        if (below.toFen() == null || monthlyFeeFen <= below.toFen()) {
            return new Match(Optional.of(below), Placement.IN_TIER, below.ratePercent());
        }
        Placement placement = index < tiers.size() - 1 ? Placement.IN_GAP : Placement.ABOVE_TABLE;
        BigDecimal rate = gapRule == GapRule.LOWER_TIER ? below.ratePercent() : BigDecimal.ZERO;
        return new Match(Optional.of(below), placement, rate);
    }

    private static long yuan(String tier, String text) {
        return Fen.parseYuan(text.strip())
                .filter(f -> f >= 0)
                .orElseThrow(() -> new IllegalArgumentException(
                        "tier '" + tier + "': '" + text.strip() + "' is not an amount in yuan"));
    }
}
