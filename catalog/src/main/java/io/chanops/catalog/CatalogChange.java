package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import java.util.List;
import java.util.Locale;

/**
 * What an import does to one product: creates it, updates some of its fields, or unlists it ({@code --sync}).
 * {@code line} is the row of the file (0 for a product unlisted because the file does not name it).
 */
public record CatalogChange(Kind kind, long line, Product before, Product after, List<FieldChange> fields) {

    public enum Kind {
        CREATED,
        UPDATED,
        UNLISTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return code();
        }
    }

    public String sku() {
        return after.sku();
    }
}
