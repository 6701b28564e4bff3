package io.chanops.catalog;

import static io.chanops.catalog.testing.CatalogImports.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.catalog.testing.CatalogImports;
import io.chanops.catalog.testing.NoStock;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImportTest {
    @TempDir
    Path dir;

    CatalogImports imports;
    Ledger ledger;

    @BeforeEach
    void open() {
        imports = CatalogImports.fresh(dir, l -> new NoStock());
        ledger = imports.ledger();
    }

    private int count(String table) {
        return ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Integer.class)
                .one());
    }

    /** Updates whose price is 5 times the price before or more, or a fifth or less, are named; new products are not. */
    @Test
    void priceUpdatesOfAFactorOfFiveOrMoreAreNamed() {
        imports.run(imports.file(
                "before.csv",
                "P1,handset,Phone,,1000.00,listed,web,,",
                "P2,handset,Phone,,1000.00,listed,web,,",
                "P3,handset,Phone,,1000.00,listed,web,,",
                "P4,handset,Phone,,1000.00,listed,web,,",
                "P5,handset,Phone,,1000.00,listed,web,,"));
        CatalogImport.Result r = imports.run(imports.file(
                "after.csv",
                "P1,handset,Phone,,10000.00,listed,web,,", // x10
                "P2,handset,Phone,,4999.99,listed,web,,", // just under x5
                "P3,handset,Phone,,200.00,listed,web,,", // a fifth
                "P4,handset,Phone,,5000.00,listed,web,,", // exactly x5
                "P5,handset,Phone,,1100.00,listed,web,,",
                "P7,handset,Phone,,99999.00,listed,web,,")); // new
        assertThat(r.priceJumps()).extracting(CatalogChange::sku).containsExactly("P1", "P3", "P4");
        assertThat(r.amountJumps())
                .extracting(CatalogChanges.AmountJump::message)
                .containsExactly(
                        "P1 1000.00 -> 10000.00, 10 times the price before: check it",
                        "P3 1000.00 -> 200.00, 1/5 of the price before: check it",
                        "P4 1000.00 -> 5000.00, 5 times the price before: check it");
    }

    /** A monthly fee is held to the same factor; a fee on one side only is not compared. */
    @Test
    void monthlyFeeUpdatesOfAFactorOfFiveOrMoreAreNamed() {
        imports.run(imports.file(
                "before.csv", "C1,contract,Plan,,0,listed,hall,129.00,24", "C2,contract,Plan,,0,listed,hall,99.00,12"));
        CatalogImport.Result r = imports.run(imports.file(
                "after.csv", "C1,contract,Plan,,0,listed,hall,12.90,24", "C2,contract,Plan,,0,listed,hall,199.00,12"));
        assertThat(r.amountJumps())
                .extracting(j -> j.column() + " " + j.message())
                .containsExactly("monthly_fee C1 129.00 -> 12.90, 1/10 of the monthly fee before: check it");
    }

    @Test
    void dryRunReportsThePlanAndWritesNothing() {
        CatalogImport.Result r = imports.run(TestLedgers.sample("catalog.csv"), true, false, false, false);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.created()).isEqualTo(20);
        assertThat(r.batchId()).isZero();
        assertThat(count("product")).isZero();
        assertThat(count("import_batch")).isZero();
        assertThat(count("product_history")).isZero();
    }

    @Test
    void dryRunOfAFileWithInvalidRowsListsThemAndWritesNothing() {
        Path f = imports.file("c.csv", "A1,handset,Phone,,1.00,listed,web,,", "A2,handset,Phone,,1.001,listed,web,,");
        CatalogImport.Result r = imports.run(f, true, false, false, false);
        assertThat(r.rejections())
                .extracting(Rejection::line, Rejection::code)
                .containsExactly(Tuple.tuple(3L, RejectCode.PRICE_DECIMALS));
        assertThat(r.created()).isEqualTo(1);
        assertThat(count("product")).isZero();
        assertThat(Files.exists(dir.resolve("c.csv.rejects.csv"))).isFalse();
    }

    @Test
    void importCreatesThenAForcedReimportIsAllUnchanged() {
        CatalogImport.Result first = imports.run(TestLedgers.sample("catalog.csv"));
        assertThat(first.created()).isEqualTo(20);
        CatalogImport.Result again = imports.run(TestLedgers.sample("catalog.csv"), false, false, false, true);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(20);
        assertThat(again.earlierImport()).map(b -> b.batchId()).contains(first.batchId());
        assertThat(count("product_history"))
                .isEqualTo(first.changes().stream()
                        .mapToInt(c -> c.fields().size())
                        .sum());
    }

    @Test
    void theSameFileAgainIsRefusedWithoutForce() {
        imports.run(TestLedgers.sample("catalog.csv"));
        assertThatThrownBy(() -> imports.run(TestLedgers.sample("catalog.csv")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("already imported");
    }

    @Test
    void anyInvalidRowRejectsTheWholeFileWithEveryProblem() {
        Path f = imports.file(
                "c.csv",
                "A1,handset,Phone,,1.00,listed,web,,",
                "A2,phone,Phone,,1.00,listed,web,,",
                "A3,contract,C,,0,listed,web,,",
                "A1,handset,Phone again,,2.00,listed,web,,");
        assertThat(TestLedgers.rejection(() -> imports.run(f)))
                .containsExactly(
                        f + ":2: sku: SKU 'A1' is in the file 2 times (lines 2, 5); none of them is imported",
                        f + ":3: type: 'phone' is not handset, accessory, sim, plan or contract",
                        f + ":4: monthly_fee: a contract needs a monthly fee",
                        f + ":4: months: a contract needs its months (12, 18, 24 or 36)",
                        f + ":5: sku: SKU 'A1' is in the file 2 times (lines 2, 5); none of them is imported");
        assertThat(count("product")).isZero();
        assertThat(count("import_batch")).isZero();
    }

    @Test
    void skipInvalidWritesTheValidRowsAndListsTheRestInTheRejectsFile() throws IOException {
        Path f = imports.file(
                "c.csv",
                "A1,handset,Phone,,1.00,listed,web,,",
                "A2,phone,Phone,,1.00,listed,web|tv,,",
                "A3,accessory,Case,,9.90,listed,web,,",
                "A4,acessory,Case,,9.90,listd,web|parnter,,");
        CatalogImport.Result r = imports.run(f, false, true, false, false);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.rejectedRows()).isEqualTo(2);
        assertThat(imports.products()).extracting(Product::sku).containsExactly("A1", "A3");
        assertThat(r.rejectsFile()).isEqualTo(dir.resolve("c.csv.rejects.csv"));
        assertThat(Files.readAllLines(r.rejectsFile()))
                .containsExactly(
                        "row,column,code,message",
                        "3,type,bad_type,'phone' is not handset, accessory, sim, plan or contract"
                                .replace(
                                        "'phone' is not handset, accessory, sim, plan or contract",
                                        "\"'phone' is not handset, accessory, sim, plan or contract\""),
                        "3,channels,bad_channel,\"'tv' is not one of web, wap, app, partner, hall\"",
                        "5,type,bad_type,\"'acessory' is not handset, accessory, sim, plan or contract (did you mean"
                                + " 'accessory'?)\"",
                        "5,status,bad_status,\"'listd' is not listed, unlisted or draft (did you mean 'listed'?)\"",
                        "5,channels,bad_channel,\"'parnter' is not one of web, wap, app, partner, hall (did you mean"
                                + " 'partner'?)\"");
    }

    @Test
    void skipInvalidWithNothingInvalidStillWritesAnEmptyRejectsFile() throws IOException {
        Path stale = dir.resolve("c.csv.rejects.csv");
        Files.writeString(stale, "row,column,code,message\n9,sku,missing,old\n");
        CatalogImport.Result r =
                imports.run(imports.file("c.csv", "A1,handset,Phone,,1.00,listed,web,,"), false, true, false, false);
        assertThat(r.rejections()).isEmpty();
        assertThat(Files.readAllLines(stale)).containsExactly("row,column,code,message");
    }

    @Test
    void updatesAreRecordedFieldByFieldInTheHistoryWithTheirBatch() {
        CatalogImport.Result first = imports.run(imports.file("v1.csv", "A1,handset,Phone,Acme,1.00,listed,web,,"));
        CatalogImport.Result second =
                imports.run(imports.file("v2.csv", "A1,handset,Phone Pro,Acme,1.50,listed,web|hall,,"));
        assertThat(second.updated()).isEqualTo(1);
        List<HistoryEntry> history = ledger.read(h -> CatalogHistory.of(h, "A1"));
        assertThat(history)
                .filteredOn(e -> e.batchId() == second.batchId())
                .extracting(
                        HistoryEntry::change,
                        HistoryEntry::field,
                        HistoryEntry::oldValue,
                        HistoryEntry::newValue,
                        HistoryEntry::file)
                .containsExactly(
                        Tuple.tuple("updated", "name", "Phone", "Phone Pro", "v2.csv"),
                        Tuple.tuple("updated", "price", "1.00", "1.50", "v2.csv"),
                        Tuple.tuple("updated", "channels", "web", "web|hall", "v2.csv"));
        assertThat(history)
                .filteredOn(e -> e.batchId() == first.batchId())
                .extracting(HistoryEntry::change)
                .containsOnly("created");
        assertThat(history).allSatisfy(e -> assertThat(e.at()).isEqualTo("2026-03-02 09:30:00"));
        assertThat(history.get(0).user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void syncUnlistsListedProductsMissingFromTheFileButNotThoseOnRejectedRows() {
        imports.run(imports.file(
                "v1.csv",
                "A1,handset,P1,,1.00,listed,web,,",
                "A2,handset,P2,,1.00,listed,web,,",
                "A3,handset,P3,,1.00,listed,web,,",
                "A4,handset,P4,,1.00,draft,,,"));
        CatalogImport.Result r = imports.run(
                imports.file("v2.csv", "A1,handset,P1,,1.00,listed,web,,", "A3,handset,P3,,bad,listed,web,,"),
                false,
                true,
                true,
                false);
        assertThat(r.unlisted()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(imports.products())
                .extracting(Product::sku, Product::status)
                .containsExactly(
                        Tuple.tuple("A1", "listed"), Tuple.tuple("A2", "unlisted"),
                        Tuple.tuple("A3", "listed"), Tuple.tuple("A4", "draft"));
        List<HistoryEntry> a2 = ledger.read(h -> CatalogHistory.of(h, "A2"));
        assertThat(a2)
                .last()
                .extracting(HistoryEntry::change, HistoryEntry::field, HistoryEntry::newValue)
                .containsExactly("unlisted", "status", "unlisted");
    }

    @Test
    void syncWithAFileThatNamesNoSkuIsRefused() {
        imports.run(TestLedgers.sample("catalog.csv"));
        assertThatThrownBy(() -> imports.run(
                        imports.file("nosku.csv", ",handset,No SKU,,1.00,listed,web,,"), false, true, true, false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("would unlist every product");
        assertThatThrownBy(() -> imports.run(imports.file("empty.csv"), false, true, true, false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining(":1: " + Cells.NO_ROWS);
        assertThat(imports.products())
                .allMatch(p -> !p.status().equals("unlisted") || p.sku().equals("SIM-IOT"));
    }

    @Test
    void theFoundationImportStillWorks() {
        CatalogImport.Result r = new CatalogImport(new NoStock(), OperationContext.at(NOW, ledger.zone()))
                .importFile(ledger, TestLedgers.sample("catalog.csv"), StandardCharsets.UTF_8, false, w -> {});
        assertThat(r.created()).isEqualTo(20);
        assertThat(CatalogImport.read(TestLedgers.sample("catalog.csv"), w -> {}))
                .hasSize(20);
    }
}
