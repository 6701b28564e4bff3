package io.chanops.finance;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.confirmed.ConfirmedOrder;
import io.chanops.reconcile.confirmed.ConfirmedOrders;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Computes a month's commission from what reconciliation confirmed, in one ledger transaction.
 *
 * <p>Which orders count: orders created in the month that some reconcile run confirmed live (MATCHED, platform paid or
 * completed, BOSS group live), each once, with the facts of the latest run that confirmed it. The amount is the BOSS
 * net of the order's group (BOSS is the book of record). An order cancelled in its own month earns nothing.
 *
 * <p>Clawbacks: an order confirmed live and later shown cancelled/refunded by a MATCHED row whose BOSS group was
 * reversed (see {@link Cancellation}) in a later month, within its rule's clawback window, is booked once in
 * {@code commission_clawback} with minus the commission its month paid; the first computation that sees it books it,
 * and it is never booked again, whatever later runs show. Discrepancies (e.g. STATUS_MISMATCH: platform cancelled but
 * BOSS still live) do not claw back: BOSS has not reversed the sale, so finance must settle the discrepancy first.
 */
public final class CommissionService {
    private CommissionService() {}

    /** What a report did: the rule set its rule file became, if one was given, and the report. */
    public record Outcome(Optional<RuleSets.Loaded> rules, CommissionReport report) {}

    public static CommissionReport report(Ledger ledger, YearMonth month, LocalDateTime now) {
        return ledger.write(h -> report(h, month, now));
    }

    /**
     * The report of {@code month} in one transaction: with {@code rules}, that file first becomes the active set.
     * {@code beforeCommit} receives the report before anything (the rule set, new clawbacks) is committed: a command
     * writes and publishes its files there, so that a file which cannot be written leaves the ledger as it was
     * (SPEC §3.1).
     */
    public static Outcome report(
            Ledger ledger,
            YearMonth month,
            LocalDateTime now,
            Optional<RuleSets.Validated> rules,
            Consumer<CommissionReport> beforeCommit) {
        return ledger.write(h -> {
            Optional<RuleSets.Loaded> loaded = rules.map(r -> RuleSets.store(h, r, now));
            CommissionReport report = report(h, month, now);
            beforeCommit.accept(report);
            return new Outcome(loaded, report);
        });
    }

    /** Within a caller's write transaction (the cost report uses the same computation). */
    public static CommissionReport report(Handle h, YearMonth month, LocalDateTime now) {
        RuleSets.RuleSet set = RuleSets.requireActive(h);
        RuleFile.MasterData master = RuleSets.masterData(h);
        Map<String, Cancellation> cancellations = cancellations(h);
        int booked = bookNewClawbacks(h, set, master, cancellations, now);
        List<Sale> sales = sales(h, month, master, cancellations);
        List<CommissionLine> lines = new ArrayList<>(CommissionCalculator.compute(sales, set.book()));
        lines.addAll(bookedClawbacks(h, month));
        TreeSet<String> unknownSites = new TreeSet<>();
        sales.stream()
                .filter(s -> !s.siteKnown())
                .forEach(s -> unknownSites.add(s.siteId() == null ? "(no site)" : s.siteId()));
        TreeSet<String> unknownSkus = new TreeSet<>();
        sales.stream().filter(s -> s.type() == null).forEach(s -> unknownSkus.add(String.valueOf(s.sku())));
        return new CommissionReport(
                month, set, List.copyOf(lines), List.copyOf(unknownSites), List.copyOf(unknownSkus), booked);
    }

