package io.chanops.replenish.policy;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.PositionChecks;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.time.LocalTimes;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Reads and writes policies: {@code policy set}, {@code policy import}, {@code policy list}. */
public final class PolicyStore {
    public static final String KIND = "policies";
    public static final List<String> COLUMNS = List.of("site_id", "sku", "t_days", "R", "S", "L", "locked");
    private static final String SELECT = "SELECT site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, source, "
            + "set_by, reason, tuned_at, tune_from, tune_to, tune_days, tune_mu, tune_sigma, tune_level, tune_method, "
            + "review_from, reviewed_cycle, updated_at FROM policy";
    /**
     * On an upsert: a new review period starts a new review schedule (the position is reviewed at the next full
     * check, then every t days from the anchor); same t keeps the schedule.
     */
    static final String NEW_SCHEDULE_IF_T_CHANGES = "review_from = CASE WHEN policy.t_days = excluded.t_days "
            + "THEN policy.review_from ELSE excluded.review_from END, reviewed_cycle = CASE WHEN policy.t_days = excluded.t_days "
            + "THEN policy.reviewed_cycle ELSE NULL END";
    /** Review period of a position that gets its first policy without --t. */
    public static final int DEFAULT_T = 7;

    /** A {@code policy set} request: null fields keep the current value. */
    public record Change(String siteId, String sku, Integer t, Long r, Long s, Long l, Boolean lock, String reason,
                         LocalDate until) {
        boolean setsLevels() {
            return t != null || r != null || s != null || l != null;
        }
    }

    private PolicyStore() {
    }

    public static Optional<PolicyRecord> find(Handle h, String siteId, String sku) {
        return h.createQuery(SELECT + " WHERE site_id = :site AND sku = :sku").bind("site", siteId).bind("sku", sku)
                .map((rs, ctx) -> record(rs)).findOne();
    }

    public static List<PolicyRecord> list(Ledger ledger, String site, String sku) {
        return ledger.read(h -> h.createQuery(SELECT + " WHERE (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku) "
                        + "ORDER BY site_id, sku").bind("site", site).bind("sku", sku)
                .map((rs, ctx) -> record(rs)).list());
    }

    static PolicyRecord record(ResultSet rs) throws SQLException {
        return new PolicyRecord(rs.getString("site_id"), rs.getString("sku"),
                new Policy(rs.getInt("t_days"), rs.getLong("r_level"), rs.getLong("s_level"), rs.getLong("l_level")),
                rs.getInt("locked") != 0, rs.getString("locked_until"), rs.getString("source"), rs.getString("set_by"),
                rs.getString("reason"), rs.getString("tuned_at"), rs.getString("tune_from"), rs.getString("tune_to"),
                rs.getObject("tune_days") == null ? null : rs.getInt("tune_days"),
                rs.getObject("tune_mu") == null ? null : rs.getDouble("tune_mu"),
                rs.getObject("tune_sigma") == null ? null : rs.getDouble("tune_sigma"),
                rs.getObject("tune_level") == null ? null : rs.getDouble("tune_level"),
                rs.getString("tune_method"), rs.getString("review_from"), rs.getString("reviewed_cycle"), rs.getString("updated_at"));
    }

