package io.chanops.replenish.policy;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.PlannerStatistics;
import io.chanops.ledger.imports.StatementBatches;
import io.chanops.ledger.master.SiteUse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The (t,R,S,L) policies and their review record: the only code that reads or writes {@code policy} and
 * {@code review_mark}. The check's, tuning's and {@code stock show}'s reads need each policy with its on hand, so
 * they join {@code stock_level} here, read only: those scans run over every position and stay one query each.
 * Bulk writes (a policy file, a tuning run) go in batches.
 */
@RegisterRowMapper(PolicyRepository.RecordMapper.class)
@RegisterRowMapper(PolicyRepository.TuneTargetMapper.class)
@RegisterRowMapper(PolicyRepository.LevelsMapper.class)
@RegisterRowMapper(PolicyRepository.PositionPolicyMapper.class)
public interface PolicyRepository extends SqlObject {
    String COLUMNS =
            "site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, source, set_by, reason, tuned_at, "
                    + "tune_from, tune_to, tune_days, tune_mu, tune_sigma, tune_level, tune_method, review_from, "
                    + "reviewed_cycle, updated_at";
    /**
     * On an upsert: a new review period starts a new review schedule (the position is reviewed at the next full
     * check, then every t days from the anchor); same t keeps the schedule.
     */
    String NEW_SCHEDULE_IF_T_CHANGES = "review_from = CASE WHEN policy.t_days = excluded.t_days "
            + "THEN policy.review_from ELSE excluded.review_from END, reviewed_cycle = CASE WHEN policy.t_days = "
            + "excluded.t_days THEN policy.reviewed_cycle ELSE NULL END";
    /** Rows per batch of a bulk write. */
    int BATCH = 20_000;
    /** Rows fetched at a time by the scans over every position. */
    int FETCH = 10_000;

    /** A position the check may act on: its policy, its on hand, and whether its review is due in this cycle. */
    record Candidate(String siteId, String sku, Policy policy, long onHand, boolean reviewDue) {}

    /** A store position tuning may look at: its policy if it has one (null: none yet) and its lock. */
    record TuneTarget(String siteId, String sku, Policy policy, boolean locked, String lockedUntil) {}

    /** A position with stock or a policy: its on hand and its policy (null: none). */
    record Levels(String siteId, String sku, long onHand, Policy policy) {}

    /** A position's policy levels. */
    record PositionPolicy(String siteId, String sku, Policy policy) {}

    /** New levels from a tuning run, with the statistics behind them. */
    record Tuning(String siteId, String sku, PolicyTuner.Tuned tuned) {}

    @SqlQuery("SELECT " + COLUMNS + " FROM policy WHERE site_id = :site AND sku = :sku")
    Optional<PolicyRecord> find(@Bind("site") String siteId, @Bind("sku") String sku);

    /** By position; null filters match any. */
    @SqlQuery("SELECT " + COLUMNS
            + " FROM policy WHERE (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku) "
            + "ORDER BY site_id, sku")
    List<PolicyRecord> list(@Bind("site") String siteId, @Bind("sku") String sku);

    @SqlQuery("SELECT site_id, sku, t_days, r_level, s_level, l_level FROM policy "
            + "WHERE (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku)")
    @FetchSize(FETCH)
    Stream<PositionPolicy> levels(@Bind("site") String siteId, @Bind("sku") String sku);

    /** Every policy's levels, optionally of one site and/or SKU, streamed in no particular order. */
    default void forEachPolicy(String siteId, String sku, Consumer<PositionPolicy> each) {
        forEachOf(levels(siteId, sku), each);
    }

    @SqlQuery("SELECT COUNT(*) FROM policy")
    long count();

    /** The policies of one site. */
    @SqlQuery("SELECT COUNT(*) FROM policy WHERE site_id = :site")
    long countAt(@Bind("site") String siteId);

    /** What the site import needs to know of policies ({@link SiteUse}), on the caller's handle. */
    SiteUse SITE_USE = (h, siteId) -> h.attach(PolicyRepository.class).countAt(siteId);

    /** The review periods (t) in use. */
    @SqlQuery("SELECT DISTINCT t_days FROM policy")
    List<Integer> periodsInUse();