    /** Orders created in {@code month} confirmed live, each once (latest run), minus those cancelled in the month. */
    static List<Sale> sales(
            Handle h, YearMonth month, RuleFile.MasterData master, Map<String, Cancellation> cancellations) {
        Map<String, ConfirmedOrder> latest = new HashMap<>();
        // chunks come in run order: a later run's confirmation replaces an earlier one
        ConfirmedOrders.forEach(
                h,
                ConfirmedOrders.Filter.all()
                        .createdIn(
                                seconds(month.atDay(1)),
                                seconds(month.plusMonths(1).atDay(1)))
                        .live(),
                o -> latest.merge(o.orderId(), o, (a, b) -> b.runId() > a.runId() ? b : a));
        List<ConfirmedOrder> orders = new ArrayList<>(latest.values());
        orders.sort(Comparator.comparing(ConfirmedOrder::orderId, ConfirmedOrders.TEXT_ORDER));
        List<Sale> sales = new ArrayList<>(orders.size());
        for (ConfirmedOrder o : orders) {
            String site = o.siteId();
            String sku = o.sku();
            Sale s = new Sale(
                    o.orderId(),
                    BossDateTime.toLocal(o.createdAt()),
                    site,
                    site == null ? null : master.siteChannels().get(site),
                    sku,
                    sku == null ? null : master.skuTypes().get(sku),
                    o.qty(),
                    o.bossNetFen());
            Cancellation c = cancellations.get(s.orderId());
            if (c == null || !Clawbacks.voidsOwnMonth(s, c)) {
                sales.add(s);
            }
        }
        return sales;
    }