    /**
     * {@code policy set}: new values are manual: they record who, why and until when, and lock the position against
     * tuning (until {@code until}, if given) unless {@code lock} is false. {@code --lock/--unlock} alone only lock or
     * release the current values. Rejected (exit 4, nothing written) when the site or SKU is unknown, the site is a
     * warehouse, the SKU is not stocked, or the resulting levels break 0 <= L <= R <= S, S > 0, t >= 1.
     */
    public static PolicyRecord set(Ledger ledger, Change c, LocalDateTime now) {
        return ledger.write(h -> {
            String where = "policy set --site " + c.siteId() + " --sku " + c.sku();
            checkPosition(h, c.siteId(), c.sku()).ifPresent(msg -> {
                throw InputRejectedException.of(Problem.ofFile(where, msg));
            });
            Optional<PolicyRecord> old = find(h, c.siteId(), c.sku());
            if (old.isEmpty() && (c.r() == null || c.s() == null)) {
                throw InputRejectedException.of(Problem.ofFile(where, "the position has no policy yet: give at least --R and --S "
                        + "(--L defaults to 0, --t to " + DEFAULT_T + ")"));
            }
            if (!c.setsLevels() && c.lock() == null && c.until() == null && c.reason() == null) {
                throw InputRejectedException.of(Problem.ofFile(where, "nothing to change: give --t, --R, --S, --L, --lock or --unlock"));
            }
            Policy base = old.map(PolicyRecord::policy).orElse(null);
            long t = c.t() != null ? c.t() : base != null ? base.t() : DEFAULT_T;
            long r = c.r() != null ? c.r() : base.r();
            long s = c.s() != null ? c.s() : base.s();
            long l = c.l() != null ? c.l() : base != null ? base.l() : 0;
            List<String> problems = Policy.problems(t, r, s, l);
            if (!problems.isEmpty()) {
                throw InputRejectedException.of(Problem.ofFile(where, String.join("; ", problems)));
            }
            boolean locked = c.lock() != null ? c.lock() : c.setsLevels() || old.map(PolicyRecord::locked).orElse(false);
            String until = c.until() != null ? c.until().toString() : (c.setsLevels() || c.lock() != null) ? null
                    : old.map(PolicyRecord::lockedUntil).orElse(null);
            boolean manual = c.setsLevels();
            String user = System.getProperty("user.name", "unknown");
            h.createUpdate("INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, source, set_by, reason, "
                            + "review_from, updated_at) VALUES (:site, :sku, :t, :r, :s, :l, :locked, :until, 'manual', :user, :reason, :now, :now) "
                            + "ON CONFLICT (site_id, sku) DO UPDATE SET " + NEW_SCHEDULE_IF_T_CHANGES + ", t_days = excluded.t_days, r_level = excluded.r_level, "
                            + "s_level = excluded.s_level, l_level = excluded.l_level, locked = excluded.locked, "
                            + "locked_until = excluded.locked_until, updated_at = excluded.updated_at"
                            + (manual ? ", source = 'manual', set_by = excluded.set_by, reason = excluded.reason" : "")
                            + (!manual && c.reason() != null ? ", reason = excluded.reason, set_by = excluded.set_by" : ""))
                    .bind("site", c.siteId()).bind("sku", c.sku()).bind("t", t).bind("r", r).bind("s", s).bind("l", l)
                    .bind("locked", locked ? 1 : 0).bind("until", until).bind("user", user).bind("reason", c.reason())
                    .bind("now", LocalTimes.format(now))
                    .execute();
            return find(h, c.siteId(), c.sku()).orElseThrow();
        });
    }

    /** Why a (site, SKU) cannot have a policy, or empty when it can. */
    static Optional<String> checkPosition(Handle h, String siteId, String sku) {
        Optional<String> kind = h.createQuery("SELECT kind FROM site WHERE site_id = :s").bind("s", siteId).mapTo(String.class).findOne();
        if (kind.isEmpty()) {
            return Optional.of("unknown site '" + siteId + "'");
        }
        if (!kind.get().equals("store")) {
            return Optional.of("'" + siteId + "' is a warehouse; policies apply to stores");
        }
        Optional<String> type = h.createQuery("SELECT type FROM product WHERE sku = :s").bind("s", sku).mapTo(String.class).findOne();
        if (type.isEmpty()) {
            return Optional.of("unknown SKU '" + sku + "'");
        }
        if (!ProductType.parse(type.get()).map(ProductType::isStocked).orElse(false)) {
            return Optional.of("'" + sku + "' is a " + type.get() + ", which is not stocked");
        }
        return Optional.empty();
    }

    /** One row of a policies.csv file, validated. */
    public record FileRow(String siteId, String sku, Policy policy, boolean locked) {
    }

