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
}
