package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What importing a catalog file would do to the catalog, worked out without touching it: the changes (created,
 * updated field by field, unlisted by {@code --sync}), how many products are unchanged, and the rows refused because
 * of what the ledger already holds.
 *
 * <p>Rules beyond a single row:
 * <ul>
 *   <li>A product whose every field equals the file's row is unchanged and is not written (its history stays
 *       quiet).</li>
 *   <li>A SKU that has stock moves cannot become a plan or a contract (types that are not stocked): its stock would be
 *       orphaned. Changing between stocked types (handset, accessory, sim) is allowed.</li>
 *   <li>{@code --sync}: a product that is {@code listed} in the ledger and whose SKU the file does not name at all
 *       becomes {@code unlisted}. A SKU named on a rejected row counts as named: a typo in a price must not take a
 *       product off sale. Draft and unlisted products are left alone.</li>
 * </ul>
 */
public record CatalogPlan(List<CatalogChange> changes, int unchanged, List<Rejection> rejections)
        implements CatalogChanges {

    public static CatalogPlan of(
            Map<String, Product> existing, CatalogFile file, boolean sync, Predicate<String> hasStockMoves) {
        List<CatalogChange> changes = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int unchanged = 0;
        for (ProductRow row : file.valid()) {
            Product after = row.product();
            Product before = existing.get(after.sku());
            if (before == null) {
                changes.add(new CatalogChange(
                        CatalogChange.Kind.CREATED, row.line(), null, after, ProductFields.created(after)));
                continue;
            }
            if (before.type().isStocked() && !after.type().isStocked() && hasStockMoves.test(after.sku())) {
                rejections.add(new Rejection(
                        row.line(),
                        "type",
                        RejectCode.TYPE_CHANGE,
                        "'" + after.sku() + "' is " + CatalogRowParser.article(before.type())
                                + " with stock moves; it cannot become " + CatalogRowParser.article(after.type())
                                + " (give the new product a new SKU)"));
                continue;
            }
            // records compare field by field; the text diff is only needed when something differs
            List<FieldChange> fields = before.equals(after) ? List.of() : ProductFields.diff(before, after);
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                changes.add(new CatalogChange(CatalogChange.Kind.UPDATED, row.line(), before, after, fields));
            }
        }
        if (sync) {
            for (Product p : existing.values()) {
                if ("listed".equals(p.status()) && !file.skus().contains(p.sku())) {
                    Product after = new Product(
                            p.sku(),
                            p.type(),
                            p.name(),
                            p.brand(),
                            p.priceFen(),
                            "unlisted",
                            p.channels(),
                            p.monthlyFeeFen(),
                            p.months());
                    changes.add(
                            new CatalogChange(CatalogChange.Kind.UNLISTED, 0, p, after, ProductFields.diff(p, after)));
                }
            }
        }
        return new CatalogPlan(List.copyOf(changes), unchanged, List.copyOf(rejections));
    }
}
