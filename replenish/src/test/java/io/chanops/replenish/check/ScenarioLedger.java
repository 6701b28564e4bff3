package io.chanops.replenish.check;

import io.chanops.catalog.CatalogImport;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.policy.PolicyService;
import io.chanops.replenish.stock.MoveImport;
import io.chanops.replenish.stock.StockRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** A small ledger for service tests: warehouse WH, stores ST-1 and ST-2, SKUs PHONE (handset) and CASE (accessory). */
public final class ScenarioLedger {
    public static final LocalDateTime SETUP = LocalDateTime.of(2026, 2, 23, 8, 0);
    private final Path dir;
    public final Ledger ledger;
    private final AtomicInteger files = new AtomicInteger();

    public ScenarioLedger(Path dir) {
        this(dir, SETUP);
    }

    /** The same ledger, its sites and catalog imported at {@code setup}. */
    public ScenarioLedger(Path dir, LocalDateTime setup) {
        this.dir = dir;
        this.ledger = TestLedgers.fresh(dir);
        Path sites = TestLedgers.write(
                dir,
                "sites.csv",
                "site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes",
                "WH,Warehouse,warehouse,GZ,,,23.1,113.4,06:00,22:00",
                "ST-1,Store 1,store,GZ,WH,hall,23.2,113.3,09:00,21:00",
                "ST-2,Store 2,store,GZ,WH,partner,23.3,113.2,09:00,21:00");
        Path catalog = TestLedgers.write(
                dir,
                "catalog.csv",
                "sku,type,name,brand,price,status,channels,monthly_fee,months",
                "PHONE,handset,Phone,Brand,1999.00,listed,hall|partner,,",
                "CASE,accessory,Case,Brand,49.00,listed,hall|partner,,");
        importMasterData(ledger, sites, catalog, setup);
    }

    /**
     * Imports a sites.csv and a catalog.csv (UTF-8) at {@code at}, as {@code site import} and {@code catalog import}.
     */
    public static void importMasterData(Ledger ledger, Path sites, Path catalog, LocalDateTime at) {
        new SiteImport(ledger, OperationContext.at(at, ledger.zone()))
                .importFile(sites, StandardCharsets.UTF_8, false, w -> {});
        new CatalogImport(new StockRepository(ledger), OperationContext.at(at, ledger.zone()))
                .importFile(ledger, catalog, StandardCharsets.UTF_8, false, w -> {});
    }

    /** Imports moves (lines without header) at {@code now}, running the emergency step like {@code stock import}. */
    public MoveImport.Result<CheckReport> moves(LocalDateTime now, String... lines) {
        Path f = TestLedgers.writeRows(
                dir, "moves-" + files.incrementAndGet() + ".csv", "at,site_id,sku,kind,qty,ref", lines);
        return new MoveImport(ledger, OperationContext.at(now, ledger.zone()))
                .importFile(
                        f,
                        StandardCharsets.UTF_8,
                        false,
                        w -> {},
                        null,
                        (h, touched) -> CheckService.of(ledger, TestLedgers.at(now))
                                .afterImport(touched, CheckSettings.defaults()));
    }

    public void policy(String site, String sku, int t, long r, long s, long l) {
        PolicyService.of(ledger, TestLedgers.at(SETUP))
                .set(new PolicyService.Change(site, sku, t, r, s, l, null, "test", null));
    }

    CheckReport check(LocalDateTime now) {
        return CheckService.of(ledger, TestLedgers.at(now)).run(CheckSettings.defaults(), false);
    }

    CheckReport emergencyCheck(LocalDateTime now) {
        return CheckService.of(ledger, TestLedgers.at(now)).run(CheckSettings.defaults(), true);
    }
}
