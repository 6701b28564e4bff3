package io.chanops.ledger.master;

import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.model.ProductType;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The checks every per-position file shares (moves, policies): the site is known, the SKU is known and stocked. The
 * known sites and SKUs come from the site and product repositories.
 */
public final class PositionChecks {
    private PositionChecks() {}

    /** Adds a problem and returns false unless the row's {@code site_id} is non-empty and {@code known}. */
    public static boolean knownSite(CsvRow row, Predicate<String> known, ProblemList problems) {
        String site = row.get("site_id");
        if (site.isEmpty()) {
            problems.add(row.problem("site_id", "is empty"));
            return false;
        }
        if (!known.test(site)) {
            problems.add(row.problem("site_id", "unknown site '" + site + "' (import it with 'site import' first)"));
            return false;
        }
        return true;
    }

    /** Adds a problem and returns false unless the row's {@code sku} is in the catalog and stocked. */
    public static boolean stockedSku(CsvRow row, Map<String, ProductType> products, ProblemList problems) {
        String sku = row.get("sku");
        ProductType type = products.get(sku);
        if (sku.isEmpty()) {
            problems.add(row.problem("sku", "is empty"));
            return false;
        }
        if (type == null) {
            problems.add(row.problem("sku", "unknown SKU '" + sku + "' (import it with 'catalog import' first)"));
            return false;
        }
        if (!type.isStocked()) {
            problems.add(row.problem("sku", "'" + sku + "' is a " + type + ", which is not stocked"));
            return false;
        }
        return true;
    }
}
