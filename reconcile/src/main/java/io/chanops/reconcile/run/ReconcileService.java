package io.chanops.reconcile.run;

import io.chanops.ledger.Futures;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.WorkProgress;
import io.chanops.ledger.files.OutputGuard;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.files.Workbook;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.boss.BossProfile;
import io.chanops.reconcile.boss.BossReader;
import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.bulk.KeyColumn;
import io.chanops.reconcile.confirmed.ConfirmedOrder;
import io.chanops.reconcile.confirmed.ConfirmedOrderRepository;
import io.chanops.reconcile.confirmed.ConfirmedOrderWriter;
import io.chanops.reconcile.match.BossGroup;
import io.chanops.reconcile.match.CarriedOrder;
import io.chanops.reconcile.match.Category;
import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.match.Matcher;
import io.chanops.reconcile.match.Matching;
import io.chanops.reconcile.match.Summary;
import io.chanops.reconcile.platform.PlatformOrder;
import io.chanops.reconcile.platform.PlatformReader;
import io.chanops.reconcile.platform.PlatformStatus;
import io.chanops.reconcile.platform.PlatformTable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * {@code reconcile run}: reads and validates both files (nothing is written if either is rejected), matches them with
 * the {@link Reconciler}, checks that the categories add back to the file totals, and stores the run, its
 * discrepancies, the orders it confirmed and the BOSS activity per site and day in one ledger transaction, in which the
 * CSV reports are written too, to temporary files that replace the report directory's files only once the run is
 * stored, as the transaction's last step (a failure in either leaves neither, and a failed re-run leaves an earlier
 * run's reports as they were).
 */
public final class ReconcileService {
    private static final int BATCH = 10_000;

    private final Supplier<Ledger> ledgerSource;
    private final Consumer<String> trace;
    private final OutputSet outputs;
    /** With a format, --out names one workbook of the reports instead of a directory of CSV files. */
    private Workbook.Format workbook;

    private long phaseStart = System.nanoTime();

    public ReconcileService(Ledger ledger) {
        this(() -> ledger, s -> {}, null);
    }

    /**
     * {@code ledger} is asked for once, while the files are being read (opening a ledger costs a few hundred ms of
     * start-up that way overlaps the reading); {@code trace} receives the time each phase took (the CLI shows them
     * with -v); the reports are declared in {@code outputs}, written while the run is stored, and {@code outputs} is
     * published as the transaction's last step, before its commit (null: a set of the service's own).
     */
    public ReconcileService(Supplier<Ledger> ledger, Consumer<String> trace, OutputSet outputs) {
        this.ledgerSource = ledger;
        this.trace = trace;
        this.outputs = outputs;
    }

    private void phase(String name) {
        long now = System.nanoTime();
        trace.accept(String.format("%-28s %6d ms", name, (now - phaseStart) / 1_000_000));
        phaseStart = now;
    }

    /** The run's --out is one workbook written in {@code format}, a sheet per report, instead of a directory. */
    public ReconcileService toWorkbook(Workbook.Format format) {
        this.workbook = format;
        return this;
    }

    public RunOutcome run(RunRequest req, Consumer<String> warn, LongConsumer progress) {
        if (outputs != null) {
            return run(req, warn, progress, outputs);
        }
        try (OutputSet own = new OutputSet(OutputGuard.inputs(req.platformFile(), req.bossFile(), req.profileFile()))) {
            return run(req, warn, progress, own);
        }
    }

