package io.chanops.replenish.stock;

import static io.chanops.catalog.testing.CatalogImports.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.catalog.CatalogImport;
import io.chanops.catalog.testing.CatalogImports;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's rules that depend on stock: a product with moves keeps its type; off-sale products with stock are
 * named.
 */
class CatalogWithStockTest {
    @TempDir
    Path dir;

    CatalogImports imports;
    Ledger ledger;

    @BeforeEach
    void open() {
        imports = CatalogImports.fresh(dir, StockRepository::new);
        ledger = imports.ledger();
    }

    @Test
    void aHandsetWithStockMovesCannotBecomeAContract() {
        new SiteImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(TestLedgers.sample("sites.csv"), StandardCharsets.UTF_8, false, w -> {});
        imports.run(imports.file("v1.csv", "A1,handset,P1,,1.00,listed,web,,"));
        Path moves = TestLedgers.write(
                dir, "m.csv", "at,site_id,sku,kind,qty,ref", "2026-03-01 10:00,GZ-WH,A1,receipt,5,R1");
        new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(moves, StandardCharsets.UTF_8, false, w -> {}, n -> {}, null);
        Path change = imports.file("v2.csv", "A1,contract,P1,,0,listed,web,99.00,24");
        assertThatThrownBy(() -> imports.run(change))
                .isInstanceOfSatisfying(
                        InputRejectedException.class,
                        e -> assertThat(e.problems().get(0).toString())
                                .contains("v2.csv:2: type: 'A1' is a handset with stock moves"));
        assertThat(imports.products().get(0).type().toString()).isEqualTo("handset");
    }

    @Test
    void productsTakenOffSaleWithStockOnHandAreNamed() {
        new SiteImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(TestLedgers.sample("sites.csv"), StandardCharsets.UTF_8, false, w -> {});
        imports.run(imports.file(
                "v1.csv",
                "A1,handset,P1,,1.00,listed,web,,",
                "A2,handset,P2,,1.00,listed,web,,",
                "A3,handset,P3,,1.00,listed,web,,",
                "A4,handset,P4,,1.00,listed,web,,",
                "A5,handset,P5,,1.00,listed,web,,"));
        Path moves = TestLedgers.write(
                dir,
                "m.csv",
                "at,site_id,sku,kind,qty,ref",
                "2026-03-01 10:00,GZ-WH,A1,receipt,5,R1",
                "2026-03-01 10:00,GZ-TH-01,A1,receipt,2,R2",
                "2026-03-01 10:00,GZ-WH,A3,receipt,4,R3");
        new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(moves, StandardCharsets.UTF_8, false, w -> {}, n -> {}, null);
        // A1 drops out by --sync, A2 (no stock) too, A3 to A5 stay listed
        CatalogImport.Result r = imports.run(
                imports.file(
                        "v2.csv",
                        "A3,handset,P3,,1.00,listed,web,,",
                        "A4,handset,P4,,1.00,listed,web,,",
                        "A5,handset,P5,,1.00,listed,web,,"),
                true,
                false,
                true,
                false);
        assertThat(r.unlisted()).isEqualTo(2);
        assertThat(r.offSaleWithStock()).containsExactly(Map.entry("A1", 7L));
    }
}
