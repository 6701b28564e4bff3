package io.chanops.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The chanops ledger: an SQLite file (default) or a PostgreSQL database. Opening it migrates the schema forward
 * (Flyway) and refuses a schema newer than this binary. Migrations live in {@code db/migration} (portable SQL, run on
 * both) and, where the dialects must differ, in {@code db/sqlite} or {@code db/postgresql} under the same version.
 *
 * <p>Writers are serialised: on SQLite every write transaction starts with {@code BEGIN IMMEDIATE} and waits up to the
 * busy timeout for the write lock; on PostgreSQL it takes a transaction-scoped advisory lock with the same timeout. A
 * writer that cannot get the lock in time fails with {@link LedgerUnavailableException} (exit 5), never half-done.
 */
public final class Ledger {
    /** Advisory lock key that serialises chanops writers on PostgreSQL, as SQLite's write lock does. */
    private static final long WRITER_LOCK_KEY = 0x6368616e6f7073L; // "chanops"

    private final String location;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final Duration busyTimeout;
    private final DataSource dataSource;

    public enum Dialect { SQLITE, POSTGRESQL }

    private Ledger(String location, Dialect dialect, DataSource dataSource, Duration busyTimeout) {
        this.location = location;
        this.dialect = dialect;
        this.busyTimeout = busyTimeout;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Opens the ledger at {@code spec}: a file path for SQLite, or a {@code jdbc:postgresql:} / {@code jdbc:sqlite:} URL,
     * creating or upgrading its schema.
     */
    public static Ledger open(String spec, Duration busyTimeout) {
        Ledger ledger = connect(spec, busyTimeout);
        ledger.migrate(false);
        return ledger;
    }

    /** As {@link #open}, but always through Flyway (validating applied migrations' checksums): {@code chanops init}. */
    public static Ledger openValidated(String spec, Duration busyTimeout) {
        Ledger ledger = connect(spec, busyTimeout);
        ledger.migrate(true);
        return ledger;
    }

    /**
     * Page size of a new SQLite ledger (an existing one keeps its own: a WAL database cannot change it in place). 32 KiB
     * instead of SQLite's 4 KiB: a bulk import commits sooner (fewer, larger WAL frames to
     * write and checkpoint) and the table B-trees are shallower; a small write (an alert, a policy override) writes a
     * few 32 KiB frames, still cheap.
     */
    static final int NEW_LEDGER_PAGE_SIZE = 32768;

    private static Ledger connect(String spec, Duration busyTimeout) {
        if (spec.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(spec);
            ds.setOptions("-c lock_timeout=" + busyTimeout.toMillis());
            return new Ledger(spec, Dialect.POSTGRESQL, ds, busyTimeout);
        }
        String file = spec.startsWith("jdbc:sqlite:") ? spec.substring("jdbc:sqlite:".length()) : spec;
        Path path = Path.of(file).toAbsolutePath();
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new LedgerUnavailableException("cannot open ledger " + file + ": directory " + parent + " does not exist");
        }
        if (Files.exists(path) && !Files.isReadable(path)) {
            throw new LedgerUnavailableException("cannot open ledger " + file + ": not readable");
        }
        createWithPageSize(path, busyTimeout);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(millis(busyTimeout));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65536); // 64 MiB page cache
        // The driver otherwise runs "SELECT last_insert_rowid()" after every INSERT it executes, for getGeneratedKeys(),
        // which chanops never asks for: a second statement per INSERT.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + path);
        return new Ledger(file, Dialect.SQLITE, ds, busyTimeout);
    }

    /**
     * Creates a missing (or empty) SQLite ledger file with {@link #NEW_LEDGER_PAGE_SIZE} pages, in WAL mode. Needs its
     * own connection: the page size must be set before anything, the journal mode included, writes the file's header.
     */
    private static void createWithPageSize(Path path, Duration busyTimeout) {
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        try {
            while (!(Files.exists(path) && Files.size(path) > 0)) {
                // another process may be creating it at this moment: wait for its lock like any other open
                SQLiteConfig config = new SQLiteConfig();
                config.setBusyTimeout(millis(busyTimeout));
                SQLiteDataSource ds = new SQLiteDataSource(config);
                ds.setUrl("jdbc:sqlite:" + path);
                try {
                    Jdbi.create(ds).useHandle(h -> {
                        h.execute("PRAGMA page_size = " + NEW_LEDGER_PAGE_SIZE);
                        h.execute("PRAGMA journal_mode = WAL");
                    });
                    return;
                } catch (JdbiException e) {
                    // Two connections switching a new file to WAL at once can deadlock on the lock upgrade; SQLite
                    // then answers one of them SQLITE_BUSY at once, without waiting: try again until the timeout.
                    if (!isBusy(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        } catch (IOException | JdbiException e) {
            throw new LedgerUnavailableException("cannot create ledger " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("cannot create ledger " + path + ": interrupted", e);
        }
    }

    /** True when {@code e} comes from SQLite finding the ledger locked by another connection. */
    private static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                        || code.name().startsWith("SQLITE_BUSY");
            }
        }
        return false;
    }

    private static int millis(Duration busyTimeout) {
        return (int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis());
    }

    private void migrate(boolean full) {
        long start = System.nanoTime();
        if (!full && isCurrent()) {
            return;
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(SchemaVersions.locations(dialect).stream().map(l -> "classpath:" + l).toArray(String[]::new))
                    .load();
            MigrationInfo[] future = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                throw newerSchema(future[future.length - 1].getVersion().toString());
            }
            flyway.migrate(); // validates the applied migrations' checksums first
            if (System.getenv("CHANOPS_TRACE") != null) {
                System.err.printf("flyway: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            throw new LedgerUnavailableException("ledger " + location + " does not match this chanops' migrations: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (FlywayException e) {
            throw translate("cannot migrate ledger " + location, e);
        } catch (JdbiException e) {
            throw translate("cannot open ledger " + location, e);
        }
    }

    /**
     * True when every bundled migration is applied successfully and nothing newer is: then Flyway is not needed.
     * Throws exit 5 for a newer schema; any doubt (no history table, a failed or missing migration) returns false.
     */
    private boolean isCurrent() {
        Set<Integer> bundled = SchemaVersions.bundled(dialect);
        Set<Integer> applied;
        try {
            // a failed migration reads as -1
            List<Integer> versions = jdbi.withHandle(h -> h.createQuery(
                            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")
                    .map((rs, ctx) -> rs.getBoolean("success") ? Integer.parseInt(rs.getString("version")) : -1)
                    .list());
            applied = new TreeSet<>(versions);
        } catch (JdbiException | NumberFormatException e) {
            return false; // no history yet (new ledger) or an unexpected one: let Flyway decide
        }
        if (applied.contains(-1)) {
            return false;
        }
        int newestBundled = bundled.stream().mapToInt(Integer::intValue).max().orElse(0);
        int newestApplied = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newestApplied > newestBundled) {
            throw newerSchema(Integer.toString(newestApplied));
        }
        return applied.containsAll(bundled);
    }

    private LedgerUnavailableException newerSchema(String version) {
        return new LedgerUnavailableException("ledger " + location + " has schema version " + version
                + ", newer than this chanops understands; upgrade chanops");
    }

    public String location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Duration busyTimeout() {
        return busyTimeout;
    }

    /** The JDBI instance, for reads and for modules that manage their own handles. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs {@code work} as the one write transaction of a command: all of it commits, or none of it. */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(h -> {
                if (dialect == Dialect.POSTGRESQL) {
                    h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS writer_lock").bind("key", WRITER_LOCK_KEY).mapTo(Integer.class).one();
                }
                return work.withHandle(h);
            });
        } catch (JdbiException e) {
            throw translate("ledger write failed", e);
        }
    }

    /**
     * As {@link #write}, for a bulk writer that checks its rows' references itself inside the transaction, once per
     * distinct value: on SQLite the per-row foreign-key checks are off for this transaction (a cost on every row
     * of a bulk insert). The pragma only takes effect outside a transaction, hence its own handle; the
     * connection is not reused afterwards, and the pragma is restored all the same. PostgreSQL: exactly {@link #write}.
     */
    public <R> R writeBulk(HandleCallback<R, RuntimeException> work) {
        if (dialect != Dialect.SQLITE) {
            return write(work);
        }
        try {
            return jdbi.withHandle(h -> {
                h.execute("PRAGMA foreign_keys = OFF");
                try {
                    return h.inTransaction(work::withHandle);
                } finally {
                    try {
                        h.execute("PRAGMA foreign_keys = ON");
                    } catch (JdbiException ignored) {
                        // the connection is closed next anyway; keep the transaction's own failure
                    }
                }
            });
        } catch (JdbiException e) {
            throw translate("ledger write failed", e);
        }
    }

    /** Runs read-only {@code work} on one handle (no write lock taken). */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translate("ledger read failed", e);
        }
    }

    /** Maps a database failure to exit 5 when the ledger was busy or unreadable, else rethrows it unchanged. */
    public RuntimeException translate(String what, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                if (isBusy(se)) {
                    return new LedgerUnavailableException("ledger " + location + " is busy: another chanops command held it for more than "
                            + busyTimeout.toSeconds() + " s; try again", e);
                }
                if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CANTOPEN
                        || code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CORRUPT
                        || code.name().startsWith("SQLITE_CANTOPEN") || code.name().startsWith("SQLITE_READONLY")) {
                    return new LedgerUnavailableException(what + ": " + se.getMessage(), e);
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("55P03") || state.equals("40001") || state.equals("40P01") || state.startsWith("08")
                        || state.equals("28P01") || state.equals("3D000")) {
                    return new LedgerUnavailableException(what + ": " + sql.getMessage(), e);
                }
            }
        }
        return e;
    }

    /**
     * A repository (a JDBI SqlObject type) on demand: each call runs on the handle of the {@link #read}, {@link #write}
     * or {@link #writeBulk} it is made in (JDBI shares a thread's handle with the extensions used inside it), or on a
     * handle of its own outside them. Services hold these and call them inside their one transaction.
     */
    public <T> T repository(Class<T> type) {
        return jdbi.onDemand(type);
    }
}
