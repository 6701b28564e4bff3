package io.chanops.catalog;

import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import java.util.List;
import java.util.Locale;

/**
 * Which products {@code catalog list} shows; a null criterion matches everything. Brand matches case-insensitively
 * (merchandisers write "Apple", "APPLE", "apple"); {@code text} is a case-insensitive substring of SKU or name.
 */
public record CatalogFilter(ProductType type, String status, String channel, String brand, String text) {

    public static CatalogFilter all() {
        return new CatalogFilter(null, null, null, null, null);
    }

    public boolean matches(Product p) {
        return (type == null || p.type() == type)
                && (status == null || p.status().equalsIgnoreCase(status))
                && (channel == null || p.channels().contains(channel.toLowerCase(Locale.ROOT)))
                && (brand == null || (p.brand() != null && p.brand().equalsIgnoreCase(brand.strip())))
                && (text == null || contains(p.sku(), text) || contains(p.name(), text));
    }

    public List<Product> apply(List<Product> products) {
        return products.stream().filter(this::matches).toList();
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
