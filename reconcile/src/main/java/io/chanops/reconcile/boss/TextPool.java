package io.chanops.reconcile.boss;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one String instance for the few distinct values of low-cardinality columns (site, SKU, channel, business
 * type), so a million rows keep a handful of strings instead of a million copies. Stops pooling past a bound, so a
 * column that turns out to be high-cardinality costs no more than without the pool.
 */
public final class TextPool {
    private static final int MAX = 50_000;
    private final Map<String, String> pool = new HashMap<>();

    public String of(String value) {
        String shared = pool.get(value);
        if (shared != null) {
            return shared;
        }
        if (pool.size() < MAX) {
            pool.put(value, value);
        }
        return value;
    }
}
