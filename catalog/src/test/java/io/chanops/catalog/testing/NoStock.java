package io.chanops.catalog.testing;

import io.chanops.catalog.ProductStock;
import java.util.Map;

/**
 * Stock as a ledger without moves has it: nothing moved, nothing on hand (the stock side's own tests cover the rest).
 * Published with the catalog test-jar.
 */
public final class NoStock implements ProductStock {
    @Override
    public boolean hasMoves(String sku) {
        return false;
    }

    @Override
    public Map<String, Long> onHandBySku() {
        return Map.of();
    }
}
