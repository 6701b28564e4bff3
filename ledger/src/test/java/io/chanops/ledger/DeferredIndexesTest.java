package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load with its indexes deferred leaves the table with the rows of a plain load and exactly the keys and indexes it
 * had (primary, unique, partial, on an expression), under the same names; a duplicate key fails the transaction and
 * changes nothing. Loads that must keep the indexes (smaller than the table, into a referenced table, on SQLite) run
 * plainly. The PostgreSQL cases need a server ({@link TestPostgres}; skipped without one).
 */
class DeferredIndexesTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    private static final String TABLE = "CREATE TABLE t (id INTEGER NOT NULL, code TEXT NOT NULL, note TEXT, "
            + "PRIMARY KEY (id, code), CONSTRAINT t_code_note UNIQUE (code, note))";
    private static final String PARTIAL = "CREATE INDEX t_note ON t (note) WHERE note IS NOT NULL";
    private static final String EXPRESSION = "CREATE INDEX t_lower ON t (lower(code))";

    @Test
    void aLoadIntoAnEmptyTableRebuildsExactlyItsKeysAndIndexes() {
        Ledger ledger = ledgerWithTable();
        List<String> before = ledger.read(DeferredIndexesTest::schemaOf);
        List<String> during = new ArrayList<>();
        ledger.write(h -> {
            new DeferredIndexes(h, "t", 1).load(3, () -> {
                ScratchTable.insertRows(h, 1, 3);
                during.addAll(schemaOf(h));
            });
            return null;
        });
        assertThat(before).hasSize(4).anyMatch(s -> s.contains("WHERE (note IS NOT NULL)"));
        assertThat(during).isEmpty();
        assertThat(ledger.read(DeferredIndexesTest::schemaOf)).isEqualTo(before);
        assertThat(ledger.read(DeferredIndexesTest::rowsOf)).containsExactly("1 c1", "2 c2", "3 c3");
    }

    @Test
    void aDuplicateKeyInTheLoadFailsAndChangesNothing() {
        Ledger ledger = ledgerWithTable();
        List<String> before = ledger.read(DeferredIndexesTest::schemaOf);
        Throwable failed = catchThrowable(() -> ledger.write(h -> {
            new DeferredIndexes(h, "t", 1).load(4, () -> {
                ScratchTable.insertRows(h, 1, 2);
                ScratchTable.insertRows(h, 2, 2);
            });
            return null;
        }));
        assertThat(failed).hasMessageContaining("t_pkey");
        assertThat(ledger.read(DeferredIndexesTest::schemaOf)).isEqualTo(before);
        assertThat(ledger.read(DeferredIndexesTest::rowsOf)).isEmpty();
    }

    @Test
    void aLoadSmallerThanTheTableKeepsTheIndexes() {
        Ledger ledger = ledgerWithTable();
        ledger.write(h -> {
            ScratchTable.insertRows(h, 1, 3);
            return null;
        });
        assertThat(loadsPlainly(ledger, 3)).isTrue();
        assertThat(loadsPlainly(ledger, 7)).as("6 rows held, 7 loaded").isFalse();
    }

    @Test
    void aReferencedTableKeepsItsIndexes() {
        Ledger ledger = ledgerWithTable();
        ledger.write(h -> {
            h.execute("CREATE TABLE child (id INTEGER, code TEXT, FOREIGN KEY (id, code) REFERENCES t (id, code))");
            return null;
        });
        assertThat(loadsPlainly(ledger, 3)).isTrue();
    }

    @Test
    void belowTheThresholdTheIndexesStay() {
        Ledger ledger = ledgerWithTable();
        assertThat(ledger.<Boolean>write(h -> new DeferredIndexes(h, "t").defers(DeferredIndexes.FROM_ROWS - 1)))
                .isFalse();
        assertThat(ledger.<Boolean>write(h -> new DeferredIndexes(h, "t").defers(DeferredIndexes.FROM_ROWS)))
                .isTrue();
    }

    @Test
    void sqliteLoadsPlainly() {
        Ledger ledger = TestLedgers.fresh(dir);
        ledger.write(h -> {
            h.execute("CREATE TABLE t (id INTEGER NOT NULL, code TEXT NOT NULL, note TEXT, PRIMARY KEY (id, code))");
            return null;
        });
        assertThat(loadsPlainly(ledger, 3)).isTrue();
        assertThat(ledger.read(DeferredIndexesTest::rowsOf)).hasSize(3);
    }

    /** Loads {@code rows} rows into t (ids after those it holds); whether t had its indexes during the load. */
    private static boolean loadsPlainly(Ledger ledger, int rows) {
        return ledger.write(h -> {
            int first = h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM t")
                    .mapTo(Integer.class)
                    .one();
            boolean[] indexed = {false};
            new DeferredIndexes(h, "t", 1).load(rows, () -> {
                ScratchTable.insertRows(h, first, rows);
                indexed[0] = !Ledger.Dialect.isPostgresql(h) || !schemaOf(h).isEmpty();
            });
            return indexed[0];
        });
    }

    /** A fresh PostgreSQL ledger with the table t, empty. */
    private Ledger ledgerWithTable() {
        return ScratchTable.create(schemas.freshLedger(), TABLE, PARTIAL, EXPRESSION);
    }

    private static List<String> rowsOf(Handle h) {
        return h.createQuery("SELECT id || ' ' || code FROM t ORDER BY id")
                .mapTo(String.class)
                .list();
    }

    /** t's indexes as "NAME DEFINITION" (their keys among them). */
    private static List<String> schemaOf(Handle h) {
        return TestPostgres.indexesOf(h, "t");
    }
}
