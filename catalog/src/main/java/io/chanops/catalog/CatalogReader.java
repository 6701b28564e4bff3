package io.chanops.catalog;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.model.Product;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads catalog.csv and validates every row (SPEC §4, §9). A file whose header lacks a required column is rejected as
 * a whole (exit 4); row problems are collected, never thrown, so the caller decides between rejecting the file and
 * {@code --skip-invalid}.
 */
public final class CatalogReader {
    public static final List<String> COLUMNS =
            List.of("sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months");
    public static final List<String> REQUIRED_COLUMNS = List.of("sku", "type", "name", "price", "status", "channels");
    private static final int PROGRESS_EVERY = 1000;

    private CatalogReader() {}

    public static CatalogFile read(Path file, Charset charset, Consumer<String> warn, LongConsumer progress) {
        List<Rejection> rejections = new ArrayList<>();
        List<ProductRow> parsed = new ArrayList<>();
        Map<String, List<Long>> linesBySku = new HashMap<>();
        Set<String> skus = new HashSet<>();
        int rows = 0;
        String name;
        try (CsvSource csv = CsvSource.open(file, charset)) {
            name = csv.name();
            csv.require(REQUIRED_COLUMNS).warnUnknown(Set.copyOf(COLUMNS), warn);
            for (CsvRow row : csv) {
                rows++;
                if (rows % PROGRESS_EVERY == 0) {
                    progress.accept(csv.bytesRead());
                }
                String sku = row.get("sku");
                if (!sku.isEmpty()) {
                    skus.add(sku);
                    linesBySku.computeIfAbsent(sku, k -> new ArrayList<>(1)).add(row.line());
                }
                if (rejectedByFileRules(row, rejections)) {
                    continue;
                }
                CatalogRowParser.parse(row.line(), row::get, rejections)
                        .ifPresent(p -> parsed.add(new ProductRow(row.line(), p)));
            }
            progress.accept(csv.bytesRead());
        }
        // A SKU given twice: which row is meant cannot be known, so every copy is rejected (none is imported).
        Set<String> duplicated = new HashSet<>();
        for (Map.Entry<String, List<Long>> e : linesBySku.entrySet()) {
            List<Long> lines = e.getValue();
            if (lines.size() > 1) {
                duplicated.add(e.getKey());
                for (long line : lines) {
                    rejections.add(new Rejection(
                            line,
                            "sku",
                            RejectCode.DUPLICATE_SKU,
                            "SKU '" + e.getKey() + "' is in the file " + lines.size() + " times (lines " + join(lines)
                                    + "); none of them is imported"));
                }
            }
        }
        List<ProductRow> valid = duplicated.isEmpty()
                ? parsed
                : parsed.stream()
                        .filter(r -> !duplicated.contains(r.product().sku()))
                        .toList();
        rejections.sort(Comparator.comparingLong(Rejection::line));
        return new CatalogFile(name, rows, List.copyOf(valid), List.copyOf(rejections), Set.copyOf(skus));
    }

    /** Reads the file and returns its products, rejecting the whole file (exit 4) on any invalid row. */
    public static List<Product> readAll(Path file, Charset charset, Consumer<String> warn) {
        CatalogFile f = read(file, charset, warn, n -> {});
        if (f.hasRejections()) {
            throw new InputRejectedException(f.problems());
        }
        return f.valid().stream().map(ProductRow::product).toList();
    }

    /**
     * The rules every file shares ({@link CsvRow#ruleProblems}) as rejections: a row as wide as the header, clean
     * text. True when the row broke one; it is then left out (and, with --skip-invalid, goes to the rejects file).
     */
    private static boolean rejectedByFileRules(CsvRow row, List<Rejection> rejections) {
        List<Problem> problems = row.ruleProblems();
        for (Problem p : problems) {
            RejectCode code = p.column().isEmpty()
                    ? RejectCode.ROW_WIDTH
                    : p.message().startsWith(Cells.CONTROL_CHARACTER)
                            ? RejectCode.CONTROL_CHARACTER
                            : RejectCode.TOO_LONG;
            rejections.add(new Rejection(row.line(), p.column(), code, p.message()));
        }
        return !problems.isEmpty();
    }

    private static String join(List<Long> lines) {
        StringBuilder s = new StringBuilder();
        for (long l : lines) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(l);
        }
        return s.toString();
    }
}
