package io.chanops.finance;

import io.chanops.ledger.model.Channel;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A month's commission, as one ledger transaction computed it: the month's sales counted by kind under the rules at
 * work, and the clawbacks booked in the month. Small whatever the month's orders (a group per site, SKU, day and
 * amount). The lines of single orders are read from the ledger when asked for ({@link #forEachLine}), within that
 * transaction only.
 */
public final class CommissionMonth {
    private final YearMonth month;
    private final RuleSetRepository.RuleSet ruleSet;
    private final List<SaleGroup> sales;
    private final CommissionCalculator.Month rules;
    private final List<CommissionLine> clawbacks;
    private final int newClawbacks;
    private final List<String> unknownSites;
    private final List<String> unknownSkus;
    private Consumer<Consumer<CommissionLine>> orderLines;
    private Map<String, String> siteNames = Map.of();

    /** {@code orderLines} hands the lines of the month's orders, in order, to its argument. */
    CommissionMonth(
            YearMonth month,
            RuleSetRepository.RuleSet ruleSet,
            List<SaleGroup> sales,
            CommissionCalculator.Month rules,
            List<CommissionLine> clawbacks,
            int newClawbacks,
            Consumer<Consumer<CommissionLine>> orderLines) {
        this.month = month;
        this.ruleSet = ruleSet;
        this.sales = List.copyOf(sales);
        this.rules = rules;
        this.clawbacks = List.copyOf(clawbacks);
        this.newClawbacks = newClawbacks;
        TreeSet<String> sites = new TreeSet<>();
        TreeSet<String> skus = new TreeSet<>();
        for (SaleGroup g : sales) {
            if (!g.siteKnown()) {
                sites.add(g.siteId() == null ? "(no site)" : g.siteId());
            }
            if (g.type() == null) {
                skus.add(g.sku() == null ? "(no SKU)" : g.sku());
            }
        }
        this.unknownSites = List.copyOf(sites);
        this.unknownSkus = List.copyOf(skus);
        this.orderLines = orderLines;
    }

    /**
     * Hands every line of the detail to {@code action}: the month's orders by creation time (then order id), read from
     * the ledger one at a time, then the clawbacks booked in the month. Only within the transaction that computed the
     * month.
     */
    public void forEachLine(Consumer<CommissionLine> action) {
        if (orderLines == null) {
            throw new IllegalStateException(
                    "the lines of " + month + " are read within the transaction that computed it, before its commit");
        }
        orderLines.accept(action);
        clawbacks.forEach(action);
    }

    /** The names of the ledger's sites, by id, for {@link #nameOf}. */
    CommissionMonth withSiteNames(Map<String, String> names) {
        this.siteNames = Map.copyOf(names);
        return this;
    }

    /**
     * What a summary key stands for, so a saved report keeps its context: the site's name, the channel in words, empty
     * for a rule, the TOTAL row and sites the ledger does not know.
     */
    public String nameOf(String key, CommissionSummary.GroupBy by) {
        return switch (by) {
            case SITE -> siteNames.getOrDefault(key, "");
            case CHANNEL -> Channel.parse(key).map(Channel::label).orElse("");
            case RULE -> "";
        };
    }

    /** The transaction that computed the month is ending: its lines can no longer be read. */
    void closeLines() {
        orderLines = null;
    }

    public YearMonth month() {
        return month;
    }

    public RuleSetRepository.RuleSet ruleSet() {
        return ruleSet;
    }

    /** The sites the ledger does not know: their orders only match rules without channel and site. */
    public List<String> unknownSites() {
        return unknownSites;
    }

    /** The SKUs the catalog does not know: their orders only match rules without a type, or naming the SKU. */
    public List<String> unknownSkus() {
        return unknownSkus;
    }

    /** How many clawbacks this computation found and booked for the first time (in any month). */
    public int newClawbacks() {
        return newClawbacks;
    }

    /** The clawbacks booked in the month, by cancellation date and order. */
    public List<CommissionLine> clawbacks() {
        return clawbacks;
    }

    /** Orders no rule matches: they earn 0. */
    public long unmatchedOrders() {
        return sales.stream()
                .filter(g -> rules.rule(g).isEmpty())
                .mapToLong(SaleGroup::orders)
                .sum();
    }

    /** Commission of the month's orders plus the (negative) clawbacks booked in it. */
    public long netFen() {
        long net = 0;
        for (SaleGroup g : sales) {
            net += rules.commissionFen(g);
        }
        for (CommissionLine l : clawbacks) {
            net += l.commissionFen();
        }
        return net;
    }

    /** No order of the month and no clawback booked in it. */
    public boolean isEmpty() {
        return sales.isEmpty() && clawbacks.isEmpty();
    }

    /** One row per site, channel or rule, sorted by key; the same as {@link CommissionSummary#rows} of every line. */
    public List<CommissionSummary.Row> summary(CommissionSummary.GroupBy by) {
        CommissionSummary.Tally tally = new CommissionSummary.Tally(by);
        for (SaleGroup g : sales) {
            tally.add(
                    g.siteId(),
                    g.channel(),
                    rules.rule(g).map(CommissionRule::ruleId).orElse(null),
                    g.orders(),
                    g.units(),
                    g.orders() * g.amountFen(),
                    rules.commissionFen(g));
        }
        clawbacks.forEach(tally::add);
        return tally.rows();
    }

    /** Commission net of clawbacks per channel (the null key: sites the ledger does not know). */
    public Map<String, Long> commissionByChannel() {
        Map<String, Long> paid = new HashMap<>();
        for (SaleGroup g : sales) {
            paid.merge(g.channel(), rules.commissionFen(g), Long::sum);
        }
        for (CommissionLine l : clawbacks) {
            paid.merge(l.channel(), l.commissionFen(), Long::sum);
        }
        return paid;
    }
}