    /** When the review of the cycle of period {@code t} starting {@code cycleStart} ran, if it did. */
    @SqlQuery("SELECT at FROM review_mark WHERE t_days = :t AND cycle_start = :c")
    Optional<String> reviewMark(@Bind("t") int t, @Bind("c") String cycleStart);

    /** Records that the review of a period's cycle ran at {@code at}: it covers every policy of that period then. */
    @SqlUpdate("INSERT INTO review_mark (t_days, cycle_start, at, run_id) VALUES (:t, :c, :at, :run)")
    void markReviewed(@Bind("t") int t, @Bind("c") String cycleStart, @Bind("at") String at, @Bind("run") long runId);

    /** Policies of period {@code t} a review mark at {@code at} covers and that were not reviewed on their own. */
    @SqlQuery(
            "SELECT COUNT(*) FROM policy WHERE t_days = :t AND review_from <= :at AND COALESCE(reviewed_cycle, '') <> "
                    + ":c")
    long coveredByMark(@Bind("t") int t, @Bind("at") String at, @Bind("c") String cycleStart);

    /** Marks reviewed, on their own, the policies of period {@code t} that are newer than its cycle's mark. */
    @SqlUpdate("UPDATE policy SET reviewed_cycle = :c WHERE t_days = :t AND review_from > :mark AND "
            + "COALESCE(reviewed_cycle, '') <> :c")
    int reviewNewerThanMark(@Bind("t") int t, @Bind("c") String cycleStart, @Bind("mark") String markAt);

    /**
     * {@code policy set}: inserts or updates one position's levels and lock as {@code user} at {@code at}. With
     * {@code manual} (new levels) the source becomes manual with who and why; otherwise only the lock changes, and the
     * reason (with who) when one is given.
     */
    default void set(
            String siteId,
            String sku,
            long t,
            long r,
            long s,
            long l,
            boolean locked,
            String until,
            boolean manual,
            String user,
            String reason,
            String at) {
        getHandle()
                .createUpdate(
                        "INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                                + "source, set_by, reason, review_from, updated_at) VALUES (:site, :sku, :t, :r, :s, "
                                + ":l, :locked, :until, 'manual', :user, :reason, :now, :now) ON CONFLICT (site_id, "
                                + "sku) DO UPDATE SET " + NEW_SCHEDULE_IF_T_CHANGES
                                + ", t_days = excluded.t_days, r_level = excluded.r_level, "
                                + "s_level = excluded.s_level, l_level = excluded.l_level, locked = excluded.locked, "
                                + "locked_until = excluded.locked_until, updated_at = excluded.updated_at"
                                + (manual
                                        ? ", source = 'manual', set_by = excluded.set_by, reason = excluded.reason"
                                        : "")
                                + (!manual && reason != null
                                        ? ", reason = excluded.reason, set_by = excluded.set_by"
                                        : ""))
                .bind("site", siteId)
                .bind("sku", sku)
                .bind("t", t)
                .bind("r", r)
                .bind("s", s)
                .bind("l", l)
                .bind("locked", locked ? 1 : 0)
                .bind("until", until)
                .bind("user", user)
                .bind("reason", reason)
                .bind("now", at)
                .execute();
    }

    /**
     * A policy file's rows as source import, set by {@code user}, with the lock's end the file gives (none when it gives
     * none). Why: the row's reason when it gives one other than the policy's, else {@code reason} (the file's). A row
     * whose levels, lock and lock's end equal the position's policy, and whose reason is none or the policy's, is left
     * as it is: its source, who, why and when stay those of the change that set it (so a listing imported back changes
     * nothing, and a row edited in it does not carry the reason of the change before). Returns how many policies were
     * created or changed. A large import brings the planner's statistics of {@code policy} up to date
     * ({@link PlannerStatistics}).
     */
    default int importAll(List<PolicyFile.Row> rows, String user, String reason, String at) {
        int written = importAll(rows, user, reason, at, !rows.isEmpty() && Ledger.Dialect.isPostgresql(getHandle()));
        new PlannerStatistics(getHandle(), "policy").afterWriting(rows.size());
        return written;
    }