    /** Per order, its earliest cancellation evidence. */
    static Map<String, Cancellation> cancellations(Handle h) {
        Map<Long, String> runAt = new HashMap<>();
        h.createQuery("SELECT run_id, run_at FROM reconcile_run")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> runAt.put(e.getKey(), e.getValue()));
        Map<String, Cancellation> first = new HashMap<>();
        ConfirmedOrders.forEach(h, ConfirmedOrders.Filter.all().cancelled(), o -> {
            LocalDate created = BossDateTime.toLocal(o.createdAt()).toLocalDate();
            LocalDate on = o.bossAcceptedAt() != ConfirmedOrder.NO_TIME
                    ? BossDateTime.toLocal(o.bossAcceptedAt()).toLocalDate()
                    : dateTime(runAt.get(o.runId())).toLocalDate();
            // a reversal dated before the order (clock skew between systems) counts as the order day
            if (on.isBefore(created)) {
                on = created;
            }
            Cancellation c = new Cancellation(o.orderId(), on, o.platformStatus(), o.runId());
            first.merge(c.orderId(), c, (a, b) -> b.cancelledOn().isBefore(a.cancelledOn()) ? b : a);
        });
        return first;
    }

    /**
     * Books every clawback not booked yet: orders with cancellation evidence that were once confirmed live, whose
     * cancellation falls in a later month than the order, within the rule's window.
     */
    private static int bookNewClawbacks(
            Handle h,
            RuleSets.RuleSet set,
            RuleFile.MasterData master,
            Map<String, Cancellation> cancellations,
            LocalDateTime now) {
        // no rule can claw back later than this: older cancellations need no look (keeps each report's work bounded)
        int maxDays = set.book().rules().stream()
                .map(CommissionRule::clawbackDays)
                .filter(d -> d != null)
                .max(Integer::compare)
                .orElse(-1);
        if (cancellations.isEmpty() || maxDays < 0) {
            return 0;
        }
        Map<String, YearMonth> candidates = new LinkedHashMap<>();
        Set<String> alreadyBooked = new HashSet<>(h.createQuery("SELECT order_id FROM commission_clawback")
                .mapTo(String.class)
                .list());
        // Only a live confirmation created within maxDays before a cancellation, in an earlier month, can pass the
        // checks below: read just the chunks that overlap that span.
        LocalDate from = LocalDate.MAX;
        LocalDate to = LocalDate.MIN;
        for (Cancellation c : cancellations.values()) {
            from = min(from, c.cancelledOn().minusDays(maxDays));
            to = max(to, Clawbacks.bookedIn(c).atDay(1));
        }
        ConfirmedOrders.forEach(
                h,
                ConfirmedOrders.Filter.all()
                        .createdIn(seconds(from), seconds(to))
                        .live(),
                o -> {
                    Cancellation c = cancellations.get(o.orderId());
                    if (c == null || alreadyBooked.contains(o.orderId())) {
                        return;
                    }
                    LocalDate created = BossDateTime.toLocal(o.createdAt()).toLocalDate();
                    YearMonth orderMonth = YearMonth.from(created);
                    if (Clawbacks.bookedIn(c).isAfter(orderMonth)
                            && ChronoUnit.DAYS.between(created, c.cancelledOn()) <= maxDays) {
                        candidates.putIfAbsent(o.orderId(), orderMonth);
                    }
                });
        Map<YearMonth, Map<String, CommissionLine>> monthLines = new HashMap<>();
        int booked = 0;
        for (Map.Entry<String, YearMonth> e : candidates.entrySet()) {
            Map<String, CommissionLine> paidLines = monthLines.computeIfAbsent(
                    e.getValue(),
                    m -> byOrder(CommissionCalculator.compute(sales(h, m, master, cancellations), set.book())));
            Optional<CommissionLine> paid = Optional.ofNullable(paidLines.get(e.getKey()));
            if (paid.isEmpty() || paid.get().ruleId() == null) {
                continue;
            }
            Cancellation c = cancellations.get(e.getKey());
            Optional<CommissionRule> rule = set.book().rule(paid.get().ruleId());
            Optional<CommissionLine> clawback = rule.flatMap(r -> Clawbacks.of(paid.get(), r, c));
            if (clawback.isPresent()) {
                record(h, clawback.get(), c, set.setId(), now);
                booked++;
            }
        }
        return booked;
    }

    private static Map<String, CommissionLine> byOrder(List<CommissionLine> lines) {
        Map<String, CommissionLine> map = new HashMap<>(lines.size() * 2);
        lines.forEach(l -> map.put(l.orderId(), l));
        return map;
    }

    private static void record(Handle h, CommissionLine l, Cancellation c, long setId, LocalDateTime now) {
        h.createUpdate(
                        "INSERT INTO commission_clawback (order_id, month, order_date, site_id, channel, sku, type, rule_id, basis, "
                                + "units, amount_fen, commission_fen, cancelled_on, platform_status, found_run_id, set_id, explain, recorded_at) "
                                + "VALUES (:order, :month, :date, :site, :channel, :sku, :type, :rule, :basis, :units, :amount, :commission, "
                                + ":cancelled, :status, :run, :set, :explain, :at) ON CONFLICT (order_id) DO NOTHING")
                .bind("order", l.orderId())
                .bind("month", Clawbacks.bookedIn(c).toString())
                .bind("date", l.orderDate().toString())
                .bind("site", l.siteId())
                .bind("channel", l.channel())
                .bind("sku", l.sku())
                .bind("type", l.type())
                .bind("rule", l.ruleId())
                .bind("basis", l.basis().toString())
                .bind("units", l.units())
                .bind("amount", l.amountFen())
                .bind("commission", l.commissionFen())
                .bind("cancelled", c.cancelledOn().toString())
                .bind("status", c.status())
                .bind("run", c.runId())
                .bind("set", setId)
                .bind("explain", l.explain())
                .bind("at", LocalTimes.format(now))
                .execute();
    }

    static List<CommissionLine> bookedClawbacks(Handle h, YearMonth month) {
        return h.createQuery(
                        "SELECT order_id, order_date, site_id, channel, sku, type, rule_id, basis, units, amount_fen, "
                                + "commission_fen, explain FROM commission_clawback WHERE month = :month ORDER BY cancelled_on, order_id")
                .bind("month", month.toString())
                .map((rs, ctx) -> new CommissionLine(
                        rs.getString("order_id"),
                        LocalDate.parse(rs.getString("order_date")),
                        rs.getString("site_id"),
                        rs.getString("channel"),
                        rs.getString("sku"),
                        rs.getString("type"),
                        rs.getString("rule_id"),
                        Basis.parse(rs.getString("basis")).orElseThrow(),
                        rs.getLong("units"),
                        rs.getLong("amount_fen"),
                        rs.getLong("commission_fen"),
                        rs.getString("explain"),
                        true))
                .list();
    }

    private static long seconds(LocalDate day) {
        return day.toEpochDay() * 86_400L;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime dateTime(String text) {
        return LocalTimes.parseDateTimeOrDate(text)
                .orElseThrow(() -> new IllegalStateException("reconcile_run: unreadable run time '" + text + "'"));
    }
}
