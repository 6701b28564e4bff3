package io.chanops.replenish.policy;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ImportVoice;
import io.chanops.ledger.imports.UpsertCounts;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.text.Jumps;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.LocalTimes;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and writes policies: {@code policy set}, {@code policy import}, {@code policy list}. Each call is one
 * transaction; changes are recorded at the context's time as its acting user.
 */
public record PolicyService(
        Ledger ledger,
        PolicyRepository policies,
        SiteRepository sites,
        ProductRepository products,
        PolicyFile files,
        OperationContext context) {
    public static final String KIND = "policies";
    /** Review period of a position that gets its first policy without --t. */
    public static final int DEFAULT_T = 7;

    /** A {@code policy set} request: null fields keep the current value. */
    public record Change(
            String siteId,
            String sku,
            Integer t,
            Long r,
            Long s,
            Long l,
            Boolean lock,
            String reason,
            LocalDate until) {
        boolean setsLevels() {
            return t != null || r != null || s != null || l != null;
        }
    }

    /**
     * What a policy import did: of its {@code rows}, {@code created} new policies, {@code updated} changed ones, and
     * {@code unchanged} rows equal to the position's policy (left as they were).
     */
    /** The service on {@code ledger}'s repositories. */
    public static PolicyService of(Ledger ledger, OperationContext context) {
        return new PolicyService(
                ledger,
                ledger.repository(PolicyRepository.class),
                ledger.repository(SiteRepository.class),
                ledger.repository(ProductRepository.class),
                PolicyFile.of(ledger),
                context);
    }

    public Optional<PolicyRecord> find(String siteId, String sku) {
        return ledger.read(h -> policies.find(siteId, sku));
    }

    public List<PolicyRecord> list(String site, String sku) {
        return ledger.read(h -> policies.list(site, sku));
    }

    /**
     * {@code policy set}: new values are manual: they record who, why and until when, and lock the position against
     * tuning (until {@code until}, if given) unless {@code lock} is false. {@code --lock/--unlock} alone only lock or
     * release the current values. Rejected (exit 4, nothing written) when the site or SKU is unknown, the site is a
     * warehouse, the SKU is not stocked, or the resulting levels break 0 <= L <= R <= S, S > 0, t >= 1.
     */
    public PolicyRecord set(Change c) {
        return set(c, warning -> {});
    }

    /**
     * As {@link #set(Change)}, warning through {@code warn} of an {@code until} day more than a year ahead. An
     * {@code until} day already over is refused: most likely a year typed wrong, it would let tuning change at once the
     * values it was meant to keep.
     */
    public PolicyRecord set(Change c, Consumer<String> warn) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            String where = "policy set --site " + c.siteId() + " --sku " + c.sku();
            checkPosition(c.siteId(), c.sku()).ifPresent(msg -> {
                throw InputRejectedException.of(Problem.ofFile(where, msg));
            });
            LocalDate today = now.toLocalDate();
            if (c.until() != null && c.until().isBefore(today)) {
                // the lock holds to the end of its day: one already over protects nothing, and the values it was
                // meant to keep would be tuned away at the next run
                throw InputRejectedException.of(Problem.ofFile(
                        where,
                        "--until " + c.until() + " is before today (" + today + "): a lock already over keeps nothing"
                                + " from tuning (a year typed wrong?); nothing set"));
            }
            Optional<PolicyRecord> old = policies.find(c.siteId(), c.sku());
            if (old.isEmpty() && (c.r() == null || c.s() == null)) {
                throw InputRejectedException.of(Problem.ofFile(
                        where,
                        "the position has no policy yet: give at least --R and --S " + "(--L defaults to 0, --t to "
                                + DEFAULT_T + ")"));
            }
            if (!c.setsLevels() && c.lock() == null && c.until() == null && c.reason() == null) {
                throw InputRejectedException.of(
                        Problem.ofFile(where, "nothing to change: give --t, --R, --S, --L, --lock or --unlock"));
            }
            String unclean = c.reason() == null ? null : Cells.textProblem(c.reason());
            if (unclean != null) {
                // as in a file's reason cell: a listing with it would not import back
                throw InputRejectedException.of(Problem.ofFile(where, "--reason " + unclean));
            }
            Policy base = old.map(PolicyRecord::policy).orElse(null);
            long t = c.t() != null ? c.t() : base != null ? base.t() : DEFAULT_T;
            long r = c.r() != null ? c.r() : base.r();
            long s = c.s() != null ? c.s() : base.s();
            long l = c.l() != null ? c.l() : base != null ? base.l() : 0;
            List<String> problems = new ArrayList<>(Policy.problems(t, r, s, l));
            problems.addAll(PolicyFile.outOfRange(t, r, s, l));
            if (!problems.isEmpty()) {
                throw InputRejectedException.of(Problem.ofFile(where, String.join("; ", problems)));
            }
            boolean locked = c.lock() != null
                    ? c.lock()
                    : c.setsLevels() || old.map(PolicyRecord::locked).orElse(false);
            String until = c.until() != null
                    ? c.until().toString()
                    : (c.setsLevels() || c.lock() != null)
                            ? null
                            : old.map(PolicyRecord::lockedUntil).orElse(null);
            policies.set(
                    c.siteId(),
                    c.sku(),
                    t,
                    r,
                    s,
                    l,
                    locked,
                    until,
                    c.setsLevels(),
                    context.user(),
                    c.reason(),
                    LocalTimes.format(now));
            if (base != null) {
                warnOfJump(where, "S", base.s(), s, warn);
                warnOfJump(where, "R", base.r(), r, warn);
            }
            if (c.until() != null && isFarAhead(c.until(), today)) {
                warn.accept(Problem.ofFile(where, "--until " + farAhead(c.until(), today))
                        .toString());
            }
            return policies.find(c.siteId(), c.sku()).orElseThrow();
        });
    }

    /** How far ahead a lock may end before it is worth a warning: a lock for a season or a launch, not for years. */
    static final Period LOCK_AHEAD = Period.ofYears(1);

    /** True when a lock ending on {@code until} outlasts {@link #LOCK_AHEAD} from {@code today}. */
    static boolean isFarAhead(LocalDate until, LocalDate today) {
        return until.isAfter(today.plus(LOCK_AHEAD));
    }

    /**
     * {@code "2062-01-01 is more than a year after today (2026-03-02): ..."}: a lock that long keeps tuning away from
     * the position for years, most likely a year typed wrong (2062 for 2026). Recorded as given.
     */
    static String farAhead(LocalDate until, LocalDate today) {
        return until + " is more than a year after today (" + today + "): tuning leaves these values alone until then"
                + " (a year typed wrong?)";
    }

    /** How many times the level before a new level may be, either way, before it is worth a warning. */
    static final long LEVEL_JUMP = 5;

    /** Rows of a policy file from which its levels are not compared with those before (a generated bulk file). */
    static final int COMPARED_ROWS = 100_000;

    /**
     * Warns of a level set to {@link #LEVEL_JUMP} times the one before or more, or a {@link #LEVEL_JUMP}th or less (a
     * digit typed twice or left out): the next review orders up to it. Set as given.
     */
    private static void warnOfJump(String where, String level, long before, long after, Consumer<String> warn) {
        jump(level, before, after)
                .ifPresent(jump -> warn.accept(
                        Problem.ofFile(where, jump + ": set as given; check it (a digit typed twice or left out?)")
                                .toString()));
    }

    /**
     * {@code "S 2000 is 10 times the S before (200)"} when {@code after} is {@link #LEVEL_JUMP} times {@code before}
     * or more, or a {@link #LEVEL_JUMP}th or less; a level at 0 on either side is deliberate (no more orders).
     */
    static Optional<String> jump(String level, long before, long after) {
        return Jumps.ratio(before, after, LEVEL_JUMP)
                .map(r -> level + " " + after + " is " + r + " the " + level + " before (" + before + ")");
    }

    /**
     * Warns of the rows of a policy file (of at most {@link #COMPARED_ROWS} rows) that change a position's policy in a
     * way that is most likely a slip, each imported as given: an R or S {@link #LEVEL_JUMP} times the level before or
     * more, or a {@link #LEVEL_JUMP}th or less; a lock whose end is before {@code today} and is not the one the
     * position has (a listing imported back keeps its old, ended locks without a word). The records before are read
     * site by site.
     */
    private void warnOfChanges(
            Path file, List<PolicyFile.Row> rows, LocalDate today, ImportVoice voice, Consumer<String> warn) {
        if (rows.size() > COMPARED_ROWS) {
            return;
        }
        Map<String, Map<String, PolicyRecord>> before = new HashMap<>();
        List<String> jumps = new ArrayList<>();
        List<String> endedLocks = new ArrayList<>();
        for (PolicyFile.Row row : rows) {
            Optional<PolicyRecord> old = Optional.ofNullable(before.computeIfAbsent(row.siteId(), site -> {
                        Map<String, PolicyRecord> records = new HashMap<>();
                        policies.list(site, null).forEach(p -> records.put(p.sku(), p));
                        return records;
                    })
                    .get(row.sku()));
            old.ifPresent(record -> {
                Policy levels = record.policy();
                jump("S", levels.s(), row.policy().s()).ifPresent(j -> jumps.add(rowJump(file, row, "S", j, voice)));
                jump("R", levels.r(), row.policy().r()).ifPresent(j -> jumps.add(rowJump(file, row, "R", j, voice)));
            });
            LocalDate until = row.lockedUntil();
            if (until != null
                    && until.isBefore(today)
                    && !old.map(PolicyRecord::lockedUntil).equals(Optional.of(LocalTimes.format(until)))) {
                endedLocks.add(new Problem(
                                file.toString(),
                                row.line(),
                                PolicyFile.LOCKED_UNTIL,
                                row.siteId() + "/" + row.sku() + ": " + until + " is before today (" + today
                                        + "): the lock is already over, and the next tuning may change these levels"
                                        + " (a year typed wrong?); " + voice.imported() + " as given")
                        .toString());
            }
        }
        Named.warnFirst(jumps, NAMED_JUMPS, file.toString(), "levels changed that much", warn);
        Named.warnFirst(endedLocks, NAMED_JUMPS, file.toString(), "locks already over", warn);
    }

    /** Warns of the rows of a policy file locked until more than {@link #LOCK_AHEAD} after {@code today}. */
    private static void warnOfLocksFarAhead(
            Path file, List<PolicyFile.Row> rows, LocalDate today, ImportVoice voice, Consumer<String> warn) {
        List<String> found = rows.stream()
                .filter(row -> row.lockedUntil() != null && isFarAhead(row.lockedUntil(), today))
                .map(row -> new Problem(
                                file.toString(),
                                row.line(),
                                PolicyFile.LOCKED_UNTIL,
                                row.siteId() + "/" + row.sku() + ": " + farAhead(row.lockedUntil(), today) + "; "
                                        + voice.imported() + " as given")
                        .toString())
                .toList();
        Named.warnFirst(found, NAMED_JUMPS, file.toString(), "locks ending more than a year ahead", warn);
    }

    /** Level changes named one by one in the warnings of a policy file; past them, a count. */
    static final int NAMED_JUMPS = 20;

    private static String rowJump(Path file, PolicyFile.Row row, String column, String jump, ImportVoice voice) {
        return new Problem(
                        file.toString(),
                        row.line(),
                        column,
                        row.siteId() + "/" + row.sku() + ": " + jump + ": " + voice.imported()
                                + " as given; check it (a digit typed twice or left out?)")
                .toString();
    }

    /** Why a (site, SKU) cannot have a policy, or empty when it can. */
    private Optional<String> checkPosition(String siteId, String sku) {
        Optional<Site> site = sites.find(siteId);
        if (site.isEmpty()) {
            return Optional.of("unknown site '" + siteId + "'" + sites.known().hint(siteId, ""));
        }
        if (!site.get().isStore()) {
            return Optional.of(PolicyFile.warehouse(siteId));
        }
        Optional<Product> product = products.find(sku);
        if (product.isEmpty()) {
            return Optional.of("unknown SKU '" + sku + "'" + products.known().hint(sku, ""));
        }
        return PolicyFile.outsidePolicies(site.get(), product.get());
    }

    /**
     * {@code policy import FILE} ({@code site_id,sku,t_days,R,S,L,locked}, optionally {@code locked_until}): every
     * row validated first, then all written in one transaction as source {@code import} (who = the acting user, why =
     * the file name), except the rows equal to the position's policy, which are left as they are (a {@code policy list}
     * imported back keeps every policy's source, reason and lock's end).
     */
    public UpsertCounts importFile(Path file, Charset charset, boolean force, Consumer<String> warn) {
        return importFile(file, charset, force, false, warn);
    }

    /**
     * As above; {@code dryRun}: the same import, with the same checks and warnings, in a transaction rolled back (the
     * result says what it would have done; its batch id is the one it would have taken).
     */
    public UpsertCounts importFile(Path file, Charset charset, boolean force, boolean dryRun, Consumer<String> warn) {
        LocalDateTime now = context.now();
        String sha = FileDigest.sha256(file);
        List<PolicyFile.Row> rows = files.read(file, charset, warn);
        return ledger.write(dryRun, h -> {
            ImportBatches.refuseRepeat(h, KIND, file, sha, force);
            warnOfChanges(file, rows, now.toLocalDate(), ImportVoice.of(dryRun), warn);
            warnOfLocksFarAhead(file, rows, now.toLocalDate(), ImportVoice.of(dryRun), warn);
            long before = policies.count();
            long batch = ImportBatches.record(h, KIND, file, sha, rows.size(), rows.size(), now, context.user(), force);
            String reason = "import " + file.getFileName() + " (batch " + batch + ")";
            int written = policies.importAll(rows, context.user(), reason, LocalTimes.format(now));
            int created = (int) (policies.count() - before);
            return new UpsertCounts(batch, rows.size(), created, written - created, rows.size() - written);
        });
    }
}
