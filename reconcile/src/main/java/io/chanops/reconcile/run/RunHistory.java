package io.chanops.reconcile.run;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.confirmed.ConfirmedOrder;
import io.chanops.reconcile.confirmed.ConfirmedOrderRepository;
import io.chanops.reconcile.match.Category;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads back stored runs and their findings ({@code reconcile list}, {@code reconcile show}). */
public final class RunHistory {
    private final Ledger ledger;

    public RunHistory(Ledger ledger) {
        this.ledger = ledger;
    }

    public record Run(
            long runId,
            String runAt,
            String platformFile,
            String bossFile,
            long platformRows,
            long bossRows,
            long matched,
            long discrepancies,
            long resolvedLate,
            long platformTotalFen,
            long bossTotalFen,
            boolean carry,
            boolean forced,
            String outDir) {}

    /**
     * One stored finding. Amounts are null where the side is absent; {@code resolvedRunId} is the later run that
     * found a MISSING_IN_BOSS order (RESOLVED_LATE), {@code ageDays} how late it was.
     */
    public record Finding(
            String category,
            String orderId,
            String bossIds,
            String msisdn,
            String siteId,
            String createdAt,
            Long platformAmountFen,
            Long bossAmountFen,
            String platformStatus,
            String bossStatus,
            String matchedBy,
            String bossAcceptedAt,
            Long ageDays,
            Long resolvedRunId) {}

    private static final String RUN_COLUMNS =
            "run_id, run_at, platform_file, boss_file, platform_rows, boss_rows, matched, "
                    + "discrepancies, resolved_late, platform_total_fen, boss_total_fen, carry, forced, out_dir";

    public List<Run> runs() {
        return ledger.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM reconcile_run ORDER BY run_id")
                .map(RunHistory::runOf)
                .list());
    }

    public Optional<Run> run(long runId) {
        return ledger.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM reconcile_run WHERE run_id = :id")
                .bind("id", runId)
                .map(RunHistory::runOf)
                .findOne());
    }

    private static Run runOf(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Run(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getInt(12) != 0,
                rs.getInt(13) != 0,
                rs.getString(14));
    }

    /** The findings of a run, optionally of one category; MATCHED reads the orders the run confirmed. */
    public List<Finding> findings(long runId, Optional<Category> category) {
        if (category.isPresent() && category.get() == Category.MATCHED) {
            List<ConfirmedOrder> orders =
                    new ArrayList<>(ledger.read(h -> new ConfirmedOrderRepository(h).ofRun(runId)));
            orders.sort(Comparator.comparing(ConfirmedOrder::createdAt)
                    .thenComparing(ConfirmedOrder::orderId, ConfirmedOrderRepository.TEXT_ORDER));
            List<Finding> findings = new ArrayList<>(orders.size());
            for (ConfirmedOrder o : orders) {
                findings.add(new Finding(
                        "MATCHED",
                        o.orderId(),
                        null,
                        o.msisdn(),
                        o.siteId(),
                        LocalTimes.format(o.createdAt()),
                        o.amountFen(),
                        o.bossNetFen(),
                        o.platformStatus(),
                        o.bossLive() ? "completed" : "cancelled",
                        o.matchedBy(),
                        o.bossAcceptedAt() == null ? null : LocalTimes.format(o.bossAcceptedAt()),
                        null,
                        null));
            }
            return findings;
        }
        return ledger.read(h -> h.createQuery("SELECT category, order_id, boss_ids, msisdn, site_id, created_at, "
                        + "platform_amount_fen, boss_amount_fen, platform_status, boss_status, matched_by, "
                        + "boss_accepted_at, age_days, resolved_run_id FROM reconcile_item WHERE run_id = :run"
                        + (category.isPresent() ? " AND category = :cat" : "") + " ORDER BY item_id")
                .bind("run", runId)
                .bind("cat", category.map(Category::name).orElse(""))
                .map((rs, ctx) -> new Finding(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        nullable(rs, 7),
                        nullable(rs, 8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        nullable(rs, 13),
                        nullable(rs, 14)))
                .list());
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
