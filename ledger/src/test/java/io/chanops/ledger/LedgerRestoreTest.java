package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * {@link LedgerRestore} below the command: a backup of an older schema with smaller pages (a ledger made before the
 * current page size) is restored into a WAL ledger and migrated forward when opened; a writer holding the ledger makes
 * the restore wait, then fail as busy, with the ledger unchanged; a backup is checked before anything is written.
 */
class LedgerRestoreTest {
    @TempDir
    Path dir;

    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void anOlderBackupWithSmallerPagesIsRestoredAndMigratedForward() {
        Path old = dir.resolve("old.db");
        TestLedgers.sqliteAtVersion(old, "8")
                .useHandle(h ->
                        h.execute("INSERT INTO site (site_id, name, kind) VALUES ('OLD-1', 'Old store', 'store')"));
        Ledger ledger = TestLedgers.fresh(dir);
        ledger.write(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('NEW-1', 'New store', 'store')");
            return null;
        });
        LedgerRestore.Backup backup = LedgerRestore.check(old, SHORT);
        assertThat(backup.schemaVersion()).isEqualTo(8);
        assertThat(backup.pageSize()).isNotEqualTo(pageSize(ledger));

        LedgerRestore.into(ledger, backup);
        Ledger reopened = Ledger.open(dir.resolve("test.db").toString(), SHORT);
        assertThat(reopened.opening().fromVersion()).isEqualTo(8);
        assertThat(reopened.opening().upgraded()).isTrue();
        assertThat(siteIds(reopened)).containsExactly("OLD-1");
        String journal = reopened.read(
                h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(pageSize(reopened)).isEqualTo(backup.pageSize());
    }

    @Test
    void aRestoreWaitsForAWriterThenFailsAsBusyWithTheLedgerUnchanged() throws Exception {
        Ledger ledger = Ledger.init(dir.resolve("busy.db").toString(), SHORT, TestLedgers.ZONE);
        ledger.write(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('KEPT', 'Kept', 'store')");
            return null;
        });
        Path copy = dir.resolve("copy.db");
        ledger.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", copy.toString()));
        ledger.write(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('LATER', 'Later', 'store')");
            return null;
        });
        LedgerRestore.Backup backup = LedgerRestore.check(copy, SHORT);

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (Handle h = Jdbi.create(sqlite(dir.resolve("busy.db"))).open()) {
                h.execute("BEGIN IMMEDIATE");
                holding.countDown();
                release.await(10, TimeUnit.SECONDS);
                h.execute("ROLLBACK");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> LedgerRestore.into(ledger, backup)).isInstanceOf(LedgerUnavailableException.class);
        } finally {
            release.countDown();
            writer.join();
        }
        assertThat(siteIds(ledger)).containsExactlyInAnyOrder("KEPT", "LATER");

        LedgerRestore.into(ledger, backup);
        assertThat(siteIds(ledger)).containsExactly("KEPT");
    }

    /**
     * The staged copies a killed restore left beside the ledger (hidden, a full copy of a backup each) are removed by
     * the next restore once they are older than any restore running now could be; a fresh one, and other files, stay.
     */
    @Test
    void aRestoreRemovesTheStagedCopiesThatKilledRestoresLeftBehind() throws Exception {
        Ledger ledger = Ledger.init(dir.resolve("kept.db").toString(), SHORT, TestLedgers.ZONE);
        Path copy = dir.resolve("copy.db");
        ledger.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", copy.toString()));
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Path left = Files.writeString(dir.resolve(".kept.db.restore-123.db"), "a killed restore's copy");
        Path leftJournal = Files.writeString(dir.resolve(".kept.db.restore-123.db-journal"), "its journal");
        Path another = Files.writeString(dir.resolve(".other.db.restore-9.db"), "another ledger's");
        Path running = Files.writeString(dir.resolve(".kept.db.restore-456.db"), "a restore running now");
        for (Path old : List.of(left, leftJournal, another)) {
            Files.setLastModifiedTime(old, twoHoursAgo);
        }

        LedgerRestore.into(ledger, LedgerRestore.check(copy, SHORT));
        assertThat(left).doesNotExist();
        assertThat(leftJournal).doesNotExist();
        assertThat(another).exists();
        assertThat(running).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("the restore's own copy is gone too")
                    .filteredOn(name -> name.startsWith(".kept.db.restore-"))
                    .containsExactly(running.getFileName().toString());
        }
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        Ledger ledger = TestLedgers.fresh(dir);
        Path copy = dir.resolve("copy.db");
        ledger.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", copy.toString()));
        byte[] bytes = Files.readAllBytes(copy);
        Files.write(copy, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(TestLedgers.rejection(() -> LedgerRestore.check(copy, SHORT)))
                .singleElement()
                .asString()
                .startsWith(copy + ": ");
    }

    private static Set<String> siteIds(Ledger ledger) {
        return ledger.read(h -> h.attach(SiteRepository.class).ids());
    }

    private static int pageSize(Ledger ledger) {
        return ledger.read(
                h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
    }

    private static SQLiteDataSource sqlite(Path db) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        return ds;
    }
}
