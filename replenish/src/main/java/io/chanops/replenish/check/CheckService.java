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
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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

    /**
     * Positions where an inequality can fire. On order is left out on purpose: it only raises the inventory position,
     * so on hand < R is a safe pre-filter for "inventory position < R", and the exact test runs in Java with on order
     * summed from the open orders (already loaded for escalation). This keeps the scan to policy x stock_level. The
     * review is due unless the period's mark for the current cycle covers the policy, or it was reviewed on its own.
     */
    private static final String CANDIDATES = """
            SELECT p.site_id, p.sku, p.t_days, p.r_level, p.s_level, p.l_level, COALESCE(l.on_hand, 0) AS on_hand,
                   CASE WHEN %1$s THEN 0 ELSE 1 END AS review_due
            FROM policy p
            JOIN cur c ON c.t_days = p.t_days
            LEFT JOIN stock_level l ON l.site_id = p.site_id AND l.sku = p.sku
            """;
    private static final String REVIEWED = "((c.mark_at IS NOT NULL AND p.review_from <= c.mark_at) "
            + "OR COALESCE(p.reviewed_cycle, '') = c.cycle_start)";
    private static final String ALL = CANDIDATES + """
            WHERE COALESCE(l.on_hand, 0) < p.l_level
               OR (:review = 1 AND COALESCE(l.on_hand, 0) < p.r_level AND NOT %1$s)
            """;
    private static final String ONE = CANDIDATES + "WHERE p.site_id = :site AND p.sku = :sku";

    /** A review period in use, the first day of its current cycle, and when that cycle's review ran (null: not yet). */
    public record Period(int t, LocalDate cycleStart, String markAt) {
    }

    /** Up to this many touched positions, an import's emergency step looks them up one by one instead of scanning. */
    private static final int POINT_LOOKUPS = 5_000;

    private CheckService() {
    }

    /** {@code replenish check [--emergency-only]}: one transaction. */
    public static CheckReport run(Ledger ledger, LocalDateTime now, CheckSettings settings, boolean emergencyOnly) {
        return run(ledger, now, settings, emergencyOnly, report -> { });
    }

    /** As above; {@code beforeCommit} receives the report before it is committed (a command writes its files there). */
    public static CheckReport run(Ledger ledger, LocalDateTime now, CheckSettings settings, boolean emergencyOnly,
                                  Consumer<CheckReport> beforeCommit) {
        return ledger.write(h -> {
            CheckReport report = run(h, now, settings, emergencyOnly ? Scope.EMERGENCY : Scope.FULL, null);
            beforeCommit.accept(report);
            return report;
        });
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
        Map<String, String> warehouses = new HashMap<>();
        h.createQuery("SELECT site_id, warehouse FROM site").map((rs, ctx) -> warehouses.put(rs.getString(1), rs.getString(2)))
                .forEach(x -> { });
        List<Period> periods = periods(h, settings, today);
        String cte = cte(periods);
        List<Candidate> candidates = new ArrayList<>();
        org.jdbi.v3.core.mapper.RowMapper<Void> collect = (rs, ctx) -> {
            Position pos = new Position(rs.getString("site_id"), rs.getString("sku"));
            if (only != null && !only.contains(pos)) {
                return null;
            }
            List<Check.OpenOrder> orders = open.getOrDefault(pos, List.of());
            long onOrder = 0;
            for (Check.OpenOrder o : orders) {
                onOrder += o.outstanding();
            }
            Policy policy = new Policy(rs.getInt("t_days"), rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level"));
            candidates.add(new Candidate(new Check.PositionInput(pos.siteId(), pos.sku(), policy, rs.getLong("on_hand"), onOrder,
                    rs.getInt("review_due") == 1, orders), warehouses.get(pos.siteId())));
            return null;
        };
        if (periods.isEmpty()) {
            // no policy at all: nothing can fire
        } else if (only != null && only.size() <= POINT_LOOKUPS) {
            String sql = cte + String.format(ONE, REVIEWED);
            for (Position pos : only) {
                bindPeriods(h.createQuery(sql), periods).bind("site", pos.siteId()).bind("sku", pos.sku())
                        .map(collect).forEach(x -> { });
            }
        } else {
            var q = bindPeriods(h.createQuery(cte + String.format(ALL, REVIEWED)), periods).bind("review", review ? 1 : 0);
            q.setFetchSize(10_000);
            q.map(collect).forEach(x -> { });
        }

        // Ids follow (site, SKU) order, so the same ledger always numbers its orders the same way.
        candidates.sort(java.util.Comparator.comparing((Candidate c) -> c.input().siteId()).thenComparing(c -> c.input().sku()));
        long runId = Ids.next(h, "check_run", "run_id");
        OrderIds ids = OrderIds.startAt(h, today);
        List<CheckReport.Row> rows = new ArrayList<>();
        // Plain JDBC batches: tens of thousands of orders on the first check of a cycle, and JDBI's per-argument
        // binding cost more than SQLite's insert itself.
        try (PreparedStatement insert = h.getConnection().prepareStatement("INSERT INTO replenishment_order (order_id, site_id, sku, "
                + "kind, qty, received_qty, status, raised_at, due_date, warehouse, updated_at, reason, run_id) "
                + "VALUES (?, ?, ?, ?, ?, 0, 'open', ?, ?, ?, ?, ?, ?)");
             PreparedStatement escalate = h.getConnection().prepareStatement("UPDATE replenishment_order SET kind = 'emergency', "
                     + "qty = qty + ?, due_date = ?, escalated_at = ?, updated_at = ?, reason = COALESCE(reason, '') || '; ' || ? "
                     + "WHERE order_id = ?")) {
            int pendingInsert = 0;
            int pendingEscalate = 0;
            for (Candidate c : candidates) {
                Check.Outcome outcome = Check.decide(c.input(), now, settings, review);
                if (outcome.decision().isEmpty()) {
                    continue;
                }
                Check.Decision d = outcome.decision().get();
                String due = d.dueDate().toString();
                if (d.action() == Check.Action.RAISED) {
                    String id = ids.next();
                    insert.setString(1, id);
                    insert.setString(2, d.siteId());
                    insert.setString(3, d.sku());
                    insert.setString(4, d.kind().toString());
                    insert.setLong(5, d.qty());
                    insert.setString(6, nowText);
                    insert.setString(7, due);
                    insert.setString(8, c.warehouse());
                    insert.setString(9, nowText);
                    insert.setString(10, d.reason());
                    insert.setLong(11, runId);
                    insert.addBatch();
                    rows.add(new CheckReport.Row(id, d.siteId(), d.sku(), d.kind(), d.qty(), d.qty(), due, c.warehouse(), d.action(),
                            d.reason()));
                    if (++pendingInsert == 10_000) {
                        insert.executeBatch();
                        pendingInsert = 0;
                    }
                } else {
                    long total = c.input().openOrders().stream().filter(o -> o.orderId().equals(d.escalatedOrderId()))
                            .mapToLong(Check.OpenOrder::qty).sum() + d.qty();
                    escalate.setLong(1, d.qty());
                    escalate.setString(2, due);
                    escalate.setString(3, nowText);
                    escalate.setString(4, nowText);
                    escalate.setString(5, d.reason());
                    escalate.setString(6, d.escalatedOrderId());
                    escalate.addBatch();
                    rows.add(new CheckReport.Row(d.escalatedOrderId(), d.siteId(), d.sku(), d.kind(), d.qty(), total, due,
                            c.warehouse(), d.action(), d.reason()));
                    if (++pendingEscalate == 10_000) {
                        escalate.executeBatch();
                        pendingEscalate = 0;
                    }
                }
            }
            if (pendingInsert > 0) {
                insert.executeBatch();
            }
            if (pendingEscalate > 0) {
                escalate.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        long reviewed = review ? recordReviews(h, periods, nowText, runId) : 0;
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

    /** The review periods in use with their current cycle and its review mark, if the cycle was reviewed. */
    public static List<Period> periods(Handle h, CheckSettings settings, LocalDate today) {
        List<Period> out = new ArrayList<>();
        for (int t : h.createQuery("SELECT DISTINCT t_days FROM policy").mapTo(Integer.class).list()) {
            LocalDate start = new ReviewCycle(settings.anchor(), t).startOf(today);
            String mark = h.createQuery("SELECT at FROM review_mark WHERE t_days = :t AND cycle_start = :c").bind("t", t)
                    .bind("c", start.toString()).mapTo(String.class).findOne().orElse(null);
            out.add(new Period(t, start, mark));
        }
        return out;
    }

    /** The periods as a tiny inline table {@code cur(t_days, cycle_start, mark_at)} (portable: a CTE over VALUES). */
    private static String cte(List<Period> periods) {
        StringBuilder sql = new StringBuilder("WITH cur (t_days, cycle_start, mark_at) AS (VALUES ");
        for (int i = 0; i < periods.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(:t").append(i).append(" AS INTEGER), CAST(:c").append(i)
                    .append(" AS TEXT), CAST(:m").append(i).append(" AS TEXT))");
        }
        return sql.append(")\n").toString();
    }

    private static org.jdbi.v3.core.statement.Query bindPeriods(org.jdbi.v3.core.statement.Query q, List<Period> periods) {
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            q.bind("t" + i, p.t()).bind("c" + i, p.cycleStart().toString()).bind("m" + i, p.markAt());
        }
        return q;
    }

    /**
     * Records the review of every due position: the first full check of a period's cycle writes one review mark that
     * covers every policy of that period existing now; a policy created (or given a new t) after its cycle's mark is
     * marked reviewed on its own. Returns how many positions were reviewed.
     */
    private static long recordReviews(Handle h, List<Period> periods, String nowText, long runId) {
        long n = 0;
        for (Period p : periods) {
            String start = p.cycleStart().toString();
            if (p.markAt() == null) {
                n += h.createQuery("SELECT COUNT(*) FROM policy WHERE t_days = :t AND review_from <= :now "
                                + "AND COALESCE(reviewed_cycle, '') <> :c")
                        .bind("t", p.t()).bind("now", nowText).bind("c", start).mapTo(Long.class).one();
                h.createUpdate("INSERT INTO review_mark (t_days, cycle_start, at, run_id) VALUES (:t, :c, :now, :run)")
                        .bind("t", p.t()).bind("c", start).bind("now", nowText).bind("run", runId).execute();
            } else {
                n += h.createUpdate("UPDATE policy SET reviewed_cycle = :c WHERE t_days = :t AND review_from > :mark "
                                + "AND COALESCE(reviewed_cycle, '') <> :c")
                        .bind("c", start).bind("t", p.t()).bind("mark", p.markAt()).execute();
            }
        }
        return n;
    }

    static Map<Position, List<Check.OpenOrder>> openOrders(Handle h) {
        Map<Position, List<Check.OpenOrder>> open = new HashMap<>();
        h.createQuery("SELECT order_id, site_id, sku, kind, status, qty, qty - received_qty AS outstanding, raised_at "
                        + "FROM replenishment_order WHERE " + OrderStatus.ON_ORDER)
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
