package io.chanops.finance;

import io.chanops.catalog.CatalogImport;
import io.chanops.catalog.ProductStock;
import io.chanops.catalog.testing.NoStock;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.confirmed.ConfirmedOrder;
import io.chanops.reconcile.confirmed.ConfirmedOrderRepository;
import io.chanops.reconcile.confirmed.ConfirmedOrderWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * A test ledger with the sample sites and catalog, where tests write what reconciliation would have stored:
 * runs, confirmed orders and BOSS activity.
 */
final class ReconciledLedger {
    /** The finance tests hold no stock. */
    private static final ProductStock NO_STOCK = new NoStock();

    final Ledger ledger;
    private long runs;

    ReconciledLedger(Path dir) {
        ledger = TestLedgers.fresh(dir);
        LocalDateTime at = LocalDateTime.of(2026, 1, 1, 8, 0);
        new SiteImport(ledger, OperationContext.at(at, ledger.zone()))
                .importFile(TestLedgers.sample("sites.csv"), StandardCharsets.UTF_8, false, w -> {});
        new CatalogImport(NO_STOCK, OperationContext.at(at, ledger.zone()))
                .importFile(ledger, TestLedgers.sample("catalog.csv"), StandardCharsets.UTF_8, false, w -> {});
    }

    /** A reconcile run at {@code runAt}; returns its id. */
    long run(String runAt) {
        long id = ++runs;
        ledger.write(h -> h.createUpdate(
                        "INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                                + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                                + "discrepancies, os_user) VALUES (:id, :at, 'p.csv', :sha, 'b.csv', :sha, "
                                + "'boss.properties', 0, 30, 0, 0, 0, 'test')")
                .bind("id", id)
                .bind("at", runAt)
                .bind("sha", "sha" + id)
                .execute());
        return id;
    }

    /**
     * A MATCHED order as run {@code runId} stored it (times as {@code YYYY-MM-DD HH:MM:SS}; a null acceptance: none).
     */
    void confirmed(
            long runId,
            String orderId,
            String createdAt,
            String site,
            String sku,
            long qty,
            long bossNetFen,
            String status,
            boolean bossLive,
            String bossAcceptedAt) {
        ledger.write(h -> {
            try (ConfirmedOrderWriter w = new ConfirmedOrderRepository(h).writer(runId)) {
                w.add(new ConfirmedOrder(
                        runId,
                        orderId,
                        dateTime(createdAt),
                        "web",
                        site,
                        "13800138000",
                        sku,
                        qty,
                        bossNetFen,
                        bossNetFen,
                        bossAcceptedAt == null ? null : dateTime(bossAcceptedAt),
                        status,
                        bossLive,
                        "order_ref"));
            }
            return null;
        });
    }

    static LocalDateTime dateTime(String text) {
        return LocalTimes.parseDateTime(text).orElseThrow();
    }

    void live(long runId, String orderId, String createdAt, String site, String sku, long qty, long bossNetFen) {
        confirmed(runId, orderId, createdAt, site, sku, qty, bossNetFen, "completed", true, createdAt);
    }

    void cancelled(long runId, String orderId, String createdAt, String site, String sku, long qty, String reversedAt) {
        confirmed(runId, orderId, createdAt, site, sku, qty, 0, "refunded", false, reversedAt);
    }

    void activity(long runId, String day, String site, long rows) {
        ledger.write(h -> h.createUpdate("INSERT INTO boss_activity (run_id, day, site_id, rows_count, amount_fen) "
                        + "VALUES (:run, :day, :site, :rows, 0)")
                .bind("run", runId)
                .bind("day", day)
                .bind("site", site)
                .bind("rows", rows)
                .execute());
    }
}