    /**
     * The upsert of a policy file's rows: the columns it sets on a conflict, when the row changes anything. The row's
     * reason is inserted as {@code COALESCE(row's, file's)}; the file's reason is bound twice more, after the row's
     * values: for a row whose reason is the policy's own (an edited listing's untouched cell), and to tell a row that
     * gives no reason from one that gives a new one.
     */
    String IMPORTED_ON_CONFLICT = "ON CONFLICT (site_id, sku) DO UPDATE SET " + NEW_SCHEDULE_IF_T_CHANGES
            + ", t_days = excluded.t_days, r_level = excluded.r_level, "
            + "s_level = excluded.s_level, l_level = excluded.l_level, locked = excluded.locked, "
            + "locked_until = excluded.locked_until, source = 'import', set_by = excluded.set_by, reason = CASE WHEN "
            + "excluded.reason IS DISTINCT FROM policy.reason THEN excluded.reason ELSE ? END, "
            + "updated_at = excluded.updated_at WHERE policy.t_days <> excluded.t_days OR "
            + "policy.r_level <> excluded.r_level OR policy.s_level <> excluded.s_level OR policy.l_level <> "
            + "excluded.l_level OR policy.locked <> excluded.locked OR policy.locked_until IS DISTINCT FROM "
            + "excluded.locked_until OR (excluded.reason <> ? AND excluded.reason IS DISTINCT FROM policy.reason)";

    /**
     * {@code copy}: PostgreSQL's path, the rows COPY'd into a temporary table of the transaction and upserted from it
     * in one statement; else JDBC batches of the upsert (any database). The differential test calls both.
     */
    default int importAll(List<PolicyFile.Row> rows, String user, String reason, String at, boolean copy) {
        if (copy) {
            return copyImported(rows, user, reason, at);
        }
        int[] written = {0};
        StatementBatches.execute(
                getHandle().getConnection(),
                "INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                        + "source, set_by, reason, review_from, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "'import', ?, COALESCE(?, ?), ?, ?) " + IMPORTED_ON_CONFLICT,
                BATCH,
                rows,
                (b, r) -> {
                    b.setString(1, r.siteId());
                    b.setString(2, r.sku());
                    b.setLong(3, r.policy().t());
                    b.setLong(4, r.policy().r());
                    b.setLong(5, r.policy().s());
                    b.setLong(6, r.policy().l());
                    b.setInt(7, r.locked() ? 1 : 0);
                    b.setString(
                            8, r.lockedUntil() == null ? null : r.lockedUntil().toString());
                    b.setString(9, user);
                    b.setString(10, r.reason());
                    b.setString(11, reason);
                    b.setString(12, at);
                    b.setString(13, at);
                    b.setString(14, reason);
                    b.setString(15, reason);
                },
                counts -> {
                    for (int count : counts) {
                        written[0] += count;
                    }
                });
        return written[0];
    }

    /**
     * A tuning run's new levels, as source tuned (unlocked, no who or why), with its window {@code from}..{@code to}
     * and service level; in JDBC batches (JDBI's per-argument binding cost more than the upsert at a million rows). A
     * large run brings the planner's statistics of {@code policy} up to date ({@link PlannerStatistics}).
     */
    default void writeTuned(List<Tuning> tunings, LocalDate from, LocalDate to, double serviceLevel, String at) {
        writeTuned(tunings, from, to, serviceLevel, at, !tunings.isEmpty() && Ledger.Dialect.isPostgresql(getHandle()));
        new PlannerStatistics(getHandle(), "policy").afterWriting(tunings.size());
    }

    /** The upsert of tuned levels: the columns it sets on a conflict. */
    String TUNED_ON_CONFLICT = "ON CONFLICT (site_id, sku) DO UPDATE SET " + NEW_SCHEDULE_IF_T_CHANGES
            + ", t_days = excluded.t_days, r_level = excluded.r_level, "
            + "s_level = excluded.s_level, l_level = excluded.l_level, locked = 0, locked_until = NULL, source = "
            + "'tuned', set_by = NULL, reason = NULL, tuned_at = excluded.tuned_at, tune_from = excluded.tune_from, "
            + "tune_to = excluded.tune_to, tune_days = excluded.tune_days, tune_mu = excluded.tune_mu, "
            + "tune_sigma = excluded.tune_sigma, tune_level = excluded.tune_level, tune_method = excluded.tune_method, "
            + "updated_at = excluded.updated_at";

