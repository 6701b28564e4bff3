package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.money.Fen;
import java.util.ArrayList;
import java.util.List;

/** A product's fields as catalog.csv writes them: the vocabulary of diffs and of the catalog history. */
public final class ProductFields {
    private ProductFields() {}

    /** The values in the order of {@link CatalogReader#COLUMNS}; "" for an absent value. */
    public static List<String> of(Product p) {
        return List.of(
                p.sku(),
                p.type().toString(),
                p.name(),
                p.brand() == null ? "" : p.brand(),
                Fen.format(p.priceFen()),
                p.status(),
                p.channelsText(),
                p.monthlyFeeFen() == null ? "" : Fen.format(p.monthlyFeeFen()),
                p.months() == null ? "" : p.months().toString());
    }

    /** The fields that differ between {@code before} and {@code after} (same SKU), in column order. */
    public static List<FieldChange> diff(Product before, Product after) {
        List<String> a = of(before);
        List<String> b = of(after);
        List<FieldChange> changes = new ArrayList<>(2);
        for (int i = 1; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changes.add(new FieldChange(CatalogReader.COLUMNS.get(i), a.get(i), b.get(i)));
            }
        }
        return changes;
    }

    /** A new product's non-empty fields, each as a change from empty. */
    public static List<FieldChange> created(Product p) {
        List<String> values = of(p);
        List<FieldChange> changes = new ArrayList<>(values.size());
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                changes.add(new FieldChange(CatalogReader.COLUMNS.get(i), "", values.get(i)));
            }
        }
        return changes;
    }
}
