package io.chanops.finance;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.reconcile.run.BossActivityRepository;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The channel-cost report from the ledger, in one transaction (computing the month's commission may book
 * clawbacks).
 *
 * <p>Transactions are BOSS rows per site and day as recorded by reconcile runs ({@code boss_activity}). The same day
 * and site read by several runs (an export reconciled again with --force, or overlapping exports) is counted once,
 * from the latest run that read it: a later export of a day is taken as the corrected one. Costs are read from {@code
 * ledger}, with the month's commission from {@code commission}, at the time of {@code context}.
 */
public record CostService(Ledger ledger, CommissionService commission, OperationContext context) {
    /**
     * The cost report, the commission report it used (its warnings matter too), and the rule set a rule file given
     * with it became.
     */
    public record Result(
            ChannelCost.Report cost, CommissionMonth commission, Optional<RuleSetRepository.Loaded> rules) {}

    /** The service on {@code ledger}, with its commission service. */
    public static CostService of(Ledger ledger, OperationContext context) {
        return new CostService(ledger, new CommissionService(ledger, context), context);
    }

    public Result report(YearMonth month, Map<String, Long> rates) {
        return report(month, rates, Optional.empty(), r -> {});
    }

    /**
     * With {@code rules}, that file first becomes the active set; {@code beforeCommit} receives the result before
     * anything is committed (see {@link CommissionService#report(YearMonth, Optional, Consumer)}).
     */
    public Result report(
            YearMonth month,
            Map<String, Long> rates,
            Optional<RuleSetRepository.Validated> rules,
            Consumer<Result> beforeCommit) {
        return report(month, rates, rules, false, beforeCommit);
    }

    /** As above; with {@code dryRun} the transaction is rolled back instead of committed (a what-if). */
    public Result report(
            YearMonth month,
            Map<String, Long> rates,
            Optional<RuleSetRepository.Validated> rules,
            boolean dryRun,
            Consumer<Result> beforeCommit) {
        LocalDateTime now = context.now();
        HandleCallback<Result, RuntimeException> work = h -> {
            Optional<RuleSetRepository.Loaded> loaded = rules.map(r -> commission.storeRules(h, r, now));
            CommissionMonth computed = commission.month(h, month, now);
            computed.closeLines();
            Map<String, Long> txns = transactions(h, month);
            Result result = new Result(
                    ChannelCost.compute(month, txns, computed.commissionByChannel(), rates), computed, loaded);
            beforeCommit.accept(result);
            return result;
        };
        return dryRun ? ledger.writeAndRollBack(work) : ledger.write(work);
    }

    /**
     * BOSS rows of the month per channel of their site (null key: sites the ledger does not know, or without a
     * channel): the rows are summed per site here, and each site's channel comes from the site repository.
     */
    static Map<String, Long> transactions(Handle h, YearMonth month) {
        Map<String, Site> sites = h.attach(SiteRepository.class).byId();
        Map<String, Long> txns = new HashMap<>();
        new BossActivityRepository(h).rowsBySite(month).forEach((siteId, rows) -> {
            String channel = channelOf(siteId == null ? null : sites.get(siteId));
            txns.merge(channel.isEmpty() ? null : channel, rows, Long::sum);
        });
        return txns;
    }

    /** The channel code of a site; empty for an unknown site or one without a channel. */
    private static String channelOf(Site site) {
        return site == null || site.channel() == null ? "" : site.channel().code();
    }
}