    /**
     * {@code copy}: PostgreSQL's path, the levels COPY'd into a temporary table of the transaction and upserted from
     * it in one statement; else JDBC batches of the upsert (any database). The differential test calls both.
     */
    default void writeTuned(
            List<Tuning> tunings, LocalDate from, LocalDate to, double serviceLevel, String at, boolean copy) {
        if (copy) {
            copyTuned(tunings, from, to, serviceLevel, at);
            return;
        }
        StatementBatches.execute(
                getHandle().getConnection(),
                "INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                        + "source, set_by, reason, tuned_at, tune_from, tune_to, tune_days, tune_mu, tune_sigma, "
                        + "tune_level, tune_method, review_from, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, "
                        + "'tuned', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, sku) DO UPDATE SET "
                        + NEW_SCHEDULE_IF_T_CHANGES
                        + ", t_days = excluded.t_days, r_level = excluded.r_level, "
                        + "s_level = excluded.s_level, l_level = excluded.l_level, locked = 0, locked_until = NULL, "
                        + "source = 'tuned', set_by = NULL, reason = NULL, tuned_at = excluded.tuned_at, tune_from = "
                        + "excluded.tune_from, tune_to = excluded.tune_to, tune_days = excluded.tune_days, tune_mu = "
                        + "excluded.tune_mu, tune_sigma = excluded.tune_sigma, tune_level = excluded.tune_level, "
                        + "tune_method = excluded.tune_method, updated_at = excluded.updated_at",
                BATCH,
                tunings,
                (b, tuning) -> {
                    PolicyTuner.Tuned s = tuning.tuned();
                    Policy p = s.policy();
                    b.setString(1, tuning.siteId());
                    b.setString(2, tuning.sku());
                    b.setInt(3, p.t());
                    b.setLong(4, p.r());
                    b.setLong(5, p.s());
                    b.setLong(6, p.l());
                    b.setString(7, at);
                    b.setString(8, from.toString());
                    b.setString(9, to.toString());
                    b.setInt(10, s.days());
                    b.setDouble(11, s.mu());
                    b.setDouble(12, s.sigma());
                    b.setDouble(13, serviceLevel);
                    b.setString(14, s.method().toString());
                    b.setString(15, at);
                    b.setString(16, at);
                });
    }

