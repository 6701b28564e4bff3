package io.chanops.replenish.check;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.orders.OrderIds;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.ReviewCycle;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Applies {@link Check} to the ledger in one write transaction. Built for 1.5M positions: the database selects only
 * the positions where an inequality can fire (on hand &lt; L, or review due and inventory position &lt; R), orders
 * are written in batches, and the review record is one set-based update per review period. Because the whole run
 * holds the ledger's write lock, two checks started at the same moment run one after the other and the second sees
 * the first one's orders and reviews: it never raises the same order twice.
 */
public final class CheckService {
    public enum Scope {
        FULL("full"), EMERGENCY("emergency"), IMPORT("import");

        private final String code;

        Scope(String code) {
            this.code = code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    private static final String CANDIDATES = """
            SELECT p.site_id, p.sku, p.t_days, p.r_level, p.s_level, p.l_level,
                   COALESCE(l.on_hand, 0) AS on_hand, COALESCE(o.on_order, 0) AS on_order,
                   CASE WHEN p.next_review_on IS NULL OR p.next_review_on <= :today THEN 1 ELSE 0 END AS review_due,
                   s.warehouse
            FROM policy p
            LEFT JOIN stock_level l ON l.site_id = p.site_id AND l.sku = p.sku
            LEFT JOIN (SELECT site_id, sku, SUM(qty - received_qty) AS on_order FROM replenishment_order
                       WHERE status IN ('open', 'planned', 'shipped') GROUP BY site_id, sku) o
                   ON o.site_id = p.site_id AND o.sku = p.sku
            LEFT JOIN site s ON s.site_id = p.site_id
            WHERE COALESCE(l.on_hand, 0) < p.l_level
               OR (:review = 1 AND (p.next_review_on IS NULL OR p.next_review_on <= :today)
                   AND COALESCE(l.on_hand, 0) + COALESCE(o.on_order, 0) < p.r_level)
            """;

    private CheckService() {
    }

    /** {@code replenish check [--emergency-only]}: one transaction. */
    public static CheckReport run(Ledger ledger, LocalDateTime now, CheckSettings settings, boolean emergencyOnly) {
        return ledger.write(h -> run(h, now, settings, emergencyOnly ? Scope.EMERGENCY : Scope.FULL, null));
    }

    /** The emergency step for the positions a stock import touched, inside the import's transaction. */
    public static CheckReport afterImport(Handle h, Set<Position> touched, LocalDateTime now, CheckSettings settings) {
        return run(h, now, settings, Scope.IMPORT, touched);
    }

    private record Candidate(Check.PositionInput input, String warehouse) {
    }

    static CheckReport run(Handle h, LocalDateTime now, CheckSettings settings, Scope scope, Set<Position> only) {
        boolean review = scope == Scope.FULL;
        LocalDate today = now.toLocalDate();
        String todayText = today.toString();
        String nowText = LocalTimes.format(now);
        Map<Position, List<Check.OpenOrder>> open = openOrders(h);
        List<Candidate> candidates = new ArrayList<>();
        h.createQuery(CANDIDATES).bind("today", todayText).bind("review", review ? 1 : 0)
                .map((rs, ctx) -> {
                    Position pos = new Position(rs.getString("site_id"), rs.getString("sku"));
                    if (only != null && !only.contains(pos)) {
                        return null;
                    }
                    Policy policy = new Policy(rs.getInt("t_days"), rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level"));
                    candidates.add(new Candidate(new Check.PositionInput(pos.siteId(), pos.sku(), policy, rs.getLong("on_hand"),
                            rs.getLong("on_order"), rs.getInt("review_due") == 1, open.getOrDefault(pos, List.of())),
                            rs.getString("warehouse")));
                    return null;
                })
                .forEach(x -> { });

        // Ids follow (site, SKU) order, so the same ledger always numbers its orders the same way.
        candidates.sort(java.util.Comparator.comparing((Candidate c) -> c.input().siteId()).thenComparing(c -> c.input().sku()));
        long runId = Ids.next(h, "check_run", "run_id");
        OrderIds ids = OrderIds.startAt(h, today);
        List<CheckReport.Row> rows = new ArrayList<>();
        PreparedBatch insert = h.prepareBatch("INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, received_qty, "
                + "status, raised_at, due_date, warehouse, updated_at, reason, run_id) VALUES (?, ?, ?, ?, ?, 0, 'open', ?, ?, ?, ?, ?, ?)");
        PreparedBatch escalate = h.prepareBatch("UPDATE replenishment_order SET kind = 'emergency', qty = qty + ?, due_date = ?, "
                + "escalated_at = ?, updated_at = ?, reason = COALESCE(reason, '') || '; ' || ? WHERE order_id = ?");
        int pendingInsert = 0;
        int pendingEscalate = 0;
        for (Candidate c : candidates) {
            Check.Outcome outcome = Check.decide(c.input(), now, settings, review);
            if (outcome.decision().isEmpty()) {
                continue;
            }
            Check.Decision d = outcome.decision().get();
            if (d.action() == Check.Action.RAISED) {
                String id = ids.next();
                insert.bind(0, id).bind(1, d.siteId()).bind(2, d.sku()).bind(3, d.kind().toString()).bind(4, d.qty())
                        .bind(5, nowText).bind(6, d.dueDate().toString()).bind(7, c.warehouse()).bind(8, nowText)
                        .bind(9, d.reason()).bind(10, runId).add();
                rows.add(new CheckReport.Row(id, d.siteId(), d.sku(), d.kind(), d.qty(), d.qty(), d.dueDate().toString(),
                        c.warehouse(), d.action(), d.reason()));
                if (++pendingInsert == 10_000) {
                    insert.execute();
                    pendingInsert = 0;
                }
            } else {
                long total = c.input().openOrders().stream().filter(o -> o.orderId().equals(d.escalatedOrderId()))
                        .mapToLong(Check.OpenOrder::qty).sum() + d.qty();
                escalate.bind(0, d.qty()).bind(1, d.dueDate().toString()).bind(2, nowText).bind(3, nowText)
                        .bind(4, d.reason()).bind(5, d.escalatedOrderId()).add();
                rows.add(new CheckReport.Row(d.escalatedOrderId(), d.siteId(), d.sku(), d.kind(), d.qty(), total,
                        d.dueDate().toString(), c.warehouse(), d.action(), d.reason()));
                if (++pendingEscalate == 10_000) {
                    escalate.execute();
                    pendingEscalate = 0;
                }
            }
        }
        if (pendingInsert > 0) {
            insert.execute();
        }
        if (pendingEscalate > 0) {
            escalate.execute();
        }
        long reviewed = review ? recordReviews(h, settings, today, nowText) : 0;
        long positions = only != null ? only.size()
                : h.createQuery("SELECT COUNT(*) FROM policy").mapTo(Long.class).one();
        CheckReport report = new CheckReport(runId, scope.toString(), positions, reviewed, List.copyOf(rows));
        h.createUpdate("INSERT INTO check_run (run_id, at, scope, positions, reviewed, regular, emergency, escalated, os_user) "
                        + "VALUES (:id, :at, :scope, :positions, :reviewed, :regular, :emergency, :escalated, :user)")
                .bind("id", runId).bind("at", nowText).bind("scope", scope.toString()).bind("positions", positions)
                .bind("reviewed", reviewed)
                .bind("regular", report.count(Check.Action.RAISED, OrderKind.REGULAR))
                .bind("emergency", report.count(Check.Action.RAISED, OrderKind.EMERGENCY))
                .bind("escalated", report.count(Check.Action.ESCALATED, OrderKind.EMERGENCY))
                .bind("user", System.getProperty("user.name", "unknown"))
                .execute();
        return report;
    }

    /**
     * Marks every due position reviewed for the current cycle: one update per review period t (each period has one
     * next-cycle start for today), instead of one statement per position.
     */
    private static long recordReviews(Handle h, CheckSettings settings, LocalDate today, String nowText) {
        List<Integer> periods = h.createQuery("SELECT DISTINCT t_days FROM policy WHERE next_review_on IS NULL OR next_review_on <= :today")
                .bind("today", today.toString()).mapTo(Integer.class).list();
        long n = 0;
        for (int t : periods) {
            LocalDate next = new ReviewCycle(settings.anchor(), t).nextStart(today);
            n += h.createUpdate("UPDATE policy SET next_review_on = :next, reviewed_at = :now "
                            + "WHERE t_days = :t AND (next_review_on IS NULL OR next_review_on <= :today)")
                    .bind("next", next.toString()).bind("now", nowText).bind("t", t).bind("today", today.toString())
                    .execute();
        }
        return n;
    }

    static Map<Position, List<Check.OpenOrder>> openOrders(Handle h) {
        Map<Position, List<Check.OpenOrder>> open = new HashMap<>();
        h.createQuery("SELECT order_id, site_id, sku, kind, status, qty, qty - received_qty AS outstanding, raised_at "
                        + "FROM replenishment_order WHERE status IN ('open', 'planned', 'shipped')")
                .map((rs, ctx) -> {
                    open.computeIfAbsent(new Position(rs.getString("site_id"), rs.getString("sku")), k -> new ArrayList<>())
                            .add(new Check.OpenOrder(rs.getString("order_id"), OrderKind.parse(rs.getString("kind")),
                                    OrderStatus.parse(rs.getString("status")), rs.getLong("qty"), rs.getLong("outstanding"),
                                    rs.getString("raised_at")));
                    return null;
                })
                .forEach(x -> { });
        return open;
    }
}