    private RunOutcome run(RunRequest req, Consumer<String> warn, LongConsumer progress, OutputSet outputs) {
        // an explicit --out is checked before any work; the default directory is named after the run id
        if (workbook != null && req.outDir() == null) {
            throw new IllegalArgumentException("a workbook of the reports needs its file");
        }
        Reports.ReportFiles declared = req.outDir() == null
                ? null
                : workbook != null
                        ? Reports.declareWorkbook(outputs, req.outDir(), workbook)
                        : Reports.declare(outputs, req.outDir(), req.carry());
        BossProfile profile = BossProfile.load(req.profileFile());
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "reconcile");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(req, profile, pool, warn, progress, outputs, declared);
        } finally {
            pool.shutdownNow();
        }
    }

    private RunOutcome run(
            RunRequest req,
            BossProfile profile,
            ExecutorService pool,
            Consumer<String> warn,
            LongConsumer progress,
            OutputSet outputs,
            Reports.ReportFiles declared) {
        // Both files are read in parallel, each hashed from the same reads; the ledger opens meanwhile.
        WorkProgress work = WorkProgress.of(progress);
        work.phase(
                WorkProgress.Phase.READING,
                req.platformFile().getFileName() + ", " + req.bossFile().getFileName(),
                WorkProgress.sizeOf(req.platformFile()) + WorkProgress.sizeOf(req.bossFile()));
        AtomicLongArray read = new AtomicLongArray(2);
        MessageDigest platformDigest = FileDigest.newSha256();
        MessageDigest bossDigest = FileDigest.newSha256();
        CompletableFuture<PlatformTable> platformRead = CompletableFuture.supplyAsync(
                () -> timed(
                        "platform file",
                        () -> PlatformReader.read(
                                req.platformFile(),
                                req.platformCharset(),
                                warn,
                                n -> {
                                    read.set(0, n);
                                    work.accept(read.get(0) + read.get(1));
                                },
                                platformDigest)),
                pool);
        CompletableFuture<BossTable> bossRead = CompletableFuture.supplyAsync(
                () -> timed(
                        "BOSS file",
                        () -> BossReader.read(
                                req.bossFile(),
                                profile,
                                warn,
                                n -> {
                                    read.set(1, n);
                                    work.accept(read.get(0) + read.get(1));
                                },
                                bossDigest)),
                pool);
        Ledger ledger = timed("open ledger", ledgerSource::get);
        List<InputRejectedException> rejections = new ArrayList<>();
        PlatformTable platform = null;
        BossTable boss = null;
        try {
            platform = Futures.join(platformRead);
        } catch (InputRejectedException e) {
            rejections.add(e);
        }
        try {
            boss = Futures.join(bossRead);
        } catch (InputRejectedException e) {
            rejections.add(e);
        }
        if (!rejections.isEmpty()) {
            // two files given the wrong way round: one problem that says so, instead of every column of both
            Optional<Problem> swapped = FilePairChecks.swapped(req, profile);
            if (swapped.isPresent()) {
                throw InputRejectedException.of(swapped.get());
            }
            if (rejections.size() == 1) {
                throw rejections.get(0); // as the reader refused it (with the header of a file refused for columns)
            }
            List<Problem> problems = new ArrayList<>();
            rejections.forEach(e -> problems.addAll(e.problems()));
            throw new InputRejectedException(problems);
        }
        String pSha = FileDigest.hex(platformDigest.digest());
        String bossSha = FileDigest.hex(bossDigest.digest());
        phase("read + validate + hash");
        work.phase(WorkProgress.Phase.CHECKING, "", -1);

        List<CarriedOrder> openEarlier = ledger.read(h -> {
            refuseRepeat(h, req, pSha, bossSha);
            return openMissingInBoss(h);
        });
        List<CarriedOrder> carried = req.carry() ? openEarlier : List.of();
        PlatformTable p = platform; // effectively final copies for the lambdas below
        BossTable b = boss;
        FilePairChecks.warnOfDifferentMonths(p, b, req, warn);
        Matching m =
                timed("rules", () -> new Matcher(req.toleranceFen(), req.windowSeconds()).match(p, b, carried, pool));
        checkAddsUp(m.summary(), p, b);
        List<Item> findings =
                timed("findings as items", () -> m.items(c -> c.discrepancy() || c == Category.RESOLVED_LATE));
        FilePairChecks.warnOfAHundredfold(findings, req, profile, warn);
        FilePairChecks.warnOfALargeTolerance(m, req, warn);
        FilePairChecks.warnOfALongWindow(m, req, warn);
        if (!req.carry()) {
            FilePairChecks.warnOfOrdersToCarry(findings, openEarlier, warn);
        }
        Map<SiteDay, long[]> activity = timed("BOSS activity", () -> activity(m));
        phase("match");

        // every row written references the run inserted first in this transaction: no per-row foreign-key checks; a
        // dry run stores the run as the real one would, publishes the reports, then rolls the transaction back
        work.phase(WorkProgress.Phase.WRITING, "", -1);
        HandleCallback<RunOutcome, RuntimeException> store = h -> {
            refuseRepeat(h, req, pSha, bossSha);
            long runId = Ids.next(h, "reconcile_run", "run_id");
            Path dir = req.outDir() != null ? req.outDir() : Path.of("reconcile-" + runId);
            Reports.ReportFiles files = declared != null ? declared : Reports.declare(outputs, dir, req.carry());
            // written to temporary files while the run is stored; they replace DIR's files just before the commit
            CompletableFuture<Void> reports = CompletableFuture.runAsync(
                    () -> timed(
                            "reports (thread)",
                            () -> new Reports(req.mask(), req.bom()).write(files, m, findings, req.carry())),
                    pool);
            insertRun(h, runId, req, pSha, bossSha, p, b, m.summary(), dir);
            try {
                Connection c = h.getConnection();
                insertItems(c, runId, Ids.next(h, "reconcile_item", "item_id"), findings);
                phase("ledger: findings");
                timed("confirmed orders (main)", () -> insertConfirmed(h, runId, m, findings, req.toleranceFen()));
                phase("ledger: confirmed orders");
                new BossActivityRepository(h).insert(runId, activity);
                closeCarried(c, runId, findings);
                phase("ledger: activity, carried");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store run " + runId + ": " + e.getMessage(), e);
            }
            Futures.join(reports);
            outputs.publish();
            phase("reports written");
            work.phase(WorkProgress.Phase.COMMITTING, "", -1);
            List<Item> late = findings.stream()
                    .filter(i -> i.category() == Category.RESOLVED_LATE)
                    .toList();
            return new RunOutcome(
                    runId,
                    dir,
                    m.summary(),
                    p.size(),
                    p.totalFen(),
                    b.size(),
                    b.totalFen(),
                    b.totalRowsLeftOut(),
                    req.carry(),
                    late,
                    req.toleranceFen());
        };
        RunOutcome outcome = req.dryRun() ? ledger.writeAndRollBack(store) : ledger.writeBulk(store);
        phase("commit");
        return outcome;
    }

    /** Runs {@code work}, tracing its wall and CPU time (the reading threads run side by side, so phases overlap). */
    private <T> T timed(String what, Supplier<T> work) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        T result = work.get();
        trace.accept(String.format(
                "  %-26s %6d ms (%d ms CPU)",
                what, (System.nanoTime() - wall) / 1_000_000, (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000));
        return result;
    }

    private void timed(String what, Runnable work) {
        timed(what, () -> {
            work.run();
            return null;
        });
    }

    private static void refuseRepeat(Handle h, RunRequest req, String platformSha, String bossSha) {
        if (req.force()) {
            return;
        }
        h.createQuery("SELECT run_id, run_at FROM reconcile_run WHERE platform_sha256 = :p AND boss_sha256 = :b "
                        + "ORDER BY run_id LIMIT 1")
                .bind("p", platformSha)
                .bind("b", bossSha)
                .map((rs, ctx) -> rs.getLong(1) + " (" + rs.getString(2) + ")")
                .findOne()
                .ifPresent(run -> {
                    throw InputRejectedException.of(Problem.ofFile(
                            req.bossFile().toString(),
                            "this pair of files (same SHA-256) was already reconciled as run " + run
                                    + "; use --force to reconcile it again"));
                });
    }

    /** The totals check: if the categories do not add back to the files, the report is wrong and must not be stored. */
    static void checkAddsUp(Summary s, PlatformTable platform, BossTable boss) {
        if (s.platformTotalFen() != platform.totalFen()
                || s.platformRows() != platform.size()
                || s.bossTotalFen() != boss.totalFen()) {
            throw new IllegalStateException("reconciliation does not add up: platform "
                    + Fen.format(s.platformTotalFen())
                    + " of " + Fen.format(platform.totalFen()) + " in " + s.platformRows() + " of " + platform.size()
                    + " rows, BOSS " + Fen.format(s.bossTotalFen()) + " of " + Fen.format(boss.totalFen()));
        }
    }

    /** A site and a day {@code YYYY-MM-DD}: the key of the BOSS activity. */
    record SiteDay(String siteId, String day) {}

    /** BOSS rows and amount per (site, day), leaving out the extra copies of duplicated boss_ids. */
    static Map<SiteDay, long[]> activity(Matching m) {
        // keyed by (site code, epoch day) in one long; consecutive rows mostly share the key
        BossTable boss = m.boss();
        Map<Long, long[]> perSiteDay = new HashMap<>();
        long lastKey = Long.MIN_VALUE;
        long[] last = null;
        for (int r = 0; r < boss.size(); r++) {
            if (m.duplicateBoss(r)) {
                continue;
            }
            long key = ((long) boss.siteCode(r) << 32) | (Math.floorDiv(boss.acceptedAt(r), 86_400L) & 0xFFFF_FFFFL);
            if (key != lastKey) {
                last = perSiteDay.computeIfAbsent(key, k -> new long[2]);
                lastKey = key;
            }
            last[0]++;
            last[1] += boss.amountFen(r);
        }
        Map<SiteDay, long[]> byName = new HashMap<>();
        perSiteDay.forEach((key, a) -> byName.put(
                new SiteDay(
                        boss.siteOfCode((int) (key >>> 32)), LocalTimes.format(LocalDate.ofEpochDay((int) (long) key))),
                a));
        return byName;
    }

    private static void insertRun(
            Handle h,
            long runId,
            RunRequest req,
            String pSha,
            String bSha,
            PlatformTable p,
            BossTable b,
            Summary s,
            Path dir) {
        h.createUpdate("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                        + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                        + "discrepancies, os_user, forced, carry, platform_total_fen, boss_total_fen, matched, "
                        + "resolved_late, out_dir) VALUES (:id, :at, :pf, :ps, :bf, :bs, :prof, :tol, :win, "
                        + ":prows, :brows, :disc, :user, :forced, :carry, :ptot, :btot, :matched, :late, :dir)")
                .bind("id", runId)
                .bind("at", LocalTimes.format(req.now()))
                .bind("pf", req.platformFile().getFileName().toString())
                .bind("ps", pSha)
                .bind("bf", req.bossFile().getFileName().toString())
                .bind("bs", bSha)
                .bind("prof", req.profileFile().getFileName().toString())
                .bind("tol", req.toleranceFen())
                .bind("win", req.windowSeconds() / 60)
                .bind("prows", p.size())
                .bind("brows", b.size())
                .bind("disc", s.discrepancies())
                .bind("user", req.user())
                .bind("forced", req.force() ? 1 : 0)
                .bind("carry", req.carry() ? 1 : 0)
                .bind("ptot", p.totalFen())
                .bind("btot", b.totalFen())
                .bind("matched", s.count(Category.MATCHED))
                .bind("late", s.count(Category.RESOLVED_LATE))
                .bind("dir", dir.toAbsolutePath().normalize().toString())
                .execute();
    }

    private static void insertItems(Connection c, long runId, long itemId, List<Item> items) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO reconcile_item (item_id, run_id, category, order_id, "
                        + "boss_ids, msisdn, site_id, created_at, platform_amount_fen, boss_amount_fen, "
                        + "platform_status, boss_status, matched_by, channel, sku, qty, boss_accepted_at, age_days, "
                        + "carried_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Item item : items) {
                Category cat = item.category();
                PlatformOrder o = item.order();
                BossGroup g = item.group();
                ps.setLong(1, itemId++);
                ps.setLong(2, runId);
                ps.setString(3, cat.name());
                ps.setString(4, item.orderId());
                ps.setString(5, g == null ? null : g.bossIds());
                ps.setString(6, item.msisdn());
                ps.setString(7, o != null ? o.siteId() : g.latest().siteId());
                ps.setString(8, o == null ? null : BossDateTime.format(o.createdAt()));
                setLong(ps, 9, o == null ? null : o.amountFen());
                setLong(ps, 10, g == null ? null : g.netFen());
                ps.setString(11, o == null ? null : o.status().toString());
                ps.setString(12, g == null ? null : g.status());
                ps.setString(13, item.matchedBy().isEmpty() ? null : item.matchedBy());
                ps.setString(14, o == null ? null : o.channel());
                ps.setString(15, o == null ? null : o.sku());
                setLong(ps, 16, o == null ? null : (long) o.qty());
                ps.setString(
                        17, g == null ? null : BossDateTime.format(g.latest().acceptedAt()));
                setLong(ps, 18, cat == Category.RESOLVED_LATE ? Reports.ageDays(item) : null);
                setLong(ps, 19, item.carried() == null ? null : item.carried().itemId());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * MATCHED orders, with their BOSS amounts and dates: the basis of commission. A RESOLVED_LATE order whose group
     * would have been MATCHED is confirmed by this run too (BOSS has now shown it), so it earns its commission late.
     */
    private static void insertConfirmed(Handle h, long runId, Matching m, List<Item> findings, long toleranceFen) {
        PlatformTable p = m.platform();
        BossTable b = m.boss();
        KeyColumn ids = p.orderIds();
        KeyColumn phones = p.msisdns();
        try (ConfirmedOrderWriter w = new ConfirmedOrderRepository(h).writer(runId)) {
            for (int i = 0; i < p.size(); i++) {
                if (m.category(i) != Category.MATCHED) {
                    continue;
                }
                int g = m.groupOf(i);
                int latest = m.latest(g);
                w.add(
                        ids.bytes(),
                        ids.from(i),
                        ids.to(i),
                        p.createdAt(i),
                        p.channel(i),
                        p.siteId(i),
                        phones.bytes(),
                        phones.from(i),
                        phones.to(i),
                        p.sku(i),
                        p.qty(i),
                        p.amountFen(i),
                        m.netFen(g),
                        b.acceptedAt(latest),
                        p.status(i).toString(),
                        b.completed(latest),
                        m.matchedBy(g));
            }
            for (Item item : findings) {
                if (item.category() == Category.RESOLVED_LATE && confirmsLate(item, toleranceFen)) {
                    PlatformOrder o = item.order();
                    BossGroup g = item.group();
                    w.add(new ConfirmedOrder(
                            runId,
                            o.orderId(),
                            BossDateTime.toLocal(o.createdAt()),
                            o.channel(),
                            o.siteId(),
                            o.msisdn(),
                            o.sku(),
                            o.qty(),
                            o.amountFen(),
                            g.netFen(),
                            BossDateTime.toLocal(g.latest().acceptedAt()),
                            o.status().toString(),
                            g.live(),
                            item.matchedBy()));
                }
            }
        }
    }

    /**
     * A late group confirms the order as a MATCHED one is confirmed: both sides live, the amounts within the run's
     * tolerance.
     */
    private static boolean confirmsLate(Item item, long toleranceFen) {
        return item.order().status().live() && item.lateAs(toleranceFen) == Category.MATCHED;
    }

    private static void closeCarried(Connection c, long runId, List<Item> items) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE reconcile_item SET resolved_run_id = ? WHERE item_id = ?")) {
            for (Item item : items) {
                if (item.category() == Category.RESOLVED_LATE) {
                    ps.setLong(1, runId);
                    ps.setLong(2, item.carried().itemId());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Items earlier runs left MISSING_IN_BOSS and no run has resolved yet. */
    static List<CarriedOrder> openMissingInBoss(Handle h) {
        return h.createQuery("SELECT item_id, run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, "
                        + "platform_amount_fen, platform_status FROM reconcile_item "
                        + "WHERE category = 'MISSING_IN_BOSS' AND resolved_run_id IS NULL ORDER BY item_id")
                .map((rs, ctx) -> {
                    String created = rs.getString("created_at");
                    PlatformOrder o = new PlatformOrder(
                            rs.getString("order_id"),
                            BossDateTime.STORED.parse(created),
                            nz(rs.getString("channel")),
                            nz(rs.getString("site_id")),
                            nz(rs.getString("msisdn")),
                            nz(rs.getString("sku")),
                            (int) rs.getLong("qty"),
                            rs.getLong("platform_amount_fen"),
                            PlatformStatus.parse(rs.getString("platform_status"))
                                    .orElse(PlatformStatus.PAID),
                            0);
                    return new CarriedOrder(rs.getLong("item_id"), rs.getLong("run_id"), o);
                })
                .list();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
