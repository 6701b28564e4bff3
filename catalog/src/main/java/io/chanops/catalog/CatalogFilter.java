package io.chanops.catalog;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.text.Named;
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

    /**
     * The products of {@code catalog} (the whole catalog) this filter matches. A brand no product of the catalog has is
     * refused (exit 4), naming the brand most likely meant, rather than matched against nothing: a mistyped brand
     * would otherwise list no products, which reads as "none of that brand".
     */
    public List<Product> apply(List<Product> catalog) {
        if (brand != null && catalog.stream().noneMatch(p -> brand.strip().equalsIgnoreCase(p.brand()))) {
            List<String> brands = catalog.stream()
                    .map(Product::brand)
                    .filter(b -> b != null && !b.isBlank())
                    .distinct()
                    .sorted()
                    .toList();
            String meant = KnownIds.hintAmong(brands, brand.strip());
            throw InputRejectedException.of(new Problem(
                    "catalog list",
                    0,
                    "--brand",
                    "no product has the brand '" + brand + "'"
                            + (!meant.isEmpty()
                                    ? meant
                                    : brands.isEmpty()
                                            ? " (no product has a brand)"
                                            : " (the catalog's brands: " + Named.firstOf(brands, NAMED_BRANDS) + ")")));
        }
        return catalog.stream().filter(this::matches).toList();
    }

    /** Brands named one by one when a brand is not found; past them, a count. */
    static final int NAMED_BRANDS = 12;

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
