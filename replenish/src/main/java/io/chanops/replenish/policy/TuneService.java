package io.chanops.replenish.policy;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.time.LocalTimes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@code policy tune}: streams each position's moves in time order once into its {@link SalesHistory} over the
 * history window (the {@code historyDays} days before today), which leaves out the days it spent entirely out of stock,
 * and tunes R, S, L with {@link PolicyTuner}. Positions: stores x stocked SKUs that have a policy or stock. Locked
 * positions (whose lock has not expired) are never changed; new values are written in one transaction unless dry run.
 */
public final class TuneService {
    /** Options of one tuning run. {@code displayMin} by product type. */
    public record Options(int historyDays, double serviceLevel, int leadDays, String site, String sku, boolean dryRun,
                          Map<ProductType, Long> displayMin) {
        public Options {
            if (historyDays < 1) {
                throw new IllegalArgumentException("--history-days must be >= 1");
            }
        }
    }

    public enum Status {
        NEW("new"), CHANGED("changed"), UNCHANGED("unchanged"), LOCKED("locked"), NO_DATA("no-data");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** One position's outcome: old and new levels (new is null when locked or without in-stock days). */
    public record Row(String siteId, String sku, Policy old, Policy tuned, PolicyTuner.Tuned stats, Status status) {
    }

    /** Counts per status, and the rows worth showing (new and changed; locked and no-data too if asked). */
    public record Report(LocalDate from, LocalDate to, Map<Status, Long> counts, List<Row> rows, boolean dryRun) {
        public long count(Status s) {
            return counts.getOrDefault(s, 0L);
        }
    }

    private static final class Target {
        final String siteId;
        final String sku;
        final ProductType type;
        final Policy old;
        final boolean locked;
        final SalesHistory history; // null when locked: its moves are not read

        Target(String siteId, String sku, ProductType type, Policy old, boolean locked, int days) {
            this.siteId = siteId;
            this.sku = sku;
            this.type = type;
            this.old = old;
            this.locked = locked;
            this.history = locked ? null : new SalesHistory(days);
        }
    }

    private TuneService() {
    }

    public static Report tune(Ledger ledger, LocalDateTime now, Options o, boolean keepAllRows, LongConsumer progress) {
        return tune(ledger, now, o, keepAllRows, progress, report -> { });
    }

    /**
     * As above; {@code beforeCommit} receives the report before the tuned policies are committed (a command writes its
     * files there), or, when there is nothing to write, once the report is made.
     */
    public static Report tune(Ledger ledger, LocalDateTime now, Options o, boolean keepAllRows, LongConsumer progress,
                              Consumer<Report> beforeCommit) {
        LocalDate today = now.toLocalDate();
        LocalDate from = today.minusDays(o.historyDays());
        LocalDate to = today.minusDays(1);
        int days = o.historyDays();
        Map<String, Map<String, Target>> targets = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        Map<Status, Long> counts = new HashMap<>();
        ledger.read(h -> {
            loadTargets(h, o, today, days, targets);
            SalesHistory.read(h, from, today, o.site(), o.sku(), (site, sku) -> {
                Map<String, Target> bySku = targets.get(site);
                Target t = bySku == null ? null : bySku.get(sku);
                return t == null ? null : t.history;
            }, progress);
            return null;
        });
        String nowText = LocalTimes.format(now);
        List<Row> writes = new ArrayList<>();
        for (Map<String, Target> bySku : targets.values()) {
            for (Target t : bySku.values()) {
                Row row = decide(t, o);
                counts.merge(row.status(), 1L, Long::sum);
                if (row.status() == Status.NEW || row.status() == Status.CHANGED || row.status() == Status.UNCHANGED) {
                    writes.add(row);
                }
                if (keepAllRows || row.status() == Status.NEW || row.status() == Status.CHANGED) {
                    rows.add(row);
                }
            }
        }
        rows.sort((a, b) -> a.siteId().equals(b.siteId()) ? a.sku().compareTo(b.sku()) : a.siteId().compareTo(b.siteId()));
        Report report = new Report(from, to, counts, rows, o.dryRun());
        if (!o.dryRun() && !writes.isEmpty()) {
            ledger.write(h -> {
                write(h, writes, from, to, o.serviceLevel(), nowText);
                beforeCommit.accept(report);
                return null;
            });
        } else {
            beforeCommit.accept(report);
        }
        return report;
    }

