package io.chanops.catalog;

import java.util.Map;

/**
 * What the catalog's rules need to know of stock, which the stock side of chanops owns (its tables are not the
 * catalog's to read): whether a product ever moved, which fixes its type, and how many units of each product stores
 * hold, named when a product goes off sale. Calls run in the caller's ledger transaction.
 */
public interface ProductStock {
    /** Whether any stock move names {@code sku}. */
    boolean hasMoves(String sku);

    /** Units on hand per SKU, summed over sites, for the SKUs with a positive sum of positive on-hand levels. */
    Map<String, Long> onHandBySku();
}
