package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large write brings PostgreSQL's statistics of its table up to date in its own transaction (the columns'
 * statistics committed with it, rolled back with it); a write small against the rows the statistics counted, or below
 * the threshold, leaves them to autovacuum; SQLite is left alone. The PostgreSQL cases need a server
 * ({@link TestPostgres}; skipped without one).
 */
class PlannerStatisticsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    private static final String TABLE = "CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, code TEXT NOT NULL)";

    @Test
    void aLargeWriteCommitsTheTablesStatisticsWithIt() {
        Ledger ledger = ledgerWithTable();
        ledger.write(h -> {
            ScratchTable.insertRows(h, 1, 30);
            new PlannerStatistics(h, "t", 1).afterWriting(30);
            return null;
        });
        assertThat(ledger.read(PlannerStatisticsTest::countedRows)).isEqualTo(30.0);
        assertThat(ledger.read(PlannerStatisticsTest::columnsWithStatistics)).isEqualTo(2);
    }

    @Test
    void aRolledBackWriteLeavesNoStatistics() {
        Ledger ledger = ledgerWithTable();
        Throwable failed = catchThrowable(() -> ledger.write(h -> {
            ScratchTable.insertRows(h, 1, 30);
            new PlannerStatistics(h, "t", 1).afterWriting(30);
            throw new IllegalStateException("the write fails after its statistics");
        }));
        assertThat(failed).isNotNull();
        assertThat(ledger.read(PlannerStatisticsTest::columnsWithStatistics)).isZero();
    }

    @Test
    void onlyAWriteOfMoreThanATenthOfTheCountedRowsRefreshes() {
        Ledger ledger = ledgerWithTable();
        ledger.write(h -> {
            ScratchTable.insertRows(h, 1, 30);
            h.execute("ANALYZE t");
            return null;
        });
        assertThat(ledger.<Boolean>read(h -> new PlannerStatistics(h, "t", 1).refreshes(3)))
                .isFalse();
        assertThat(ledger.<Boolean>read(h -> new PlannerStatistics(h, "t", 1).refreshes(4)))
                .isTrue();
    }

    @Test
    void belowTheThresholdNothingIsRefreshed() {
        Ledger ledger = ledgerWithTable();
        assertThat(ledger.<Boolean>read(h -> new PlannerStatistics(h, "t").refreshes(PlannerStatistics.FROM_ROWS - 1)))
                .isFalse();
        assertThat(ledger.<Boolean>read(h -> new PlannerStatistics(h, "t").refreshes(PlannerStatistics.FROM_ROWS)))
                .isTrue();
    }

    @Test
    void sqliteIsLeftAlone() {
        Ledger ledger = TestLedgers.fresh(dir);
        ledger.write(h -> {
            h.execute(TABLE);
            ScratchTable.insertRows(h, 1, 30);
            new PlannerStatistics(h, "t", 1).afterWriting(30);
            return null;
        });
        int statTables =
                ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(statTables).isZero();
    }

    /** A fresh PostgreSQL ledger with the table t, empty and never analyzed. */
    private Ledger ledgerWithTable() {
        return ScratchTable.create(schemas.freshLedger(), TABLE);
    }

    /** The rows the statistics last counted (-1 or 0 before any ANALYZE). */
    private static double countedRows(Handle h) {
        return h.createQuery("SELECT reltuples FROM pg_class WHERE oid = CAST('t' AS regclass)")
                .mapTo(Double.class)
                .one();
    }

    /** The columns of t that have statistics. */
    private static int columnsWithStatistics(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM pg_stats WHERE tablename = 't' AND schemaname = current_schema()")
                .mapTo(Integer.class)
                .one();
    }
}