    private static Row decide(Target t, Options o) {
        if (t.locked) {
            return new Row(t.siteId, t.sku, t.old, null, null, Status.LOCKED);
        }
        int period = t.old != null ? t.old.t() : PolicyStore.DEFAULT_T;
        long displayMin = o.displayMin().getOrDefault(t.type, 0L);
        PolicyTuner.Tuned tuned = t.history.tune(period, new PolicyTuner.Settings(o.serviceLevel(), o.leadDays(), displayMin));
        if (tuned == null) {
            return new Row(t.siteId, t.sku, t.old, null, null, Status.NO_DATA);
        }
        Status status = t.old == null ? Status.NEW : t.old.equals(tuned.policy()) ? Status.UNCHANGED : Status.CHANGED;
        return new Row(t.siteId, t.sku, t.old, tuned.policy(), tuned, status);
    }

    private static void loadTargets(Handle h, Options o, LocalDate today, int days, Map<String, Map<String, Target>> targets) {
        h.createQuery("""
                        SELECT k.site_id, k.sku, pr.type, p.t_days, p.r_level, p.s_level, p.l_level, p.locked, p.locked_until
                        FROM (SELECT site_id, sku FROM policy UNION SELECT site_id, sku FROM stock_level) k
                        JOIN site s ON s.site_id = k.site_id AND s.kind = 'store'
                        JOIN product pr ON pr.sku = k.sku AND pr.type IN ('handset', 'accessory', 'sim')
                        LEFT JOIN policy p ON p.site_id = k.site_id AND p.sku = k.sku
                        WHERE (:site IS NULL OR k.site_id = :site) AND (:sku IS NULL OR k.sku = :sku)
                        """)
                .bind("site", o.site()).bind("sku", o.sku())
                .map((rs, ctx) -> {
                    int t = rs.getInt("t_days");
                    Policy old = rs.wasNull() ? null : new Policy(t, rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level"));
                    String until = rs.getString("locked_until");
                    boolean locked = PolicyRecord.lockedOn(rs.getInt("locked") != 0, until, today);
                    String site = rs.getString("site_id");
                    Map<String, Target> bySku = targets.computeIfAbsent(site, k -> new HashMap<>());
                    String sku = rs.getString("sku");
                    bySku.put(sku, new Target(site, sku, ProductType.parse(rs.getString("type")).orElseThrow(), old, locked, days));
                    return null;
                })
                .forEach(x -> { });
    }

    private static void write(Handle h, List<Row> rows, LocalDate from, LocalDate to, double level, String nowText) {
        try (PreparedStatement b = h.getConnection().prepareStatement("INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                + "source, set_by, reason, tuned_at, tune_from, tune_to, tune_days, tune_mu, tune_sigma, tune_level, tune_method, "
                + "review_from, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, 'tuned', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (site_id, sku) DO UPDATE SET " + PolicyStore.NEW_SCHEDULE_IF_T_CHANGES + ", t_days = excluded.t_days, r_level = excluded.r_level, "
                + "s_level = excluded.s_level, l_level = excluded.l_level, locked = 0, locked_until = NULL, source = 'tuned', "
                + "set_by = NULL, reason = NULL, tuned_at = excluded.tuned_at, tune_from = excluded.tune_from, "
                + "tune_to = excluded.tune_to, tune_days = excluded.tune_days, tune_mu = excluded.tune_mu, "
                + "tune_sigma = excluded.tune_sigma, tune_level = excluded.tune_level, tune_method = excluded.tune_method, "
                + "updated_at = excluded.updated_at")) {
            int pending = 0;
            for (Row r : rows) {
                Policy p = r.tuned();
                PolicyTuner.Tuned s = r.stats();
                b.setString(1, r.siteId());
                b.setString(2, r.sku());
                b.setInt(3, p.t());
                b.setLong(4, p.r());
                b.setLong(5, p.s());
                b.setLong(6, p.l());
                b.setString(7, nowText);
                b.setString(8, from.toString());
                b.setString(9, to.toString());
                b.setInt(10, s.days());
                b.setDouble(11, s.mu());
                b.setDouble(12, s.sigma());
                b.setDouble(13, level);
                b.setString(14, s.method().toString());
                b.setString(15, nowText);
                b.setString(16, nowText);
                b.addBatch();
                if (++pending == 20_000) {
                    b.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                b.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
