package io.chanops.finance;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.confirmed.ConfirmedOrderRepository;
import io.chanops.reconcile.confirmed.ConfirmedSale;
import io.chanops.reconcile.confirmed.ConfirmedSales;
import io.chanops.reconcile.confirmed.LiveConfirmation;
import io.chanops.reconcile.confirmed.Reversal;
import java.nio.charset.Charset;
import java.nio.file.Path;
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
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

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
 *
 * <p>The ledger counts the month's orders by kind (site, SKU, day, amount: what decides a commission), so a month of a
 * million orders is computed from a few thousand groups; only orders with a cancellation are read one by one. The
 * lines of single orders are read only when asked for, and handed on one at a time. Commission is computed on {@code
 * ledger}, at the time and as the user of {@code context}.
 */
public record CommissionService(Ledger ledger, OperationContext context) {
    /** What a report did: the rule set its rule file became, if one was given, and the month's commission. */
    public record Outcome(Optional<RuleSetRepository.Loaded> rules, CommissionMonth report) {}

    /** Reads and validates a rule file (exit 4 with every located problem), outside any write transaction. */
    public RuleSetRepository.Validated readRules(Path file, Charset charset, Consumer<String> warn) {
        String sha = FileDigest.sha256(file);
        RuleFile.MasterData master = ledger.read(h -> new RuleSetRepository(h).masterData());
        return new RuleSetRepository.Validated(file, sha, RuleFile.read(file, charset, master, warn));
    }

    /** Reads a rule file and makes it the active set (unless it already is). */
    public RuleSetRepository.Loaded loadRules(Path file, Charset charset, Consumer<String> warn) {
        RuleSetRepository.Validated rules = readRules(file, charset, warn);
        LocalDateTime now = context.now();
        return ledger.write(h -> storeRules(h, rules, now));
    }

    /** Makes {@code rules} the active set within the caller's write transaction, as the acting user. */
    RuleSetRepository.Loaded storeRules(Handle h, RuleSetRepository.Validated rules, LocalDateTime now) {
        return new RuleSetRepository(h).store(rules, now, context.user());
    }

    /** Every rule set loaded so far, oldest first (the last one is active). */
    public List<RuleSetRepository.SetInfo> ruleSetHistory() {
        return ledger.read(h -> new RuleSetRepository(h).history());
    }

    /** The active rule set, or a clear refusal (exit 4) when none was ever loaded. */
    public RuleSetRepository.RuleSet activeRuleSet() {
        return ledger.read(h -> new RuleSetRepository(h).requireActive());
    }

    /** Rule set {@code setId}, if it exists. */
    public Optional<RuleSetRepository.RuleSet> ruleSet(long setId) {
        return ledger.read(h -> new RuleSetRepository(h).find(setId));
    }

