package io.chanops.ledger;

import org.jdbi.v3.core.Handle;

/** The table t (id, code, ...) that the bulk-write helpers' tests load, and its rows "1 c1", "2 c2", .... */
final class ScratchTable {
    private ScratchTable() {}

    /** {@code ledger} after running {@code ddl} (which creates t) in one transaction. */
    static Ledger create(Ledger ledger, String... ddl) {
        ledger.write(h -> {
            for (String statement : ddl) {
                h.execute(statement);
            }
            return null;
        });
        return ledger;
    }

    /** Inserts {@code count} rows into t from id {@code first}, one statement each, as a row-by-row writer would. */
    static void insertRows(Handle h, int first, int count) {
        for (int id = first; id < first + count; id++) {
            h.createUpdate("INSERT INTO t (id, code) VALUES (:id, :code)")
                    .bind("id", id)
                    .bind("code", "c" + id)
                    .execute();
        }
    }
}
