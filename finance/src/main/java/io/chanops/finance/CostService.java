package io.chanops.finance;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.time.LocalTimes;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
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
    /** The cost report, and the commission report it used (its warnings matter too). */
    public record Result(ChannelCost.Report cost, CommissionReport commission) {
    }

    private CostService() {
    }

    public static Result report(Ledger ledger, YearMonth month, Map<String, Long> rates, LocalDateTime now) {
        return ledger.write(h -> {
            CommissionReport commission = CommissionService.report(h, month, now);
            Map<String, Long> paid = new HashMap<>();
            for (CommissionLine l : commission.lines()) {
                paid.merge(l.channel(), l.commissionFen(), Long::sum);
            }
            Map<String, Long> txns = transactions(h, month);
            return new Result(ChannelCost.compute(month, txns, paid, rates), commission);
        });
    }

    /** BOSS rows of the month per channel of their site (null key: sites the ledger does not know). */
    static Map<String, Long> transactions(Handle h, YearMonth month) {
        Map<String, Long> txns = new HashMap<>();
        h.createQuery("SELECT s.channel, SUM(a.rows_count) AS n FROM boss_activity a LEFT JOIN site s ON s.site_id = a.site_id "
                        + "WHERE a.day >= :from AND a.day < :to "
                        + "AND a.run_id = (SELECT MAX(b.run_id) FROM boss_activity b WHERE b.day = a.day AND b.site_id = a.site_id) "
                        + "GROUP BY s.channel")
                .bind("from", LocalTimes.format(month.atDay(1)))
                .bind("to", LocalTimes.format(month.plusMonths(1).atDay(1)))
                .map((rs, ctx) -> Map.entry(rs.getString("channel") == null ? "" : rs.getString("channel"), rs.getLong("n")))
                .forEach(e -> txns.merge(e.getKey().isEmpty() ? null : e.getKey(), e.getValue(), Long::sum));
        return txns;
    }
}
