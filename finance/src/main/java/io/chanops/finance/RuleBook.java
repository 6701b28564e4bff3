package io.chanops.finance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A validated rule set: finds the most specific rule valid on an order's date. */
public final class RuleBook {
    private final List<CommissionRule> rules;
    private final Map<String, CommissionRule> byId;

    public RuleBook(List<CommissionRule> rules) {
        this.rules = List.copyOf(rules);
        this.byId = rules.stream().collect(Collectors.toMap(CommissionRule::ruleId, Function.identity(), (a, b) -> a));
    }

    public List<CommissionRule> rules() {
        return rules;
    }

    public Optional<CommissionRule> rule(String ruleId) {
        return Optional.ofNullable(byId.get(ruleId));
    }

    /**
     * The matching rule of highest specificity. A validated set never has two at the same top specificity; if one
     * does (edited in the ledger by hand), the lowest rule id wins so the result is still deterministic.
     */
    public Optional<CommissionRule> find(Sale sale) {
        return rules.stream()
                .filter(r -> r.matches(sale))
                .max(Comparator.comparingInt(CommissionRule::specificity)
                        .thenComparing(CommissionRule::ruleId, Comparator.reverseOrder()));
    }
}