    /**
     * Reads and validates a policies.csv file ({@code site_id,sku,t_days,R,S,L,locked}) as {@code policy import}
     * does: known store, stocked SKU, whole numbers, valid levels, each position once. Any bad row rejects the whole
     * file ({@link InputRejectedException}, every problem with its line). Writes nothing.
     */
    public static List<FileRow> readFile(Ledger ledger, Path file, Charset charset, Consumer<String> warn) {
        Map<String, String> siteKinds = new HashMap<>();
        Map<String, ProductType> products = ledger.read(h -> {
            h.createQuery("SELECT site_id, kind FROM site").map((rs, ctx) -> siteKinds.put(rs.getString(1), rs.getString(2))).forEach(x -> { });
            return PositionChecks.products(h);
        });
        List<FileRow> rows = new ArrayList<>();
        ProblemList problems = new ProblemList();
        Map<String, Long> seen = new HashMap<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(COLUMNS).warnUnknown(Set.copyOf(COLUMNS), warn);
            for (CsvRow row : csv) {
                if (row.isEmptyLine()) {
                    continue;
                }
                boolean ok = true;
                String site = row.get("site_id");
                String sku = row.get("sku");
                if (!PositionChecks.knownSite(row, siteKinds::containsKey, problems)) {
                    ok = false;
                } else if (!siteKinds.get(site).equals("store")) {
                    problems.add(row.problem("site_id", "'" + site + "' is a warehouse; policies apply to stores"));
                    ok = false;
                }
                ok &= PositionChecks.stockedSku(row, products, problems);
                long[] v = new long[4];
                String[] cols = {"t_days", "R", "S", "L"};
                for (int i = 0; i < 4; i++) {
                    String text = row.get(cols[i]);
                    try {
                        v[i] = Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        problems.add(row.problem(cols[i], "'" + text + "' is not a whole number"));
                        ok = false;
                    }
                }
                String lockedText = row.get("locked").toLowerCase(Locale.ROOT);
                boolean locked = lockedText.equals("true");
                if (!lockedText.equals("true") && !lockedText.equals("false") && !lockedText.isEmpty()) {
                    problems.add(row.problem("locked", "'" + row.get("locked") + "' is not true or false"));
                    ok = false;
                }
                if (!ok) {
                    continue;
                }
                List<String> why = Policy.problems(v[0], v[1], v[2], v[3]);
                if (!why.isEmpty()) {
                    problems.add(row.problem(why.get(0).startsWith("t") ? "t_days" : why.get(0).substring(0, 1), String.join("; ", why)));
                    continue;
                }
                if (v[0] > Integer.MAX_VALUE) {
                    problems.add(row.problem("t_days", "is too large"));
                    continue;
                }
                Long first = seen.putIfAbsent(site + '\u0000' + sku, row.line());
                if (first != null) {
                    problems.add(row.problem("sku", "duplicate position " + site + "/" + sku + ": already on line " + first));
                    continue;
                }
                rows.add(new FileRow(site, sku, new Policy((int) v[0], v[1], v[2], v[3]), locked));
            }
        }
        problems.rejectIfAny();
        return rows;
    }

    /** What a policy import did. */
    public record ImportResult(long batchId, int rows, int created, int updated) {
    }

    /**
     * {@code policy import FILE} ({@code site_id,sku,t_days,R,S,L,locked}): every row validated first, then all
     * written in one transaction as source {@code import} (who = OS user, why = the file name).
     */
    public static ImportResult importFile(Ledger ledger, Path file, Charset charset, boolean force, LocalDateTime now,
                                          Consumer<String> warn) {
        String sha = FileDigest.sha256(file);
        List<FileRow> rows = readFile(ledger, file, charset, warn);
        return ledger.write(h -> {
            ImportBatches.refuseRepeat(h, KIND, file, sha, force);
            long before = h.createQuery("SELECT COUNT(*) FROM policy").mapTo(Long.class).one();
            long batch = ImportBatches.record(h, KIND, file, sha, rows.size(), rows.size(), now, force);
            PreparedBatch b = h.prepareBatch("INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, locked, locked_until, "
                    + "source, set_by, reason, review_from, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'import', ?, ?, ?, ?) "
                    + "ON CONFLICT (site_id, sku) DO UPDATE SET " + NEW_SCHEDULE_IF_T_CHANGES + ", t_days = excluded.t_days, r_level = excluded.r_level, "
                    + "s_level = excluded.s_level, l_level = excluded.l_level, locked = excluded.locked, locked_until = NULL, "
                    + "source = 'import', set_by = excluded.set_by, reason = excluded.reason, updated_at = excluded.updated_at");
            String user = System.getProperty("user.name", "unknown");
            String reason = "import " + file.getFileName() + " (batch " + batch + ")";
            String at = LocalTimes.format(now);
            int pending = 0;
            for (FileRow r : rows) {
                b.bind(0, r.siteId()).bind(1, r.sku()).bind(2, r.policy().t()).bind(3, r.policy().r()).bind(4, r.policy().s())
                        .bind(5, r.policy().l()).bind(6, r.locked() ? 1 : 0).bind(7, user).bind(8, reason).bind(9, at).bind(10, at).add();
                if (++pending == 20_000) {
                    b.execute();
                    pending = 0;
                }
            }
            if (pending > 0) {
                b.execute();
            }
            long after = h.createQuery("SELECT COUNT(*) FROM policy").mapTo(Long.class).one();
            int created = (int) (after - before);
            return new ImportResult(batch, rows.size(), created, rows.size() - created);
        });
    }
}
