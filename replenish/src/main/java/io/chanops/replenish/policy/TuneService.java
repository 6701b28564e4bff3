package io.chanops.replenish.policy;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.stock.StockRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * {@code policy tune}: streams each position's moves in time order once into its {@link SalesHistory} over the
 * history window (the {@code historyDays} days before today), which leaves out the days it spent entirely out of stock,
 * and tunes R, S, L with {@link PolicyTuner}. Positions: stores x stocked SKUs that have a policy or stock. Locked
 * positions (whose lock has not expired) are never changed; new values are written in one transaction unless dry run.
 */
public record TuneService(
        Ledger ledger,
        PolicyRepository policies,
        StockRepository stock,
        SiteRepository sites,
        ProductRepository products,
        OperationContext context) {
    /** Options of one tuning run. {@code displayMin} by product type. */
    public record Options(
            int historyDays,
            double serviceLevel,
            int leadDays,
            String site,
            String sku,
            boolean dryRun,
            Map<ProductType, Long> displayMin) {
        public Options {
            if (historyDays < 1 || historyDays > PolicyTuner.MAX_HISTORY_DAYS) {
                throw new IllegalArgumentException(
                        "--history-days must be between 1 and " + PolicyTuner.MAX_HISTORY_DAYS);
            }
        }
    }

    public enum Status {
        NEW("new"),
        CHANGED("changed"),
        UNCHANGED("unchanged"),
        LOCKED("locked"),
        NO_DATA("no-data");

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
    public record Row(String siteId, String sku, Policy old, Policy tuned, PolicyTuner.Tuned stats, Status status) {}

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

    /** The service on {@code ledger}'s repositories. */
    public static TuneService of(Ledger ledger, OperationContext context) {
        return new TuneService(
                ledger,
                ledger.repository(PolicyRepository.class),
                new StockRepository(ledger),
                ledger.repository(SiteRepository.class),
                ledger.repository(ProductRepository.class),
                context);
    }

    /** Tunes as of the context's today: reads, then writes the new levels in one transaction (unless dry run). */
    public Report tune(Options o, boolean keepAllRows, LongConsumer progress) {
        return tune(o, keepAllRows, progress, report -> {});
    }

    /**
     * As above; {@code beforeCommit} receives the report before the tuned policies are committed (a command writes its
     * files there), or, when there is nothing to write, once the report is made.
     */
    public Report tune(Options o, boolean keepAllRows, LongConsumer progress, Consumer<Report> beforeCommit) {
        LocalDateTime now = context.now();
        LocalDate today = now.toLocalDate();
        LocalDate from = today.minusDays(o.historyDays());
        LocalDate to = today.minusDays(1);
        int days = o.historyDays();
        Map<String, Map<String, Target>> targets = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        Map<Status, Long> counts = new HashMap<>();
        ledger.read(h -> {
            loadTargets(o, today, days, targets);
            SalesHistory.read(
                    stock,
                    from,
                    today,
                    o.site(),
                    o.sku(),
                    (site, sku) -> {
                        Map<String, Target> bySku = targets.get(site);
                        Target t = bySku == null ? null : bySku.get(sku);
                        return t == null ? null : t.history;
                    },
                    progress);
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
        rows.sort((a, b) -> a.siteId().equals(b.siteId())
                ? a.sku().compareTo(b.sku())
                : a.siteId().compareTo(b.siteId()));
        Report report = new Report(from, to, counts, rows, o.dryRun());
        if (!o.dryRun() && !writes.isEmpty()) {
            List<PolicyRepository.Tuning> tunings = writes.stream()
                    .map(r -> new PolicyRepository.Tuning(r.siteId(), r.sku(), r.stats()))
                    .toList();
            ledger.write(h -> {
                policies.writeTuned(tunings, from, to, o.serviceLevel(), nowText);
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
        int period = t.old != null ? t.old.t() : PolicyService.DEFAULT_T;
        long displayMin = o.displayMin().getOrDefault(t.type, 0L);
        PolicyTuner.Tuned tuned =
                t.history.tune(period, new PolicyTuner.Settings(o.serviceLevel(), o.leadDays(), displayMin));
        if (tuned == null) {
            return new Row(t.siteId, t.sku, t.old, null, null, Status.NO_DATA);
        }
        Status status = t.old == null ? Status.NEW : t.old.equals(tuned.policy()) ? Status.UNCHANGED : Status.CHANGED;
        return new Row(t.siteId, t.sku, t.old, tuned.policy(), tuned, status);
    }

    /** The store positions of stocked SKUs that have a policy or stock, with their policy and lock. */
    private void loadTargets(Options o, LocalDate today, int days, Map<String, Map<String, Target>> targets) {
        Set<String> stores = new HashSet<>();
        sites.list().stream().filter(Site::isStore).forEach(s -> stores.add(s.siteId()));
        Map<String, ProductType> types = products.types();
        policies.forEachTuneTarget(o.site(), o.sku(), k -> {
            ProductType type = types.get(k.sku());
            if (!stores.contains(k.siteId()) || type == null || !type.isStocked()) {
                return;
            }
            boolean locked = PolicyRecord.lockedOn(k.locked(), k.lockedUntil(), today);
            targets.computeIfAbsent(k.siteId(), x -> new HashMap<>())
                    .put(k.sku(), new Target(k.siteId(), k.sku(), type, k.policy(), locked, days));
        });
    }
}
