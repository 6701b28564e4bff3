package io.chanops.finance;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's commission with every line (a {@link CommissionMonth} holds the month without its order lines): the lines
 * of the month's confirmed orders, then the clawbacks booked in the month; the rule set used; the sites the ledger does
 * not know (their orders only match rules without channel and site) and the SKUs the catalog does not know (their
 * orders only match rules without a type, or naming the SKU); how many clawbacks this computation found and booked for
 * the first time (in any month).
 */
public record CommissionReport(
        YearMonth month,
        RuleSetRepository.RuleSet ruleSet,
        List<CommissionLine> lines,
        List<String> unknownSites,
        List<String> unknownSkus,
        int newClawbacks) {
    public long netFen() {
        return lines.stream().mapToLong(CommissionLine::commissionFen).sum();
    }
}
