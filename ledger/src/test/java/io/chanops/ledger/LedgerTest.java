package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    @TempDir
    Path dir;

    @Test
    void openingCreatesTheSchemaInWalMode() {
        Ledger ledger = TestLedgers.fresh(dir);
        assertThat((String) ledger.read(h ->
                        h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()))
                .isEqualToIgnoringCase("wal");
        assertThat((Integer) ledger.read(h -> h.createQuery("PRAGMA foreign_keys")
                        .mapTo(Integer.class)
                        .one()))
                .isEqualTo(1);
        assertThat((Integer) ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM site")
                        .mapTo(Integer.class)
                        .one()))
                .isZero();
    }

    @Test
    void aWhatIfSeesItsOwnWritesReturnsItsResultAndLeavesTheLedgerAsItWas() {
        Ledger ledger = TestLedgers.fresh(dir);
        String insert = "INSERT INTO site (site_id, name, kind, city) VALUES ('W1', 'What if', 'store', 'GZ')";
        String count = "SELECT COUNT(*) FROM site";
        int seen = ledger.writeAndRollBack(h -> {
            h.execute(insert);
            return h.createQuery(count).mapTo(Integer.class).one();
        });
        assertThat(seen).isEqualTo(1);
        assertThat((Integer) ledger.read(
                        h -> h.createQuery(count).mapTo(Integer.class).one()))
                .isZero();
        assertThatThrownBy(() -> ledger.writeAndRollBack(h -> {
                    h.execute(insert);
                    throw new IllegalStateException("failed inside");
                }))
                .hasMessage("failed inside");
        assertThat(ledger.<Integer>write(h -> {
                    h.execute(insert);
                    return h.createQuery(count).mapTo(Integer.class).one();
                }))
                .isEqualTo(1); // a write after the what-ifs is as usual
    }

    @Test
    void aNewLedgerHasLargePagesAndAnExistingOneKeepsItsOwn() throws Exception {
        Ledger fresh = TestLedgers.fresh(dir);
        assertThat((Integer) fresh.read(h ->
                        h.createQuery("PRAGMA page_size").mapTo(Integer.class).one()))
                .isEqualTo(Ledger.NEW_LEDGER_PAGE_SIZE);

        Path old = dir.resolve("old.db");
        TestLedgers.sqlite(old, "PRAGMA page_size = 4096", "PRAGMA journal_mode = WAL");
        Ledger opened = Ledger.init(old.toString(), Duration.ofSeconds(1), TestLedgers.ZONE);
        assertThat((Integer) opened.read(h ->
                        h.createQuery("PRAGMA page_size").mapTo(Integer.class).one()))
                .isEqualTo(4096);
        assertThat((Integer) opened.read(h -> h.createQuery("SELECT COUNT(*) FROM site")
                        .mapTo(Integer.class)
                        .one()))
                .isZero();
    }

    @RepeatedTest(20) // a race: one round passed by luck before the retry on SQLITE_BUSY
    void severalOpeningTheSameNewLedgerAtOnceAllGetIt() throws Exception {
        Path shared = dir.resolve("together.db");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    Ledger l = Ledger.init(shared.toString(), Duration.ofSeconds(20), TestLedgers.ZONE);
                    return l.read(h -> h.createQuery("PRAGMA page_size")
                            .mapTo(Integer.class)
                            .one());
                }));
            }
            go.countDown();
            for (Future<Integer> f : opened) {
                assertThat(f.get()).isEqualTo(Ledger.NEW_LEDGER_PAGE_SIZE);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBulkWriteIsOneTransactionWithoutPerRowReferenceChecksAndOtherWritesKeepThem() {
        Ledger ledger = TestLedgers.fresh(dir);
        assertThatThrownBy(() -> ledger.writeBulk(h -> {
                    assertThat(h.createQuery("PRAGMA foreign_keys")
                                    .mapTo(Integer.class)
                                    .one())
                            .isZero();
                    h.execute("INSERT INTO import_batch VALUES (1, 'moves', 'm.csv', 'x', 1, 1, '2026-03-01 10:00:00', "
                            + "'u', 0)");
                    throw new IllegalStateException("fails after writing");
                }))
                .hasMessage("fails after writing");
        assertThat((Integer) ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM import_batch")
                        .mapTo(Integer.class)
                        .one()))
                .isZero();
        assertThatThrownBy(() -> ledger.write(h -> h.execute(
                                "INSERT INTO stock_level (site_id, sku, on_hand, last_move_at, last_move_id) VALUES "
                                        + "('S', 'K', 1, 'x', 1)")
                        + h.execute("INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) "
                                + "VALUES (1, '2026-03-01 10:00:00', 'NO-SITE', 'NO-SKU', 'sale', 1, NULL, 1)")))
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void aSchemaNewerThanThisBinaryIsRefused() {
        Ledger ledger = TestLedgers.fresh(dir);
        ledger.write(h -> h.execute(
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, installed_on, execution_time, success) VALUES (999, '999', 'future', 'SQL', "
                        + "'V999__future.sql', 0, 'x', CURRENT_TIMESTAMP, 1, 1)"));
        assertThatThrownBy(() -> TestLedgers.fresh(dir))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("newer than this chanops");
    }

    @Test
    void aFileThatIsNotALedgerIsUnavailable() throws Exception {
        Path bogus = dir.resolve("bogus.db");
        Files.writeString(
                bogus, "this is not an SQLite database, just some text that is long enough to have a header page");
        assertThatThrownBy(() -> Ledger.open(bogus.toString(), Duration.ofSeconds(1)))
                .isInstanceOf(LedgerUnavailableException.class);
    }

    /**
     * A writer that commits while another waits for the write lock, which the other then holds for longer than the
     * busy timeout: the commit is reported as the success it is (sqlite-jdbc's own commit began the next transaction at
     * once, waited out the timeout behind the other writer and reported a committed import as "busy"). Both commit.
     */
    @Test
    void aCommitIsNotReportedAsBusyWhenTheNextWriterHoldsTheLockAfterIt() throws Exception {
        String file = dir.resolve("l.db").toString();
        Ledger.init(file, Duration.ofSeconds(5), TestLedgers.ZONE);
        Ledger first = Ledger.open(file, Duration.ofMillis(500));
        Ledger second = Ledger.open(file, Duration.ofSeconds(5));
        CountDownLatch firstWriting = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> committed = pool.submit(() -> first.write(h -> {
                firstWriting.countDown();
                h.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                        + "imported_at, os_user) VALUES (1, 'x', 'a', 's', 0, 0, '2026-01-01 00:00:00', 'u')");
                // a large write, as a first import is: its commit checkpoints the WAL after releasing the lock, which
                // gives the waiting writer the lock before the driver's next BEGIN
                h.execute("CREATE TABLE bulk (v BLOB)");
                h.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) "
                        + "INSERT INTO bulk SELECT randomblob(1000) FROM n");
                sleep(300); // the second writer is waiting for the lock meanwhile
                return 1;
            }));
            firstWriting.await();
            Future<Integer> next = pool.submit(() -> second.write(h -> {
                h.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                        + "imported_at, os_user) VALUES (2, 'x', 'b', 's', 0, 0, '2026-01-01 00:00:00', 'u')");
                sleep(1_500); // longer than the first writer's busy timeout
                return 2;
            }));
            assertThat(committed.get()).isEqualTo(1);
            assertThat(next.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat((Integer) first.read(h -> h.createQuery("SELECT COUNT(*) FROM import_batch")
                        .mapTo(Integer.class)
                        .one()))
                .isEqualTo(2);
    }

    /**
     * A ledger that cannot grow (a full disk, here SQLite's page limit on the connection) fails the write as an output
     * that could not be written (exit 6), naming the ledger, with nothing committed; not as an internal error.
     */
    @Test
    void aWriteOnAFullDiskFailsAsAnOutputThatCouldNotBeWrittenAndCommitsNothing() {
        Ledger ledger = TestLedgers.fresh(dir);
        assertThatThrownBy(() -> ledger.write(h -> {
                    h.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                            + "imported_at, os_user) VALUES (1, 'x', 'a', 's', 0, 0, '2026-01-01 00:00:00', 'u')");
                    long pages =
                            h.createQuery("PRAGMA page_count").mapTo(Long.class).one();
                    h.execute("PRAGMA max_page_count = " + (pages + 2));
                    h.execute("CREATE TABLE bulk (v BLOB)");
                    h.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                            + "INSERT INTO bulk SELECT randomblob(1000) FROM n");
                    return null;
                }))
                .isInstanceOf(OutputFailedException.class)
                .hasMessageStartingWith("cannot write ledger ")
                .hasMessageEndingWith(": the disk is full; nothing was committed");
        assertThat((Integer) ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM import_batch")
                        .mapTo(Integer.class)
                        .one()))
                .isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWriterWaitsForAnotherWriterThenFailsAsBusy() throws Exception {
        Ledger first = Ledger.init(dir.resolve("l.db").toString(), Duration.ofSeconds(5), TestLedgers.ZONE);
        Ledger second = Ledger.open(dir.resolve("l.db").toString(), Duration.ofMillis(300));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = pool.submit(() -> first.write(h -> {
                h.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                        + "imported_at, os_user) VALUES (1, 'x', 'f', 's', 0, 0, '2026-01-01 00:00:00', 'u')");
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holding.await();
            long start = System.nanoTime();
            assertThatThrownBy(() -> second.write(h -> h.execute("DELETE FROM import_batch")))
                    .isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageContaining("busy");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            release.countDown();
            holder.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat((Integer) first.read(h -> h.createQuery("SELECT COUNT(*) FROM import_batch")
                        .mapTo(Integer.class)
                        .one()))
                .isEqualTo(1);
    }

    /**
     * Another process holding the ledger in SQLite's exclusive locking mode: opening waits the busy timeout once, not
     * once to look at the schema and again for Flyway (it waited twice as long).
     */
    @Test
    void aLedgerHeldInExclusiveLockingModeWaitsTheBusyTimeoutOnceThenFailsAsBusy() throws Exception {
        Path db = dir.resolve("held.db");
        TestLedgers.fresh(dir); // makes test.db; this one:
        Ledger.init(db.toString(), Duration.ofSeconds(2), TestLedgers.ZONE);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                    + "imported_at, os_user) VALUES (1, 'x', 'f', 's', 0, 0, '2026-01-01 00:00:00', 'u')");
            long start = System.nanoTime();
            assertThatThrownBy(() -> Ledger.open(db.toString(), Duration.ofSeconds(1)))
                    .isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageContaining("is busy");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(1600));
            st.execute("ROLLBACK");
        }
    }
}
