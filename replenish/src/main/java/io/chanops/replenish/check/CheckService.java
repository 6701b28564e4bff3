package io.chanops.replenish.check;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderIds;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderRepository;
import io.chanops.replenish.policy.PolicyRepository;
import io.chanops.replenish.policy.ReviewCycle;
import io.chanops.replenish.policy.ReviewPeriod;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies {@link Check} to the ledger in one write transaction. Built for 1.5M positions: the database selects only
 * the positions where an inequality can fire (on hand &lt; L, or review due and inventory position &lt; R), orders
 * are written in batches, and the review record is one set-based update per review period. Because the whole run
 * holds the ledger's write lock, two checks started at the same moment run one after the other and the second sees
 * the first one's orders and reviews: it never raises the same order twice.
 */
public record CheckService(
        Ledger ledger,
        PolicyRepository policies,
        OrderRepository orders,
        SiteRepository sites,
        OperationContext context) {
    public enum Scope {
        FULL("full"),
        EMERGENCY("emergency"),
        IMPORT("import");

        private final String code;

        Scope(String code) {
            this.code = code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** Up to this many touched positions, an import's emergency step looks them up one by one instead of scanning. */
    private static final int POINT_LOOKUPS = 5_000;

    /** The service on {@code ledger}'s repositories. */
    public static CheckService of(Ledger ledger, OperationContext context) {
        return new CheckService(
                ledger,
                ledger.repository(PolicyRepository.class),
                ledger.repository(OrderRepository.class),
                ledger.repository(SiteRepository.class),
                context);
    }

    /** {@code replenish check [--emergency-only]} at the context's time: one transaction. */
    public CheckReport run(CheckSettings settings, boolean emergencyOnly) {
        return run(settings, emergencyOnly, report -> {});
    }

    /** As above; {@code beforeCommit} receives the report before it is committed (a command writes its files there). */
    public CheckReport run(CheckSettings settings, boolean emergencyOnly, Consumer<CheckReport> beforeCommit) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            CheckReport report = run(now, settings, emergencyOnly ? Scope.EMERGENCY : Scope.FULL, null);
            beforeCommit.accept(report);
            return report;
        });
    }

    /**
     * What {@link #run(CheckSettings, boolean)} would raise now, in a transaction rolled back: the same decisions, on
     * the same state of the ledger (under the write lock), and nothing written. The report's order ids and run id are
     * those the check would take.
     */
    public CheckReport preview(CheckSettings settings, boolean emergencyOnly) {
        LocalDateTime now = context.now();
        return ledger.writeAndRollBack(h -> run(now, settings, emergencyOnly ? Scope.EMERGENCY : Scope.FULL, null));
    }

    /** The emergency step for the positions a stock import touched; called inside the import's transaction. */
    public CheckReport afterImport(Set<Position> touched, CheckSettings settings) {
        return run(context.now(), settings, Scope.IMPORT, touched);
    }

    /**
     * What the emergency step after a stock import would raise, the touched positions' on hand being {@code onHand}
     * (the levels the import would set), reading only: the decisions {@link #afterImport} would take once those levels
     * were written. The report's order ids and run id are those the import would take.
     */
    public CheckReport previewAfterImport(Map<Position, Long> onHand, CheckSettings settings) {
        LocalDateTime now = context.now();
        List<ReviewPeriod> periods = periods(settings, now.toLocalDate());
        Decisions d = decide(now, settings, false, candidates(periods, false, onHand.keySet(), onHand));
        return new CheckReport(d.runId(), Scope.IMPORT.toString(), onHand.size(), 0, d.rows());
    }

    private record Candidate(Check.PositionInput input, String warehouse) {}

    /** What a run decided: the rows of its report, and the orders to raise and escalate under its run id. */
    private record Decisions(
            long runId,
            List<CheckReport.Row> rows,
            List<OrderRepository.NewOrder> raised,
            List<OrderRepository.Escalation> escalated) {}

    private CheckReport run(LocalDateTime now, CheckSettings settings, Scope scope, Set<Position> only) {
        boolean review = scope == Scope.FULL;
        String nowText = LocalTimes.format(now);
        List<ReviewPeriod> periods = periods(settings, now.toLocalDate());
        Decisions d = decide(now, settings, review, candidates(periods, review, only, Map.of()));
        orders.raise(d.raised());
        orders.escalate(d.escalated());
        long reviewed = review ? recordReviews(periods, nowText, d.runId()) : 0;
        long positions = only != null ? only.size() : policies.count();
        CheckReport report = new CheckReport(d.runId(), scope.toString(), positions, reviewed, d.rows());
        orders.recordRun(
                d.runId(),
                nowText,
                scope.toString(),
                positions,
                reviewed,
                report.count(Check.Action.RAISED, OrderKind.REGULAR),
                report.count(Check.Action.RAISED, OrderKind.EMERGENCY),
                report.count(Check.Action.ESCALATED, OrderKind.EMERGENCY),
                context.user());
        return report;
    }

    /**
     * The positions to decide on, in (site, SKU) order: those of {@code only} (every position when null) where an
     * inequality can fire, with their policy, on hand (from {@code onHand} where it has the position, else the
     * ledger's) and open orders.
     */
    private List<Candidate> candidates(
            List<ReviewPeriod> periods, boolean review, Set<Position> only, Map<Position, Long> onHand) {
        Map<Position, List<Check.OpenOrder>> open = openOrders();
        Map<String, String> warehouses = new HashMap<>();
        sites.list().forEach(s -> warehouses.put(s.siteId(), s.warehouse()));
        List<Candidate> candidates = new ArrayList<>();
        Consumer<PolicyRepository.Candidate> collect = c -> {
            Position pos = new Position(c.siteId(), c.sku());
            if (only != null && !only.contains(pos)) {
                return;
            }
            List<Check.OpenOrder> orders = open.getOrDefault(pos, List.of());
            long onOrder = 0;
            for (Check.OpenOrder o : orders) {
                onOrder += o.outstanding();
            }
            candidates.add(new Candidate(
                    new Check.PositionInput(
                            pos.siteId(),
                            pos.sku(),
                            c.policy(),
                            onHand.getOrDefault(pos, c.onHand()),
                            onOrder,
                            c.reviewDue(),
                            orders),
                    warehouses.get(pos.siteId())));
        };
        if (periods.isEmpty()) {
            // no policy at all: nothing can fire
        } else if (only != null && only.size() <= POINT_LOOKUPS) {
            for (Position pos : only) {
                policies.checkCandidate(periods, pos.siteId(), pos.sku()).ifPresent(collect);
            }
        } else {
            // the database's pre-filter reads the ledger's on hand: with other levels given, every policy is read
            policies.forEachCheckCandidate(periods, review, !onHand.isEmpty(), collect);
        }
        // Ids follow (site, SKU) order, so the same ledger always numbers its orders the same way.
        candidates.sort(Comparator.comparing((Candidate c) -> c.input().siteId())
                .thenComparing(c -> c.input().sku()));
        return candidates;
    }

    /** Applies {@link Check#decide} to each candidate, numbering the orders it would raise; writes nothing. */
    private Decisions decide(LocalDateTime now, CheckSettings settings, boolean review, List<Candidate> candidates) {
        LocalDate today = now.toLocalDate();
        String nowText = LocalTimes.format(now);
        long runId = orders.nextRunId();
        OrderIds ids = OrderIds.startAt(orders, today);
        List<CheckReport.Row> rows = new ArrayList<>();
        List<OrderRepository.NewOrder> raised = new ArrayList<>();
        List<OrderRepository.Escalation> escalated = new ArrayList<>();
        for (Candidate c : candidates) {
            Check.Outcome outcome = Check.decide(c.input(), now, settings, review);
            if (outcome.decision().isEmpty()) {
                continue;
            }
            Check.Decision d = outcome.decision().get();
            String due = d.dueDate().toString();
            if (d.action() == Check.Action.RAISED) {
                String id = ids.next();
                raised.add(new OrderRepository.NewOrder(
                        id, d.siteId(), d.sku(), d.kind(), d.qty(), nowText, due, c.warehouse(), d.reason(), runId));
                rows.add(new CheckReport.Row(
                        id,
                        d.siteId(),
                        d.sku(),
                        d.kind(),
                        d.qty(),
                        d.qty(),
                        due,
                        c.warehouse(),
                        d.action(),
                        d.reason()));
            } else {
                long total = c.input().openOrders().stream()
                                .filter(o -> o.orderId().equals(d.escalatedOrderId()))
                                .mapToLong(Check.OpenOrder::qty)
                                .sum()
                        + d.qty();
                escalated.add(new OrderRepository.Escalation(d.escalatedOrderId(), d.qty(), due, nowText, d.reason()));
                rows.add(new CheckReport.Row(
                        d.escalatedOrderId(),
                        d.siteId(),
                        d.sku(),
                        d.kind(),
                        d.qty(),
                        total,
                        due,
                        c.warehouse(),
                        d.action(),
                        d.reason()));
            }
        }
        return new Decisions(runId, List.copyOf(rows), raised, escalated);
    }

    /** The review periods in use with their current cycle and its review mark, if the cycle was reviewed. */
    private List<ReviewPeriod> periods(CheckSettings settings, LocalDate today) {
        List<ReviewPeriod> out = new ArrayList<>();
        for (int t : policies.periodsInUse()) {
            LocalDate start = new ReviewCycle(settings.anchor(), t).startOf(today);
            out.add(new ReviewPeriod(
                    t, start, policies.reviewMark(t, start.toString()).orElse(null)));
        }
        return out;
    }

    /**
     * Records the review of every due position: the first full check of a period's cycle writes one review mark that
     * covers every policy of that period existing now; a policy created (or given a new t) after its cycle's mark is
     * marked reviewed on its own. Returns how many positions were reviewed.
     */
    private long recordReviews(List<ReviewPeriod> periods, String nowText, long runId) {
        long n = 0;
        for (ReviewPeriod p : periods) {
            String start = p.cycleStart().toString();
            if (p.markAt() == null) {
                n += policies.coveredByMark(p.t(), nowText, start);
                policies.markReviewed(p.t(), start, nowText, runId);
            } else {
                n += policies.reviewNewerThanMark(p.t(), start, p.markAt());
            }
        }
        return n;
    }

    /** Every order still on order, by position, as the check sees them. */
    private Map<Position, List<Check.OpenOrder>> openOrders() {
        Map<Position, List<Check.OpenOrder>> open = new HashMap<>();
        for (Order o : orders.onOrder()) {
            open.computeIfAbsent(new Position(o.siteId(), o.sku()), k -> new ArrayList<>())
                    .add(new Check.OpenOrder(
                            o.orderId(), o.kind(), o.status(), o.qty(), o.outstanding(), o.raisedAt()));
        }
        return open;
    }
}