    private int copyImported(List<PolicyFile.Row> rows, String user, String reason, String at) {
        Connection c = getHandle().getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE policy_imported (site_id TEXT NOT NULL, sku TEXT NOT NULL, "
                    + "t_days INTEGER NOT NULL, r_level BIGINT NOT NULL, s_level BIGINT NOT NULL, l_level BIGINT NOT "
                    + "NULL, locked INTEGER NOT NULL, locked_until TEXT, reason TEXT) ON COMMIT DROP");
            CopyRows copy = new CopyRows(
                    c,
                    "COPY policy_imported (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                            + "reason) FROM STDIN (FORMAT text)",
                    1 << 20);
            for (PolicyFile.Row r : rows) {
                copy.text(r.siteId())
                        .text(r.sku())
                        .number(r.policy().t())
                        .number(r.policy().r())
                        .number(r.policy().s())
                        .number(r.policy().l())
                        .number(r.locked() ? 1 : 0)
                        .text(r.lockedUntil() == null ? null : r.lockedUntil().toString())
                        .text(r.reason())
                        .endRow();
            }
            copy.flush();
            int written;
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO policy (site_id, sku, t_days, r_level, "
                    + "s_level, l_level, locked, locked_until, source, set_by, reason, review_from, "
                    + "updated_at) SELECT site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                    + "'import', ?, COALESCE(reason, ?), ?, ? FROM policy_imported " + IMPORTED_ON_CONFLICT)) {
                upsert.setString(1, user);
                upsert.setString(2, reason);
                upsert.setString(3, at);
                upsert.setString(4, at);
                upsert.setString(5, reason);
                upsert.setString(6, reason);
                written = upsert.executeUpdate();
            }
            st.execute("DROP TABLE policy_imported");
            return written;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private void copyTuned(List<Tuning> tunings, LocalDate from, LocalDate to, double serviceLevel, String at) {
        String columns = "site_id, sku, t_days, r_level, s_level, l_level, tuned_at, tune_from, tune_to, tune_days, "
                + "tune_mu, tune_sigma, tune_level, tune_method, review_from, updated_at";
        Connection c = getHandle().getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE policy_tuned (site_id TEXT NOT NULL, sku TEXT NOT NULL, "
                    + "t_days INTEGER NOT NULL, r_level BIGINT NOT NULL, s_level BIGINT NOT NULL, l_level BIGINT NOT "
                    + "NULL, tuned_at TEXT, tune_from TEXT, tune_to TEXT, tune_days INTEGER, tune_mu DOUBLE PRECISION, "
                    + "tune_sigma DOUBLE PRECISION, tune_level DOUBLE PRECISION, tune_method TEXT, "
                    + "review_from TEXT NOT NULL, updated_at TEXT NOT NULL) ON COMMIT DROP");
            CopyRows rows = new CopyRows(c, "COPY policy_tuned (" + columns + ") FROM STDIN (FORMAT text)", 1 << 20);
            String window = from.toString();
            String until = to.toString();
            for (Tuning tuning : tunings) {
                PolicyTuner.Tuned t = tuning.tuned();
                Policy p = t.policy();
                rows.text(tuning.siteId())
                        .text(tuning.sku())
                        .number(p.t())
                        .number(p.r())
                        .number(p.s())
                        .number(p.l())
                        .text(at)
                        .text(window)
                        .text(until)
                        .number(t.days())
                        .text(Double.toString(t.mu()))
                        .text(Double.toString(t.sigma()))
                        .text(Double.toString(serviceLevel))
                        .text(t.method().toString())
                        .text(at)
                        .text(at)
                        .endRow();
            }
            rows.flush();
            st.execute("INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                    + "source, set_by, reason, tuned_at, tune_from, tune_to, tune_days, tune_mu, tune_sigma, "
                    + "tune_level, tune_method, review_from, updated_at) SELECT site_id, sku, t_days, r_level, "
                    + "s_level, l_level, 0, NULL, 'tuned', NULL, NULL, tuned_at, tune_from, tune_to, tune_days, "
                    + "tune_mu, tune_sigma, tune_level, tune_method, review_from, updated_at FROM policy_tuned "
                    + TUNED_ON_CONFLICT);
            st.execute("DROP TABLE policy_tuned");
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * The positions where an inequality of the check can fire (on hand &lt; L; with {@code review}, review due and
     * on hand &lt; R), for the given review periods, streamed; with {@code every}, every position with a policy of those
     * periods. See {@code checkCandidates.sql}.
     */
    default void forEachCheckCandidate(
            List<ReviewPeriod> periods, boolean review, boolean every, Consumer<Candidate> each) {
        Query q = candidates("checkCandidates", periods)
                .bind("review", review ? 1 : 0)
                .bind("every", every ? 1 : 0);
        q.setFetchSize(FETCH);
        q.map(PolicyRepository::candidate).forEach(each);
    }

    /** One position as {@link #forEachCheckCandidate} sees it, whatever its levels (empty without a policy). */
    default Optional<Candidate> checkCandidate(List<ReviewPeriod> periods, String siteId, String sku) {
        return candidates("checkCandidate", periods)
                .bind("site", siteId)
                .bind("sku", sku)
                .map(PolicyRepository::candidate)
                .findOne();
    }

    private Query candidates(String name, List<ReviewPeriod> periods) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : ", ")
                    .append("(CAST(:t")
                    .append(i)
                    .append(" AS INTEGER), CAST(:c")
                    .append(i)
                    .append(" AS TEXT), CAST(:m")
                    .append(i)
                    .append(" AS TEXT))");
        }
        Query q = getHandle()
                .createQuery(ClasspathSqlLocator.removingComments().locate(PolicyRepository.class, name))
                .define("periods", rows.toString());
        for (int i = 0; i < periods.size(); i++) {
            ReviewPeriod p = periods.get(i);
            q.bind("t" + i, p.t()).bind("c" + i, p.cycleStart().toString()).bind("m" + i, p.markAt());
        }
        return q;
    }

    private static Candidate candidate(ResultSet rs, StatementContext ctx) throws SQLException {
        Policy policy =
                new Policy(rs.getInt("t_days"), rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level"));
        return new Candidate(
                rs.getString("site_id"),
                rs.getString("sku"),
                policy,
                rs.getLong("on_hand"),
                rs.getInt("review_due") == 1);
    }

    /** Every position with a policy or stock, optionally of one site and/or SKU; see {@code tuneTargets.sql}. */
    @SqlQuery("tuneTargets")
    @UseClasspathSqlLocator
    @FetchSize(FETCH)
    Stream<TuneTarget> tuneTargets(@Bind("site") String siteId, @Bind("sku") String sku);

    default void forEachTuneTarget(String siteId, String sku, Consumer<TuneTarget> each) {
        forEachOf(tuneTargets(siteId, sku), each);
    }

    /** Positions with stock or a policy by site and SKU, with on hand and policy; see {@code positions.sql}. */
    @SqlQuery("positions")
    @UseClasspathSqlLocator
    @FetchSize(FETCH)
    Stream<Levels> positions(@Bind("site") String siteId, @Bind("sku") String sku);

    default void forEachPosition(String siteId, String sku, Consumer<Levels> each) {
        forEachOf(positions(siteId, sku), each);
    }

    /** Positions with a policy of the given SKUs, with on hand and policy; see {@code policyLevels.sql}. */
    @SqlQuery("policyLevels")
    @UseClasspathSqlLocator
    @FetchSize(FETCH)
    Stream<Levels> policyLevels(@BindList("skus") List<String> skus);

    /** Every position with a policy of one of {@code skus}, in no particular order. */
    default void forEachPolicyLevel(Collection<String> skus, Consumer<Levels> each) {
        if (skus.isEmpty()) {
            return;
        }
        forEachOf(policyLevels(List.copyOf(skus)), each);
    }

    /** A stored policy with where its levels came from. */
    final class RecordMapper implements RowMapper<PolicyRecord> {
        @Override
        public PolicyRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PolicyRecord(
                    rs.getString("site_id"),
                    rs.getString("sku"),
                    new Policy(
                            rs.getInt("t_days"), rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level")),
                    rs.getInt("locked") != 0,
                    rs.getString("locked_until"),
                    rs.getString("source"),
                    rs.getString("set_by"),
                    rs.getString("reason"),
                    rs.getString("tuned_at"),
                    rs.getString("tune_from"),
                    rs.getString("tune_to"),
                    rs.getObject("tune_days") == null ? null : rs.getInt("tune_days"),
                    rs.getObject("tune_mu") == null ? null : rs.getDouble("tune_mu"),
                    rs.getObject("tune_sigma") == null ? null : rs.getDouble("tune_sigma"),
                    rs.getObject("tune_level") == null ? null : rs.getDouble("tune_level"),
                    rs.getString("tune_method"),
                    rs.getString("review_from"),
                    rs.getString("reviewed_cycle"),
                    rs.getString("updated_at"));
        }
    }

    /** The policy of a row whose policy columns may all be null (a position without one). */
    private static Policy policyOrNull(ResultSet rs) throws SQLException {
        int t = rs.getInt("t_days");
        return rs.wasNull() ? null : new Policy(t, rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level"));
    }

    final class TuneTargetMapper implements RowMapper<TuneTarget> {
        @Override
        public TuneTarget map(ResultSet rs, StatementContext ctx) throws SQLException {
            Policy policy = policyOrNull(rs);
            return new TuneTarget(
                    rs.getString("site_id"),
                    rs.getString("sku"),
                    policy,
                    rs.getInt("locked") != 0,
                    rs.getString("locked_until"));
        }
    }

    final class PositionPolicyMapper implements RowMapper<PositionPolicy> {
        @Override
        public PositionPolicy map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PositionPolicy(rs.getString("site_id"), rs.getString("sku"), policyOrNull(rs));
        }
    }

    final class LevelsMapper implements RowMapper<Levels> {
        @Override
        public Levels map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Levels(rs.getString("site_id"), rs.getString("sku"), rs.getLong("on_hand"), policyOrNull(rs));
        }
    }

    /** Gives every row of {@code rows} to {@code each}, then closes the query. */
    private static <T> void forEachOf(Stream<T> rows, Consumer<? super T> each) {
        try (rows) {
            rows.forEach(each);
        }
    }
}
