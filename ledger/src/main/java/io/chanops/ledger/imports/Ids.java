package io.chanops.ledger.imports;

import org.jdbi.v3.core.Handle;

/**
 * Allocates integer ids inside the current write transaction. Writers are serialised (see
 * {@link io.chanops.ledger.Ledger#write}), so max + 1 is safe on SQLite and PostgreSQL alike and keeps the schema free
 * of dialect-specific auto-increment syntax.
 */
public final class Ids {
    private Ids() {
    }

    /** The next free value of {@code table.column}; both are code constants, never user input. */
    public static long next(Handle h, String table, String column) {
        return h.createQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table).mapTo(Long.class).one();
    }
}
