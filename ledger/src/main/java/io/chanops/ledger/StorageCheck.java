package io.chanops.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The database's own check of a ledger's storage: on SQLite, {@code PRAGMA quick_check} (every page and every index
 * entry of the file read and checked, without comparing index contents to their tables as {@code integrity_check}
 * does); on PostgreSQL the server keeps its storage, and {@code pg_amcheck} is its administrator's tool.
 */
public final class StorageCheck {
    private StorageCheck() {}

    /** The problems SQLite reports (none when the file is sound); empty on PostgreSQL, which is not checked here. */
    public static Optional<List<String>> problems(Ledger ledger) {
        if (ledger.dialect() != Ledger.Dialect.SQLITE) {
            return Optional.empty();
        }
        List<String> found = ledger.read(
                h -> h.createQuery("PRAGMA quick_check").mapTo(String.class).list());
        return Optional.of(found.equals(List.of("ok")) ? List.of() : found);
    }
}