    /** The month's commission with every line: its orders' lines, then the clawbacks booked in it. */
    public CommissionReport report(YearMonth month) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            CommissionMonth m = month(h, month, now);
            List<CommissionLine> lines = new ArrayList<>();
            m.forEachLine(lines::add);
            return new CommissionReport(
                    month, m.ruleSet(), List.copyOf(lines), m.unknownSites(), m.unknownSkus(), m.newClawbacks());
        });
    }

    /**
     * The month's commission in one transaction: with {@code rules}, that file first becomes the active set.
     * {@code beforeCommit} receives the month before anything (the rule set, new clawbacks) is committed: a command
     * writes and publishes its files there, so that a file which cannot be written leaves the ledger as it was
     * (SPEC §3.1); it may read the month's lines there ({@link CommissionMonth#forEachLine}), and only there.
     */
    public Outcome report(
            YearMonth month, Optional<RuleSetRepository.Validated> rules, Consumer<CommissionMonth> beforeCommit) {
        return report(month, rules, false, beforeCommit);
    }

    /**
     * As above; with {@code dryRun} the transaction is rolled back instead of committed (a what-if: the report under
     * {@code rules}, files included, with no rule set made active and no clawback booked).
     */
    public Outcome report(
            YearMonth month,
            Optional<RuleSetRepository.Validated> rules,
            boolean dryRun,
            Consumer<CommissionMonth> beforeCommit) {
        LocalDateTime now = context.now();
        HandleCallback<Outcome, RuntimeException> work = h -> {
            Optional<RuleSetRepository.Loaded> loaded = rules.map(r -> storeRules(h, r, now));
            CommissionMonth report = month(h, month, now);
            try {
                beforeCommit.accept(report);
            } finally {
                report.closeLines();
            }
            return new Outcome(loaded, report);
        };
        return dryRun ? ledger.writeAndRollBack(work) : ledger.write(work);
    }

    /** The month's commission within a caller's write transaction (the cost report uses the same computation). */
    CommissionMonth month(Handle h, YearMonth month, LocalDateTime now) {
        RuleSetRepository ruleSets = new RuleSetRepository(h);
        RuleSetRepository.RuleSet set = ruleSets.requireActive();
        RuleFile.MasterData master = ruleSets.masterData();
        ConfirmedOrderRepository confirmed = new ConfirmedOrderRepository(h);
        Map<String, Cancellation> cancellations = cancellations(confirmed);
        int booked = bookNewClawbacks(h, confirmed, set, master, cancellations, now);
        List<SaleGroup> sales = monthSales(confirmed, month, master, cancellations);
        CommissionCalculator.Month rules = CommissionCalculator.Month.of(sales, set.book());
        List<CommissionLine> clawbacks = bookedClawbacks(h, month);
        return new CommissionMonth(
                        month,
                        set,
                        sales,
                        rules,
                        clawbacks,
                        booked,
                        lines -> forEachSale(confirmed, month, master, cancellations, s -> lines.accept(rules.line(s))))
                .withSiteNames(siteNames(h));
    }

    private static Map<String, String> siteNames(Handle h) {
        Map<String, String> names = new HashMap<>();
        for (Site s : h.attach(SiteRepository.class).list()) {
            names.put(s.siteId(), s.name());
        }
        return names;
    }

    /**
     * A month's sales as commission counts them: the ledger's count by kind of all the month's sales, less those of
     * orders with a cancellation, which count one by one unless cancelled in the month itself.
     */
    private static List<SaleGroup> monthSales(
            ConfirmedOrderRepository confirmed,
            YearMonth month,
            RuleFile.MasterData master,
            Map<String, Cancellation> cancellations) {
        Map<Kind, long[]> byKind = new LinkedHashMap<>();
        for (ConfirmedSales k : confirmed.salesByKind(month)) {
            byKind.put(
                    new Kind(k.siteId(), k.sku(), k.orderDate(), k.bossNetFen()), new long[] {k.orders(), k.units()});
        }
        List<SaleGroup> singles = new ArrayList<>();
        for (ConfirmedSale c : confirmed.salesOfReversedOrders(month)) {
            long[] n = byKind.get(new Kind(c.siteId(), c.sku(), c.createdAt().toLocalDate(), c.bossNetFen()));
            if (n == null) {
                throw new IllegalStateException(
                        "confirmed_sale_count of " + month + " has no sale of the kind of order " + c.orderId()
                                + ": the counts no longer match confirmed_order (was it written other than through "
                                + "chanops?)");
            }
            n[0]--;
            n[1] -= c.qty();
            Sale s = sale(c, master);
            if (counts(s, cancellations)) {
                singles.add(SaleGroup.of(s));
            }
        }
        List<SaleGroup> groups = new ArrayList<>(byKind.size() + singles.size());
        byKind.forEach((k, n) -> {
            if (n[0] != 0) {
                groups.add(new SaleGroup(
                        k.siteId(),
                        channelOf(master, k.siteId()),
                        k.sku(),
                        typeOf(master, k.sku()),
                        k.orderDate(),
                        k.bossNetFen(),
                        n[0],
                        n[1]));
            }
        });
        groups.addAll(singles);
        return groups;
    }

    /** What the ledger counts sales by. */
    private record Kind(String siteId, String sku, LocalDate orderDate, long bossNetFen) {}

    /** The month's sales of orders with a cancellation (not in the month itself), by order. */
    private static Map<String, Sale> salesWithCancellation(
            ConfirmedOrderRepository confirmed,
            YearMonth month,
            RuleFile.MasterData master,
            Map<String, Cancellation> cancellations) {
        Map<String, Sale> sales = new LinkedHashMap<>();
        for (ConfirmedSale c : confirmed.salesOfReversedOrders(month)) {
            Sale s = sale(c, master);
            if (counts(s, cancellations)) {
                sales.put(s.orderId(), s);
            }
        }
        return sales;
    }

    /** False for an order cancelled in its own month: it earns nothing. */
    private static boolean counts(Sale s, Map<String, Cancellation> cancellations) {
        Cancellation c = cancellations.get(s.orderId());
        return c == null || !Clawbacks.voidsOwnMonth(s, c);
    }

    private static Sale sale(ConfirmedSale c, RuleFile.MasterData master) {
        return new Sale(
                c.orderId(),
                c.createdAt(),
                c.siteId(),
                channelOf(master, c.siteId()),
                c.sku(),
                typeOf(master, c.sku()),
                c.qty(),
                c.bossNetFen());
    }

    private static String channelOf(RuleFile.MasterData master, String siteId) {
        return siteId == null ? null : master.siteChannels().get(siteId);
    }

    private static String typeOf(RuleFile.MasterData master, String sku) {
        return sku == null ? null : master.skuTypes().get(sku);
    }

    /**
     * Hands every counted sale of the month to {@code action}, by creation time, then order id: the ledger gives them
     * by creation time, and the few created in the same second are put in order here.
     */
    private static void forEachSale(
            ConfirmedOrderRepository confirmed,
            YearMonth month,
            RuleFile.MasterData master,
            Map<String, Cancellation> cancellations,
            Consumer<Sale> action) {
        List<Sale> sameSecond = new ArrayList<>();
        Comparator<Sale> byOrderId = Comparator.comparing(Sale::orderId);
        confirmed.forEachSale(month, c -> {
            Sale s = sale(c, master);
            if (!counts(s, cancellations)) {
                return;
            }
            if (!sameSecond.isEmpty() && !sameSecond.get(0).createdAt().equals(s.createdAt())) {
                emit(sameSecond, byOrderId, action);
            }
            sameSecond.add(s);
        });
        emit(sameSecond, byOrderId, action);
    }

    private static void emit(List<Sale> sameSecond, Comparator<Sale> order, Consumer<Sale> action) {
        sameSecond.sort(order);
        sameSecond.forEach(action);
        sameSecond.clear();
    }

    /** Per order, its earliest cancellation evidence. */
    private static Map<String, Cancellation> cancellations(ConfirmedOrderRepository confirmed) {
        Map<String, Cancellation> first = new HashMap<>();
        for (Reversal r : confirmed.reversals()) {
            LocalDate created = r.createdAt().toLocalDate();
            LocalDate on = r.bossAcceptedAt() != null
                    ? r.bossAcceptedAt().toLocalDate()
                    : dateTime(r.runAt()).toLocalDate();
            // a reversal dated before the order (clock skew between systems) counts as the order day
            if (on.isBefore(created)) {
                on = created;
            }
            Cancellation c = new Cancellation(r.orderId(), on, r.platformStatus(), r.runId());
            first.merge(c.orderId(), c, (a, b) -> b.cancelledOn().isBefore(a.cancelledOn()) ? b : a);
        }
        return first;
    }

    /**
     * Books every clawback not booked yet: orders with cancellation evidence that were once confirmed live, whose
     * cancellation falls in a later month than the order, within the rule's window.
     */
    private static int bookNewClawbacks(
            Handle h,
            ConfirmedOrderRepository confirmed,
            RuleSetRepository.RuleSet set,
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
        // checks below: look only at that span.
        LocalDate from = LocalDate.MAX;
        LocalDate to = LocalDate.MIN;
        for (Cancellation c : cancellations.values()) {
            from = min(from, c.cancelledOn().minusDays(maxDays));
            to = max(to, Clawbacks.bookedIn(c).atDay(1));
        }
        for (LiveConfirmation o : confirmed.liveConfirmationsOfReversedOrders(from, to)) {
            Cancellation c = cancellations.get(o.orderId());
            if (c == null || alreadyBooked.contains(o.orderId())) {
                continue;
            }
            LocalDate created = o.createdAt().toLocalDate();
            YearMonth orderMonth = YearMonth.from(created);
            if (Clawbacks.bookedIn(c).isAfter(orderMonth)
                    && ChronoUnit.DAYS.between(created, c.cancelledOn()) <= maxDays) {
                candidates.putIfAbsent(o.orderId(), orderMonth);
            }
        }
        Map<YearMonth, PaidMonth> paidMonths = new HashMap<>();
        int booked = 0;
        for (Map.Entry<String, YearMonth> e : candidates.entrySet()) {
            PaidMonth paidMonth = paidMonths.computeIfAbsent(
                    e.getValue(), m -> PaidMonth.of(confirmed, m, master, cancellations, set));
            Sale sale = paidMonth.sales().get(e.getKey());
            Optional<CommissionRule> rule =
                    sale == null ? Optional.empty() : paidMonth.rules().rule(sale);
            Cancellation c = cancellations.get(e.getKey());
            // which rule, and whether it can claw back, never depend on the rest of the month (its tiers only on it)
            if (rule.isEmpty() || !Clawbacks.inWindow(rule.get(), sale.orderDate(), c)) {
                continue;
            }
            Optional<CommissionLine> clawback = Clawbacks.of(paidMonth.rules().line(sale), rule.get(), c);
            if (clawback.isPresent()) {
                record(h, clawback.get(), c, set.setId(), now);
                booked++;
            }
        }
        return booked;
    }

    /**
     * What an earlier month paid its orders with a cancellation: their sales, under that month's rules at work (the
     * whole month is read only if a tiered rule needs its units).
     */
    private record PaidMonth(Map<String, Sale> sales, CommissionCalculator.Month rules) {
        static PaidMonth of(
                ConfirmedOrderRepository confirmed,
                YearMonth month,
                RuleFile.MasterData master,
                Map<String, Cancellation> cancellations,
                RuleSetRepository.RuleSet set) {
            return new PaidMonth(
                    salesWithCancellation(confirmed, month, master, cancellations),
                    CommissionCalculator.Month.of(
                            () -> monthSales(confirmed, month, master, cancellations), set.book()));
        }
    }

    private static void record(Handle h, CommissionLine l, Cancellation c, long setId, LocalDateTime now) {
        h.createUpdate("INSERT INTO commission_clawback (order_id, month, order_date, site_id, channel, sku, type, "
                        + "rule_id, basis, units, amount_fen, commission_fen, cancelled_on, platform_status, "
                        + "found_run_id, set_id, explain, recorded_at) VALUES (:order, :month, :date, :site, "
                        + ":channel, :sku, :type, :rule, :basis, :units, :amount, :commission, :cancelled, "
                        + ":status, :run, :set, :explain, :at) ON CONFLICT (order_id) DO NOTHING")
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
                                + "commission_fen, explain FROM commission_clawback WHERE month = :month ORDER BY "
                                + "cancelled_on, order_id")
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
