package io.chanops.finance;

import io.chanops.ledger.Ledger;
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

/**
 * The channel-cost report from the ledger, in one transaction (computing the month's commission may book
 * clawbacks).
 *
 * <p>Transactions are BOSS rows per site and day as recorded by reconcile runs ({@code boss_activity}). The same day
 * and site read by several runs (an export reconciled again with --force, or overlapping exports) is counted once,
 * from the latest run that read it: a later export of a day is taken as the corrected one.
 */
public final class CostService {
    /**
     * The cost report, the commission report it used (its warnings matter too), and the rule set a rule file given
     * with it became.
     */
    public record Result(ChannelCost.Report cost, CommissionMonth commission, Optional<RuleSets.Loaded> rules) {}

    private CostService() {}

    public static Result report(Ledger ledger, YearMonth month, Map<String, Long> rates, LocalDateTime now) {
        return report(ledger, month, rates, now, Optional.empty(), r -> {});
    }

    /**
     * With {@code rules}, that file first becomes the active set; {@code beforeCommit} receives the result before
     * anything is committed (see {@link CommissionService#report(Ledger, YearMonth, LocalDateTime, Optional, Consumer)}).
     */
    public static Result report(
            Ledger ledger,
            YearMonth month,
            Map<String, Long> rates,
            LocalDateTime now,
            Optional<RuleSets.Validated> rules,
            Consumer<Result> beforeCommit) {
        return ledger.write(h -> {
            Optional<RuleSets.Loaded> loaded = rules.map(r -> RuleSets.store(h, r, now));
            CommissionMonth commission = CommissionService.month(h, month, now);
            commission.closeLines();
            Map<String, Long> txns = transactions(h, month);
            Result result = new Result(
                    ChannelCost.compute(month, txns, commission.commissionByChannel(), rates), commission, loaded);
            beforeCommit.accept(result);
            return result;
        });
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
