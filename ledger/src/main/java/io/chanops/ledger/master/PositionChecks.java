package io.chanops.ledger.master;

import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.model.ProductType;
import java.util.Collection;
import java.util.Map;

/**
 * The checks every per-position file shares (moves, policies): the site is known, the SKU is known and stocked. The
 * known sites and SKUs come from the site and product repositories; an unknown one is named with the known one it most
 * likely meant ({@link KnownIds}).
 */
public final class PositionChecks {
    private final KnownIds sites;
    private final Map<String, ProductType> products;
    private final KnownIds skus;

    public PositionChecks(Collection<String> sites, Map<String, ProductType> products) {
        this.sites = new KnownIds(sites);
        this.products = products;
        this.skus = new KnownIds(products.keySet());
    }

    /** Adds a problem and returns false unless the row's {@code site_id} is non-empty and known. */
    public boolean knownSite(CsvRow row, ProblemList problems) {
        String site = row.get("site_id");
        if (site.isEmpty()) {
            problems.add(row.problem("site_id", "is empty"));
            return false;
        }
        if (!sites.contains(site)) {
            problems.add(row.problem(
                    "site_id",
                    "unknown site '" + site + "'" + sites.hint(site, " (import it with 'site import' first)")));
            return false;
        }
        return true;
    }

    /** Adds a problem and returns false unless the row's {@code sku} is in the catalog and stocked. */
    public boolean stockedSku(CsvRow row, ProblemList problems) {
        String sku = row.get("sku");
        ProductType type = products.get(sku);
        if (sku.isEmpty()) {
            problems.add(row.problem("sku", "is empty"));
            return false;
        }
        if (type == null) {
            problems.add(row.problem(
                    "sku", "unknown SKU '" + sku + "'" + skus.hint(sku, " (import it with 'catalog import' first)")));
            return false;
        }
        if (!type.isStocked()) {
            problems.add(row.problem("sku", type.notStocked(sku)));
            return false;
        }
        return true;
    }
}
