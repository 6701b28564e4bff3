package io.chanops.ledger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Puts a backup ({@link LedgerBackup}) back as an SQLite ledger, through SQLite's online backup API run the other way:
 * the backup's pages are written into the ledger as one write transaction of the ledger, so other commands wait for it
 * as for any writer, and the ledger's {@code -wal} file is written through, never left stale beside a file copied over
 * the ledger (which {@code cp backup.db chanops.db} risks: SQLite would replay the old WAL onto the copy). The backup is
 * checked first (a chanops ledger, SQLite's integrity check, a schema this binary knows, the ledger's time zone) and
 * opened read-only: it is never changed.
 */
public final class LedgerRestore {
    private LedgerRestore() {}

    /** A backup checked for restoring: its schema version, time zone and page size. */
    public record Backup(Path file, int schemaVersion, String zone, int pageSize) {}

    /**
     * Checks that {@code file} is a backup of a chanops ledger this binary can restore: an SQLite chanops ledger that
     * passes SQLite's integrity check, of a schema version this binary knows. Anything else is an
     * {@link InputRejectedException} (exit 4) naming what is wrong; the file is only read.
     */
    public static Backup check(Path file, Duration busyTimeout) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw reject(name, Files.exists(file) ? "not a file" : "no such file");
        }
        Map<String, String> settings;
        try {
            settings = Ledger.settingsOf(LedgerLocation.parse(name), busyTimeout)
                    .orElseThrow(() ->
                            reject(name, "not a chanops ledger (a backup is what 'chanops ledger backup' writes)"));
        } catch (LedgerUnavailableException e) {
            throw reject(name, "cannot be read as a ledger: " + e.getMessage());
        }
        Jdbi backup = Jdbi.create(readOnly(file, busyTimeout));
        try {
            return backup.withHandle(h -> {
                List<String> integrity = h.createQuery("PRAGMA integrity_check")
                        .mapTo(String.class)
                        .list();
                if (!integrity.equals(List.of("ok"))) {
                    throw reject(name, "does not pass SQLite's integrity check: " + integrity);
                }
                int version = LedgerInfo.schemaVersion(h);
                int known = SchemaVersions.bundled(Ledger.Dialect.SQLITE).stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0);
                if (version > known) {
                    throw reject(
                            name,
                            "has schema version " + version + ", newer than this chanops understands (" + known
                                    + "): restore it with the chanops that made it, or upgrade chanops");
                }
                int pageSize =
                        h.createQuery("PRAGMA page_size").mapTo(Integer.class).one();
                return new Backup(file, version, settings.get(LedgerSettings.ZONE), pageSize);
            });
        } catch (JdbiException e) {
            throw reject(name, "cannot be read: " + Ledger.databaseMessage(e));
        }
    }

    /**
     * Replaces everything in the open SQLite ledger {@code ledger} with {@code backup}, in one write transaction of the
     * ledger (all or nothing, also when the process is killed). A backup of another time zone is refused (exit 4):
     * it is most likely a backup of another ledger. The ledger is left at the backup's schema version; opening it again
     * migrates it forward.
     */
    public static void into(Ledger ledger, Backup backup) {
        refuseOtherZone(ledger, backup);
        try {
            ledger.jdbi()
                    .useHandle(h -> restore(h, backup, ledger.ledgerLocation().file(), ledger.busyTimeout()));
        } catch (JdbiException e) {
            throw ledger.translate("ledger restore failed", e);
        }
    }

    /**
     * Refuses (exit 4) a backup {@link #into} would refuse for {@code ledger}: one of another time zone, most likely
     * a backup of another ledger; and any ledger but an SQLite one.
     */
    public static void refuseOtherZone(Ledger ledger, Backup backup) {
        if (ledger.dialect() != Ledger.Dialect.SQLITE) {
            throw new IllegalArgumentException("only an SQLite ledger is restored by chanops");
        }
        if (backup.zone() != null && !backup.zone().equals(ledger.zone().getId())) {
            throw reject(
                    backup.file().toString(),
                    "a backup of a ledger in time zone " + backup.zone() + ", but ledger " + ledger.location()
                            + " is in " + ledger.zone().getId() + ": a backup of another ledger? (restore it into a"
                            + " new file: chanops --db NEW.db ledger restore --from " + backup.file() + ")");
        }
    }

    /**
     * What {@code backup} holds, as {@code ledger info} shows a ledger (schema, page size, last imports, rows per
     * table), read through a read-only connection: the backup is left as it is, and an older schema is not migrated.
     * Its zone is null when it is older than zones.
     */
    public static LedgerInfo inspect(Backup backup, Duration busyTimeout) {
        ZoneId zone = backup.zone() == null ? null : ZoneId.of(backup.zone());
        try {
            return Jdbi.create(readOnly(backup.file(), busyTimeout))
                    .withHandle(h -> LedgerInfo.read(h, backup.file().toString(), Ledger.Dialect.SQLITE, zone));
        } catch (JdbiException e) {
            throw reject(backup.file().toString(), "cannot be read: " + Ledger.databaseMessage(e));
        }
    }

    /**
     * The restore on the ledger's connection {@code h}, from a copy of the backup staged beside the ledger and marked
     * with a token in its header ({@code user_version}, which chanops does not use otherwise): the driver's restore
     * reports a ledger that stayed locked past the timeout as success, so the token read back from the ledger is what
     * proves the pages were written. A WAL database cannot take pages of another size, so a backup whose page size
     * differs (one taken of a ledger made before the current page size) is restored with the ledger in
     * rollback-journal mode, which needs no other process to have it open, and the ledger is switched back to WAL.
     */
    private static void restore(Handle h, Backup backup, Path ledgerFile, Duration busyTimeout) {
        int token = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
        removeStagesLeftBehind(ledgerFile, Instant.now().minus(STAGE_LEFT_AFTER));
        Path staged = stage(backup, ledgerFile, token, busyTimeout);
        try {
            int pageSize =
                    h.createQuery("PRAGMA page_size").mapTo(Integer.class).one();
            boolean otherPageSize = pageSize != backup.pageSize();
            if (otherPageSize) {
                String mode = h.createQuery("PRAGMA journal_mode = DELETE")
                        .mapTo(String.class)
                        .one();
                if (!"delete".equalsIgnoreCase(mode)) {
                    throw new LedgerUnavailableException("the backup's pages are of another size ("
                            + backup.pageSize() + " bytes, the ledger's " + pageSize + "): it is restored only while"
                            + " no other chanops has the ledger open; nothing was restored, try again when none runs");
                }
            }
            try {
                int waits = (int) Math.max(1, busyTimeout.toMillis() / RETRY_MILLIS);
                h.getConnection()
                        .unwrap(SQLiteConnection.class)
                        .getDatabase()
                        .restore("main", staged.toString(), null, RETRY_MILLIS, waits, ALL_PAGES);
            } finally {
                if (otherPageSize) {
                    h.execute("PRAGMA journal_mode = WAL");
                }
            }
            int found =
                    h.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
            if (found != token) {
                throw new LedgerUnavailableException("ledger is busy: another command kept writing it for "
                        + busyTimeout.toSeconds() + " s; nothing was restored, try again");
            }
            h.execute("PRAGMA user_version = 0");
            h.execute("PRAGMA application_id = 0"); // a ledger in use, no longer a backup to replace
        } catch (SQLException e) {
            throw new LedgerUnavailableException("ledger restore failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                // a private copy of the backup left beside the ledger is harmless; its name says what it is
            }
        }
    }

    /**
     * A copy of the backup beside the ledger (owner-only), read from the backup as one snapshot ({@code VACUUM INTO}
     * on a read-only connection: also a backup someone opened as a ledger, whose last commits are in its -wal file),
     * marked with {@code token}.
     */
    private static Path stage(Backup backup, Path ledgerFile, int token, Duration busyTimeout) {
        Path staged;
        try {
            Path dir = ledgerFile.toAbsolutePath().getParent();
            staged = Files.createTempFile(dir, "." + ledgerFile.getFileName() + ".restore-", ".db");
            Files.delete(staged); // VACUUM INTO writes a new file
        } catch (IOException e) {
            throw new LedgerUnavailableException("cannot stage the backup beside the ledger: " + e.getMessage(), e);
        }
        try {
            Jdbi.create(readOnly(backup.file(), busyTimeout))
                    .useHandle(b -> b.execute("VACUUM INTO ?", staged.toString()));
            Jdbi.create("jdbc:sqlite:" + staged).useHandle(s -> s.execute("PRAGMA user_version = " + token));
            return staged;
        } catch (JdbiException e) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // reported below
            }
            throw reject(backup.file().toString(), "cannot be read: " + Ledger.databaseMessage(e));
        }
    }

    /** A staged copy this much older than now belongs to no restore still running: one killed midway left it. */
    static final Duration STAGE_LEFT_AFTER = Duration.ofHours(1);

    /**
     * Removes the staged copies (and their journals) that restores killed midway left beside the ledger, last written
     * before {@code before}: a full copy of a backup each, under a hidden name. A restore stages its copy and copies it
     * into the ledger in minutes, so a copy written an hour ago belongs to no restore still running.
     */
    static void removeStagesLeftBehind(Path ledgerFile, Instant before) {
        Path dir = ledgerFile.toAbsolutePath().getParent();
        String prefix = "." + ledgerFile.getFileName() + ".restore-";
        try (DirectoryStream<Path> stages = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && (name.endsWith(".db") || name.endsWith(".db-journal"));
        })) {
            for (Path stage : stages) {
                if (Files.isRegularFile(stage, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(stage, LinkOption.NOFOLLOW_LINKS)
                                .toInstant()
                                .isBefore(before)) {
                    Files.deleteIfExists(stage);
                }
            }
        } catch (IOException e) {
            // a copy left behind costs disk space only; the restore goes on
        }
    }

    private static final int RETRY_MILLIS = 100;
    /** Copy every page in one step: one write transaction of the ledger. */
    private static final int ALL_PAGES = -1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static SQLiteDataSource readOnly(Path file, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    private static InputRejectedException reject(String file, String problem) {
        return InputRejectedException.of(Problem.ofFile(file, problem));
    }
}
