package io.chanops.finance;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Builds rules from CSV-like cells and sales for tests. */
final class Rules {
    static final String HEADER = "rule_id,channel,site_id,type,sku,basis,rate,tiers,valid_from,valid_to,clawback_days";

    private Rules() {}

    /**
     * One rule per line of {@code rule_id,channel,site_id,type,sku,basis,rate,tiers,valid_from,valid_to,clawback_days}.
     */
    static RuleBook book(String... lines) {
        List<CommissionRule> rules = new ArrayList<>();
        long n = 2;
        for (String line : lines) {
            String[] c = line.split(",", -1);
            RuleFile.Fields f =
                    new RuleFile.Fields(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], n++);
            rules.add(RuleFile.parse(f, (column, message) -> {
                        throw new IllegalArgumentException(column + ": " + message);
                    })
                    .orElseThrow());
        }
        return new RuleBook(rules);
    }

    static Sale sale(
            String orderId,
            String at,
            String site,
            String channel,
            String sku,
            String type,
            long units,
            long amountFen) {
        return new Sale(orderId, LocalDateTime.parse(at.replace(' ', 'T')), site, channel, sku, type, units, amountFen);
    }
}
