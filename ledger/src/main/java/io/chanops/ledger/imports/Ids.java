package io.chanops.ledger.imports;

import org.jdbi.v3.core.Handle;

/**
 * Allocates integer ids inside the current write transaction. Writers are serialised (see
 * {@link io.chanops.ledger.Ledger#write}), so max + 1 is safe on SQLite and PostgreSQL alike and keeps the schema free
 * of dialect-specific auto-increment syntax. Tables whose key is not their id (stock moves, clustered by position on
 * SQLite) take their ids from a counter row in {@code id_counter} instead, as max + 1 would scan the whole table.
 */
public final class Ids {
    /** The counter of {@code stock_move.move_id}: every writer of stock moves reserves its ids here. */
    public static final String STOCK_MOVE = "stock_move";

    private Ids() {}

    /** The next free value of {@code table.column}; both are code constants, never user input. */
    public static long next(Handle h, String table, String column) {
        return h.createQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)
                .mapTo(Long.class)
                .one();
    }

    /** Reserves {@code count} consecutive ids from the counter {@code name} and returns the first of them. */
    public static long reserve(Handle h, String name, long count) {
        long first = h.createQuery("SELECT next_id FROM id_counter WHERE name = :name")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> new IllegalStateException("no id counter '" + name + "' in the ledger"));
        h.createUpdate("UPDATE id_counter SET next_id = :next WHERE name = :name")
                .bind("next", first + count)
                .bind("name", name)
                .execute();
        return first;
    }
}
