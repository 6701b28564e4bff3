package io.chanops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog import's two ways of writing products and their history, PostgreSQL's COPY (into a staging table with
 * one upsert for the products) and the JDBC batches, leave the same rows: new products, products replaced field by
 * field, absent values, and text that COPY must escape (tab, newline, backslash, Chinese). The batches are also run on
 * SQLite in every build; the COPY half needs a server ({@link TestPostgres}; skipped without one).
 */
class ProductCopyTest {
    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void theBatchesStoreBothImportsOnSqlite(@TempDir Path dir) {
        assertThat(store(TestLedgers.fresh(dir), false)).hasSizeGreaterThan(3 * 1200);
    }

    @Test
    void copyStoresExactlyWhatTheBatchesStore() {
        List<String> viaBatches = store(schemas.freshLedger(), false);
        List<String> viaCopy = store(schemas.freshLedger(), true);
        assertThat(viaCopy).hasSizeGreaterThan(3 * 1200).isEqualTo(viaBatches);
        assertThat(viaCopy)
                .anyMatch(r -> r.contains("名\t"))
                .anyMatch(r -> r.contains("\\"))
                .anyMatch(r -> r.contains("months=24"))
                .anyMatch(r -> r.contains("brand=null"))
                .anyMatch(r -> r.contains("change=updated"));
    }

    /** Two imports: 1,200 new products, then a round that replaces 1,000 of them and adds 200. */
    private static List<String> store(Ledger ledger, boolean copy) {
        Random random = new Random(7);
        List<Product> before = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            List<Product> products = new ArrayList<>();
            List<CatalogChange> changes = new ArrayList<>();
            int from = round * 200;
            for (int k = from; k < from + 1200; k++) {
                Product p = product(k, round, random);
                Product old = k < before.size() ? before.get(k) : null;
                products.add(p);
                changes.add(change(old, p, k));
            }
            int r = round;
            ledger.write(h -> {
                long batch = batch(h, r);
                h.attach(ProductRepository.class).upsert(products, batch, copy);
                CatalogHistory.record(h, batch, changes, copy);
                return null;
            });
            for (Product p : products) {
                int k = Integer.parseInt(p.sku().substring(2).strip());
                while (before.size() <= k) {
                    before.add(null);
                }
                before.set(k, p);
            }
        }
        return ledger.read(h -> {
            List<String> rows = new ArrayList<>(h.createQuery("SELECT * FROM product ORDER BY sku")
                    .mapToMap()
                    .map(Object::toString)
                    .list());
            rows.addAll(h.createQuery("SELECT * FROM product_history ORDER BY history_id")
                    .mapToMap()
                    .map(Object::toString)
                    .list());
            return rows;
        });
    }

    private static long batch(Handle h, int round) {
        return ImportBatches.record(
                h,
                "catalog",
                Path.of("catalog-" + round + ".csv"),
                "sha" + round,
                1200,
                1200,
                LocalDateTime.of(2026, 3, 2, 9, 30 + round),
                "tester",
                false);
    }

    private static Product product(int k, int round, Random random) {
        boolean contract = k % 7 == 0;
        String name = switch (k % 4) {
            case 0 -> "名\t" + k;
            case 1 -> "line\nbreak \\ " + k;
            default -> "Phone " + k + " r" + round;
        };
        return new Product(
                String.format("K-%05d", k),
                contract ? ProductType.CONTRACT : ProductType.HANDSET,
                name,
                k % 3 == 0 ? null : "Brand" + random.nextInt(5),
                100L * random.nextInt(10_000),
                k % 11 == 0 ? "unlisted" : "listed",
                k % 5 == 0 ? List.of() : List.of("web", "hall"),
                contract ? 100L * random.nextInt(300) : null,
                contract ? 24 : null);
    }

    private static CatalogChange change(Product old, Product p, int k) {
        List<FieldChange> fields = new ArrayList<>();
        fields.add(new FieldChange("name", old == null ? "" : old.name(), p.name()));
        fields.add(new FieldChange(
                "price", old == null ? "" : Long.toString(old.priceFen()), Long.toString(p.priceFen())));
        if (k % 3 == 0) {
            fields.add(new FieldChange("brand", "", ""));
        }
        return new CatalogChange(
                old == null ? CatalogChange.Kind.CREATED : CatalogChange.Kind.UPDATED, k + 2L, old, p, fields);
    }
}
