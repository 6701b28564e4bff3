package io.chanops.catalog;

import java.util.Map;

/** Stock as a ledger without moves has it: nothing moved, nothing on hand (the stock side's own tests cover the rest). */
final class NoStock implements ProductStock {
    @Override
    public boolean hasMoves(String sku) {
        return false;
    }

    @Override
    public Map<String, Long> onHandBySku() {
        return Map.of();
    }
}
