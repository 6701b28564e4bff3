package io.chanops.ledger;

import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL's planner statistics of a table, brought up to date in the transaction of a bulk write that changed a
 * large part of it. Autovacuum analyzes such a table only after the commit, on its own schedule; a command run right
 * after the write (cron's import, then check) would otherwise plan its joins from the table as it was before: a table
 * that was empty looks empty, and a hash join over a million rows becomes a million index lookups.
 *
 * <p>The rule is autovacuum's own ({@code autovacuum_analyze_scale_factor}, 10 % of the rows the statistics last
 * counted), applied from {@link #FROM_ROWS} rows written. {@code ANALYZE} in a transaction samples the transaction's
 * own new rows, and the columns' statistics commit or roll back with the write (the row count in {@code pg_class} is
 * written in place, so a rolled-back write leaves it; the planner scales it to the table's pages anyway). A role that
 * does not own the table gets the server's warning and no statistics, not an error. On SQLite this does nothing: its
 * planner does not need them for the ledger's queries, and {@code ANALYZE} there would persist planner tables the
 * ledger does not manage.
 */
public final class PlannerStatistics {
    /** Rows written from which statistics may be refreshed: below it, autovacuum's later pass is soon enough. */
    public static final long FROM_ROWS = 100_000;

    /** Share of the counted rows that makes a write large: autovacuum's default analyze scale factor. */
    private static final double CHANGED_SHARE = 0.1;

    private final Handle h;
    private final String table;
    private final long fromRows;

    /** Statistics of {@code table} (a plain table name of the ledger) on {@code h}, from {@link #FROM_ROWS} rows. */
    public PlannerStatistics(Handle h, String table) {
        this(h, table, FROM_ROWS);
    }

    /** {@code fromRows}: the smallest write that may refresh the statistics (a test sets 1). */
    public PlannerStatistics(Handle h, String table, long fromRows) {
        this.h = h;
        this.table = PlainTableName.require(table);
        this.fromRows = fromRows;
    }

    /**
     * After the caller wrote {@code rows} rows of the table in its transaction: analyzes the table when the ledger is
     * on PostgreSQL and the write is large ({@link #refreshes}).
     */
    public void afterWriting(long rows) {
        if (refreshes(rows)) {
            h.execute("ANALYZE " + table);
        }
    }

    /**
     * Whether a write of {@code rows} rows refreshes the statistics: at least {@code fromRows}, on PostgreSQL, and
     * more than a tenth of the rows the statistics last counted (a table never analyzed counts none).
     */
    boolean refreshes(long rows) {
        if (rows < fromRows || !Ledger.Dialect.isPostgresql(h)) {
            return false;
        }
        double counted = h.createQuery("SELECT reltuples FROM pg_class WHERE oid = CAST(:t AS regclass)")
                .bind("t", table)
                .mapTo(Double.class)
                .one();
        return rows > CHANGED_SHARE * Math.max(counted, 0);
    }
}
