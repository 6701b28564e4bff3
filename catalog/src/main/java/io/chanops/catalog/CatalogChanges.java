package io.chanops.catalog;

import java.util.List;

/** Changes to the catalog counted by kind: what a {@link CatalogPlan} would do and what an import did. */
public interface CatalogChanges {
    List<CatalogChange> changes();

    default int count(CatalogChange.Kind kind) {
        return (int) changes().stream().filter(c -> c.kind() == kind).count();
    }

    default int created() {
        return count(CatalogChange.Kind.CREATED);
    }

    default int updated() {
        return count(CatalogChange.Kind.UPDATED);
    }

    default int unlisted() {
        return count(CatalogChange.Kind.UNLISTED);
    }

    /** How many times the price before an update's price may be, either way, before it is worth a warning. */
    long PRICE_JUMP = 5;

    /**
     * Updates whose price is at least {@link #PRICE_JUMP} times the price before, or at most a {@link #PRICE_JUMP}th
     * of it: a digit typed twice or left out, fen given as yuan. Prices of 0 on either side (plans, giveaways) are
     * left out.
     */
    default List<CatalogChange> priceJumps() {
        return changes().stream()
                .filter(c -> c.kind() == CatalogChange.Kind.UPDATED)
                .filter(c -> {
                    long before = c.before().priceFen();
                    long after = c.after().priceFen();
                    return before > 0 && after > 0 && (after >= before * PRICE_JUMP || after * PRICE_JUMP <= before);
                })
                .toList();
    }
}
