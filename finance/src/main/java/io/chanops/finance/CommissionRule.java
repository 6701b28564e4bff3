package io.chanops.finance;

import io.chanops.ledger.money.Fen;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One line of {@code commission-rules.csv}. Empty channel, site, type or SKU (null here) match anything.
 *
 * <p>Specificity: the product side counts first (SKU 2, type 1, any 0), then the place side (site 2, channel 1, any
 * 0), so a SKU rule beats a type rule wherever it applies, and between two rules for the same product the site rule
 * beats the channel rule. Validity dates are inclusive at both ends; null means open.
 *
 * @param percent  for {@link Basis#PERCENT}: percent of the amount (e.g. 2.5)
 * @param fixedFen for {@link Basis#FIXED}: fen per unit
 * @param tiers    for {@link Basis#TIERED}: contiguous bands from 1 unit, the last open-ended
 * @param clawbackDays days after the order date within which a cancellation reverses the commission; null = never
 */
public record CommissionRule(
        String ruleId,
        String channel,
        String siteId,
        String type,
        String sku,
        Basis basis,
        BigDecimal percent,
        long fixedFen,
        List<Tier> tiers,
        LocalDate validFrom,
        LocalDate validTo,
        Integer clawbackDays,
        long line) {

    public CommissionRule {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public int productLevel() {
        return sku != null ? 2 : type != null ? 1 : 0;
    }

    public int placeLevel() {
        return siteId != null ? 2 : channel != null ? 1 : 0;
    }

    /** Higher wins: product side first, then place side. */
    public int specificity() {
        return productLevel() * 3 + placeLevel();
    }

    /** "sku+site", "type+channel", "any"...: the specificity in words, for messages. */
    public String specificityName() {
        String product = sku != null ? "sku" : type != null ? "type" : "";
        String place = siteId != null ? "site" : channel != null ? "channel" : "";
        String s = product.isEmpty() || place.isEmpty() ? product + place : product + "+" + place;
        return s.isEmpty() ? "any" : s;
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * Whether the rule applies to {@code sale} on its order date. An order whose site the ledger does not know matches
     * only rules with an empty channel and site (its place is unknown).
     */
    public boolean matches(Sale sale) {
        if (!validOn(sale.orderDate())) {
            return false;
        }
        if (!sale.siteKnown() && (channel != null || siteId != null)) {
            return false;
        }
        return (channel == null || channel.equals(sale.channel()))
                && (siteId == null || siteId.equals(sale.siteId()))
                && (type == null || type.equals(sale.type()))
                && (sku == null || sku.equals(sale.sku()));
    }

    /**
     * Same specificity, overlapping validity, and no field that tells them apart: some order could match both, and
     * neither would win.
     */
    public boolean ambiguousWith(CommissionRule other) {
        return specificity() == other.specificity()
                && validityOverlaps(other)
                && compatible(channel, other.channel)
                && compatible(siteId, other.siteId)
                && compatible(type, other.type)
                && compatible(sku, other.sku);
    }

    public boolean validityOverlaps(CommissionRule other) {
        boolean startsBeforeOtherEnds = validFrom == null || other.validTo == null || !validFrom.isAfter(other.validTo);
        boolean otherStartsBeforeThisEnds =
                other.validFrom == null || validTo == null || !other.validFrom.isAfter(validTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    /** The tier {@code units} (the month's count of this rule and site) reaches. */
    public Tier tierFor(long units) {
        for (Tier t : tiers) {
            if (t.contains(units)) {
                return t;
            }
        }
        // validation guarantees bands from 1 with an open last band; 0 or fewer units pay nothing
        return new Tier(units, units, 0);
    }

    /** Percent commission on {@code amountFen}, rounded half-up to the fen (once per order line). */
    public long percentOf(long amountFen) {
        return BigDecimal.valueOf(amountFen)
                .multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The rate column as written back: percent, or yuan per unit; empty for tiered. */
    public String rateText() {
        return switch (basis) {
            case PERCENT -> percent.stripTrailingZeros().toPlainString();
            case FIXED -> Fen.format(fixedFen);
            case TIERED -> "";
        };
    }

    public String tiersText() {
        return tiers.stream().map(Tier::toString).collect(Collectors.joining(";"));
    }

    /** The conditions in words: "channel partner, type handset". */
    public String scope() {
        StringBuilder s = new StringBuilder();
        append(s, "channel", channel);
        append(s, "site", siteId);
        append(s, "type", type);
        append(s, "sku", sku);
        return s.length() == 0 ? "any order" : s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(name).append(' ').append(value);
        }
    }

    public String validityText() {
        return (validFrom == null ? "always" : validFrom.toString()) + ".."
                + (validTo == null ? "open" : validTo.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommissionRule r
                && ruleId.equals(r.ruleId)
                && line == r.line
                && Objects.equals(channel, r.channel)
                && Objects.equals(siteId, r.siteId)
                && Objects.equals(type, r.type)
                && Objects.equals(sku, r.sku)
                && basis == r.basis
                && Objects.equals(rateText(), r.rateText())
                && tiers.equals(r.tiers)
                && Objects.equals(validFrom, r.validFrom)
                && Objects.equals(validTo, r.validTo)
                && Objects.equals(clawbackDays, r.clawbackDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, line, basis);
    }
}
