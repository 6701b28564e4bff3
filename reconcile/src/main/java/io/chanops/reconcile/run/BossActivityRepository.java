package io.chanops.reconcile.run;

import io.chanops.ledger.time.LocalTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * BOSS activity: the rows and net amount each reconcile run saw per site and day ({@code boss_activity}), the basis of
 * the channel cost report's transaction counts. The only code that names the table.
 */
public final class BossActivityRepository {
    private final Handle h;

    public BossActivityRepository(Handle h) {
        this.h = h;
    }

    /**
     * BOSS rows of {@code month} per site (null: rows without a site), each site and day as the latest run that saw it
     * counted them, so that reconciling a day again does not count it twice.
     */
    public Map<String, Long> rowsBySite(YearMonth month) {
        Map<String, Long> rows = new HashMap<>();
        h.createQuery("SELECT a.site_id, SUM(a.rows_count) AS n FROM boss_activity a "
                        + "WHERE a.day >= :from AND a.day < :to "
                        + "AND a.run_id = (SELECT MAX(b.run_id) FROM boss_activity b WHERE b.day = a.day AND b.site_id "
                        + "= a.site_id) GROUP BY a.site_id")
                .bind("from", LocalTimes.format(month.atDay(1)))
                .bind("to", LocalTimes.format(month.plusMonths(1).atDay(1)))
                .map((rs, ctx) -> new Object[] {rs.getString("site_id"), rs.getLong("n")})
                .forEach(r -> rows.merge((String) r[0], (Long) r[1], Long::sum));
        return rows;
    }

    /** The days of {@code month} on which any reconciled BOSS export has rows, in order. */
    public SortedSet<LocalDate> daysWithRows(YearMonth month) {
        return h
                .createQuery(
                        "SELECT DISTINCT day FROM boss_activity WHERE day >= :from AND day < :to AND rows_count > 0")
                .bind("from", LocalTimes.format(month.atDay(1)))
                .bind("to", LocalTimes.format(month.plusMonths(1).atDay(1)))
                .mapTo(String.class)
                .stream()
                .map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The months in which any reconciled BOSS export has rows, in order. */
    public SortedSet<YearMonth> monthsWithRows() {
        return h
                .createQuery("SELECT DISTINCT substr(day, 1, 7) FROM boss_activity WHERE rows_count > 0")
                .mapTo(String.class)
                .stream()
                .map(YearMonth::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Stores run {@code runId}'s activity: per site and day, {@code {rows, net fen}}. */
    void insert(long runId, Map<ReconcileService.SiteDay, long[]> activity) {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO boss_activity (run_id, day, site_id, rows_count, amount_fen) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<ReconcileService.SiteDay, long[]> e : activity.entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, e.getKey().day());
                ps.setString(3, e.getKey().siteId());
                ps.setLong(4, e.getValue()[0]);
                ps.setLong(5, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot store the BOSS activity of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
