package io.chanops.ledger;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL's bulk load into a table smaller than the load: the table's keys and indexes are dropped, the rows
 * loaded, and the keys and indexes built again from their own definitions, all in the caller's transaction. Building an
 * index sorts its rows once; keeping it through the load costs a search and a WAL record per row and index, which
 * is the larger cost once the load is as large as the table (PostgreSQL's manual, "Populating a Database").
 *
 * <p>The definitions are read from the catalog ({@code pg_get_constraintdef}, {@code pg_get_indexdef}), so the table
 * comes back with exactly the keys, partial and unique indexes it had, under the same names. A duplicate key in
 * the load fails when its key is built, which rolls the transaction back as a failing insert would. Dropping a key
 * takes the table's ACCESS EXCLUSIVE lock until the commit: readers of the table wait for the load (up to their busy
 * timeout) instead of reading the rows from before it. A table whose key another table references keeps its indexes.
 */
public final class DeferredIndexes {
    /** Rows from which a load may defer the indexes: below it, the lock that readers would wait on is not worth it. */
    public static final long FROM_ROWS = 100_000;

    /** Memory each index build may sort in, for the transaction (the server's default is 64 MB). */
    private static final String SORT_MEMORY = "256MB";

    /** A load of rows, which may fail as the caller's writes do. */
    @FunctionalInterface
    public interface Load<X extends Exception> {
        void run() throws X;
    }

    private final Handle h;
    private final String table;
    private final long fromRows;

    /** Loads into {@code table} (a plain table name of the ledger) on {@code h}, deferring from {@link #FROM_ROWS}. */
    public DeferredIndexes(Handle h, String table) {
        this(h, table, FROM_ROWS);
    }

    /** {@code fromRows}: the smallest load that may defer the indexes (a test sets 1). */
    public DeferredIndexes(Handle h, String table, long fromRows) {
        this.h = h;
        this.table = PlainTableName.require(table);
        this.fromRows = fromRows;
    }

    /**
     * Runs {@code load} of {@code rows} rows: with the table's keys and indexes built after it when the ledger is on
     * PostgreSQL, the load has at least {@code fromRows} rows, the table holds fewer rows than the load and no other
     * table references it; as a plain load otherwise.
     */
    public <X extends Exception> void load(long rows, Load<X> load) throws X {
        if (!defers(rows)) {
            load.run();
            return;
        }
        List<Index> indexes = indexes();
        for (Index index : indexes) {
            h.execute(index.drop());
        }
        load.run();
        h.execute("SET LOCAL maintenance_work_mem = '" + SORT_MEMORY + "'");
        for (Index index : indexes) {
            h.execute(index.build());
        }
    }

    /** Whether a load of {@code rows} rows goes with the indexes deferred. */
    boolean defers(long rows) {
        return rows >= fromRows && Ledger.Dialect.isPostgresql(h) && !referenced() && heldRowsBelow(rows);
    }

    private boolean referenced() {
        return h.createQuery("SELECT 1 FROM pg_constraint WHERE confrelid = CAST(:t AS regclass) AND contype = 'f'")
                .bind("t", table)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent();
    }

    /** Whether the table holds fewer than {@code rows} rows: counts at most that many (no more is read). */
    private boolean heldRowsBelow(long rows) {
        long held = h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT :n) held")
                .bind("n", rows)
                .mapTo(Long.class)
                .one();
        return held < rows;
    }

    /** A key or index of the table: the statement that drops it and the one that builds it again. */
    private record Index(String drop, String build) {}

    /** The table's keys (primary, unique, exclusion), then its other indexes. */
    private List<Index> indexes() {
        List<Index> indexes = new ArrayList<>();
        h.createQuery("SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint "
                        + "WHERE conrelid = CAST(:t AS regclass) AND contype IN ('p', 'u', 'x') ORDER BY conname")
                .bind("t", table)
                .mapToMap(String.class)
                .forEach(key -> indexes.add(new Index(
                        "ALTER TABLE " + table + " DROP CONSTRAINT " + key.get("name"),
                        "ALTER TABLE " + table + " ADD CONSTRAINT " + key.get("name") + " " + key.get("def"))));
        h.createQuery("SELECT CAST(CAST(i.indexrelid AS regclass) AS text) AS name, "
                        + "pg_get_indexdef(i.indexrelid) AS def FROM pg_index i "
                        + "WHERE i.indrelid = CAST(:t AS regclass) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                        + "WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid) ORDER BY 1")
                .bind("t", table)
                .mapToMap(String.class)
                .forEach(index -> indexes.add(new Index("DROP INDEX " + index.get("name"), index.get("def"))));
        return indexes;
    }
}
