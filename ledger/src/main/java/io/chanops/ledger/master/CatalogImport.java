package io.chanops.ledger.master;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.dao.ProductDao;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.money.Fen;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Imports {@code catalog.csv}: validates every row, then upserts by SKU in one transaction. */
public final class CatalogImport {
    public static final List<String> COLUMNS =
            List.of("sku", "type", "name", "brand", "price", "status", "channels", "monthly_fee", "months");
    private static final List<String> REQUIRED = List.of("sku", "type", "name", "price", "status", "channels");
    public static final Set<String> CHANNELS = Set.of("web", "wap", "app", "partner", "hall");
    public static final Set<String> STATUSES = Set.of("listed", "unlisted", "draft");
    public static final Set<Integer> CONTRACT_MONTHS = Set.of(12, 18, 24, 36);
    public static final int MAX_NAME_LENGTH = 120;

    public record Result(long batchId, int rows, int created, int updated, int unchanged) {
    }

    private CatalogImport() {
    }

    public static Result importFile(Ledger ledger, Path file, Charset charset, boolean force, LocalDateTime now,
                                    Consumer<String> warn) {
        String sha = FileDigest.sha256(file);
        List<Product> products = read(file, charset, warn);
        return ledger.write(h -> {
            ImportBatches.refuseRepeat(h, "catalog", file, sha, force);
            long batch = ImportBatches.record(h, "catalog", file, sha, products.size(), products.size(), now, force);
            ProductDao dao = h.attach(ProductDao.class);
            Map<String, Product> existing = new HashMap<>();
            dao.list().forEach(p -> existing.put(p.sku(), p));
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (Product p : products) {
                Product before = existing.get(p.sku());
                if (before == null) {
                    created++;
                } else if (before.equals(p)) {
                    unchanged++;
                    continue;
                } else {
                    updated++;
                }
                dao.upsert(p, batch);
            }
            return new Result(batch, products.size(), created, updated, unchanged);
        });
    }

    /** Reads and validates the whole file; any problem rejects it with all problems listed. */
    public static List<Product> read(Path file, Charset charset, Consumer<String> warn) {
        ProblemList problems = new ProblemList();
        Map<String, Product> products = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(REQUIRED).warnUnknown(Set.copyOf(COLUMNS), warn);
            for (CsvRow row : csv) {
                if (row.isEmptyLine()) {
                    continue;
                }
                parse(row, problems).ifPresent(p -> {
                    Long seen = firstLine.putIfAbsent(p.sku(), row.line());
                    if (seen != null) {
                        problems.add(row.problem("sku", "duplicate SKU '" + p.sku() + "' (first on line " + seen + ")"));
                    } else {
                        products.put(p.sku(), p);
                    }
                });
            }
        }
        problems.rejectIfAny();
        return List.copyOf(products.values());
    }

    /** Validates one row; adds its problems and returns the product if it had none. */
    public static Optional<Product> parse(CsvRow row, ProblemList problems) {
        int before = problems.size();
        String sku = row.get("sku");
        if (sku.isEmpty()) {
            problems.add(row.problem("sku", "is empty"));
        } else if (!SiteImport.ID.matcher(sku).matches()) {
            problems.add(row.problem("sku", "'" + sku + "' is not a valid SKU (letters, digits, _ . -; at most 64)"));
        }
        ProductType type = ProductType.parse(row.get("type")).orElse(null);
        if (type == null) {
            problems.add(row.problem("type", "'" + row.get("type") + "' is not handset, accessory, sim, plan or contract"));
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            problems.add(row.problem("name", "is empty"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            problems.add(row.problem("name", "is longer than " + MAX_NAME_LENGTH + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add(row.problem("name", "contains control characters"));
        }
        String brand = row.get("brand");
        if (brand.chars().anyMatch(Character::isISOControl)) {
            problems.add(row.problem("brand", "contains control characters"));
        }
        Long price = null;
        String priceText = row.get("price");
        Optional<Long> parsedPrice = Fen.parseYuan(priceText);
        if (parsedPrice.isEmpty()) {
            problems.add(row.problem("price", Fen.whyNotYuan(priceText)));
        } else {
            price = parsedPrice.get();
            boolean freeAllowed = type == ProductType.PLAN || type == ProductType.CONTRACT;
            if (price < 0 || (price == 0 && !freeAllowed)) {
                problems.add(row.problem("price", "must be greater than 0" + (freeAllowed ? "" : " (only plans and contracts may be 0)")));
            }
        }
        String status = row.get("status").toLowerCase(java.util.Locale.ROOT);
        if (!STATUSES.contains(status)) {
            problems.add(row.problem("status", "'" + row.get("status") + "' is not listed, unlisted or draft"));
        }
        List<String> channels = new ArrayList<>();
        String channelText = row.get("channels");
        if (!channelText.isEmpty()) {
            Set<String> seen = new LinkedHashSet<>();
            for (String c : channelText.split("\\|", -1)) {
                String ch = c.strip().toLowerCase(java.util.Locale.ROOT);
                if (!CHANNELS.contains(ch)) {
                    problems.add(row.problem("channels", "'" + c.strip() + "' is not one of web, wap, app, partner, hall"));
                } else if (!seen.add(ch)) {
                    problems.add(row.problem("channels", "'" + ch + "' is given twice"));
                }
            }
            channels.addAll(seen);
        } else if ("listed".equals(status)) {
            problems.add(row.problem("channels", "a listed product needs at least one channel"));
        }
        Long fee = null;
        Integer months = null;
        String feeText = row.get("monthly_fee");
        String monthsText = row.get("months");
        if (type == ProductType.CONTRACT) {
            Optional<Long> f = Fen.parseYuan(feeText);
            if (f.isEmpty()) {
                problems.add(row.problem("monthly_fee", feeText.isEmpty() ? "a contract needs a monthly fee" : Fen.whyNotYuan(feeText)));
            } else if (f.get() <= 0) {
                problems.add(row.problem("monthly_fee", "must be greater than 0"));
            } else {
                fee = f.get();
            }
            if (monthsText.isEmpty()) {
                problems.add(row.problem("months", "a contract needs its months (12, 18, 24 or 36)"));
            } else {
                try {
                    months = Integer.parseInt(monthsText);
                    if (!CONTRACT_MONTHS.contains(months)) {
                        problems.add(row.problem("months", "'" + monthsText + "' is not 12, 18, 24 or 36"));
                    }
                } catch (NumberFormatException e) {
                    problems.add(row.problem("months", "'" + monthsText + "' is not 12, 18, 24 or 36"));
                }
            }
        } else if (type != null) {
            if (!feeText.isEmpty()) {
                problems.add(row.problem("monthly_fee", "only contracts have a monthly fee; leave it empty for a " + type));
            }
            if (!monthsText.isEmpty()) {
                problems.add(row.problem("months", "only contracts have months; leave it empty for a " + type));
            }
        }
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new Product(sku, type, name, brand.isEmpty() ? null : brand, price, status,
                List.copyOf(channels), fee, months));
    }
}
