package io.chanops.catalog.testing;

import io.chanops.catalog.CatalogImport;
import io.chanops.catalog.ProductRepository;
import io.chanops.catalog.ProductStock;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * Catalog imports of a test, as {@code catalog import} runs them: on {@code ledger}, with {@code stock} as the stock
 * side, at {@code now}, from catalog.csv files written in {@code dir}. Published with the catalog test-jar.
 */
public record CatalogImports(Ledger ledger, Path dir, ProductStock stock, LocalDateTime now) {
    public static final String HEADER = "sku,type,name,brand,price,status,channels,monthly_fee,months";

    /** The clock of the catalog import tests: Monday 2026-03-02 09:30. */
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    /** Imports at {@link #NOW} into a fresh ledger in {@code dir}, with the stock side {@code stock} gives for it. */
    public static CatalogImports fresh(Path dir, Function<Ledger, ProductStock> stock) {
        Ledger ledger = TestLedgers.fresh(dir);
        return new CatalogImports(ledger, dir, stock.apply(ledger), NOW);
    }

    /**
     * Imports {@code file} (UTF-8) with the options of {@code --dry-run}, {@code --skip-invalid}, {@code --sync} and
     * {@code --force}.
     */
    public CatalogImport.Result run(Path file, boolean dryRun, boolean skipInvalid, boolean sync, boolean force) {
        return new CatalogImport(stock, OperationContext.at(now, ledger.zone()))
                .run(
                        ledger,
                        file,
                        new CatalogImport.Options(StandardCharsets.UTF_8, dryRun, skipInvalid, sync, null, force),
                        w -> {},
                        n -> {});
    }

    /** A plain import of {@code file}. */
    public CatalogImport.Result run(Path file) {
        return run(file, false, false, false, false);
    }

    /** The catalog's products, by SKU. */
    public List<Product> products() {
        return ledger.read(h -> h.attach(ProductRepository.class).list());
    }

    /** A catalog.csv named {@code name}: the header, then {@code rows}. */
    public Path file(String name, String... rows) {
        return TestLedgers.writeRows(dir, name, HEADER, rows);
    }
}
