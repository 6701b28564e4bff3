package io.chanops.ledger;

import io.chanops.ledger.files.FileHead;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The chanops ledger: an SQLite file (default) or a PostgreSQL database. Only {@link #init} creates one; {@link #open}
 * opens an existing one and refuses (exit 5) a missing ledger, a file that is not an SQLite database, and a database
 * that is not a chanops ledger, leaving them as they are. Opening migrates the schema forward (Flyway) and refuses a
 * schema newer than this binary. Migrations live in {@code db/migration} (portable SQL, run on both) and, where the
 * dialects must differ, in {@code db/sqlite} or {@code db/postgresql} under the same version.
 *
 * <p>Every ledger records its time zone ({@link LedgerSettings#ZONE}): {@code init} records the one it is given; a
 * ledger made before zones were recorded takes the zone its first open is given.
 *
 * <p>Writers are serialised: on SQLite every write transaction starts with {@code BEGIN IMMEDIATE} and waits up to the
 * busy timeout for the write lock; on PostgreSQL it takes a transaction-scoped advisory lock with the same timeout. A
 * writer that cannot get the lock in time fails with {@link LedgerUnavailableException} (exit 5), never half-done.
 */
public final class Ledger {
    /** Advisory lock key that serialises chanops writers on PostgreSQL, as SQLite's write lock does. */
    private static final long WRITER_LOCK_KEY = 0x6368616e6f7073L; // "chanops"

    static final String HISTORY = "flyway_schema_history";

    private final LedgerLocation location;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final Duration busyTimeout;
    private final DataSource dataSource;
    /** Set while opening, before the ledger is handed out. */
    private ZoneId zone;

    private Opening opening;

    public enum Dialect {
        SQLITE,
        POSTGRESQL;

        /** The dialect of the database behind {@code h} (a repository or writer given only a handle asks it this). */
        public static Dialect of(Handle h) {
            try {
                String product = h.getConnection().getMetaData().getDatabaseProductName();
                return product.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : SQLITE;
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(
                        "cannot tell the ledger's database: " + e.getMessage(), e, null);
            }
        }

        /** Whether {@code h} is on PostgreSQL (where the bulk writers take their COPY paths). */
        public static boolean isPostgresql(Handle h) {
            return of(h) == POSTGRESQL;
        }
    }

    /**
     * What opening the ledger did.
     *
     * @param created      the ledger was created (it did not exist, or was an empty database)
     * @param fromVersion  its schema version before (0 when created)
     * @param toVersion    its schema version now
     * @param zoneRecorded its time zone was recorded now (created, or made before zones were recorded)
     */
    public record Opening(boolean created, int fromVersion, int toVersion, boolean zoneRecorded) {
        public boolean upgraded() {
            return !created && toVersion > fromVersion;
        }
    }

    private Ledger(LedgerLocation location, DataSource dataSource, Duration busyTimeout) {
        this.location = location;
        this.dialect = location.dialect();
        this.busyTimeout = busyTimeout;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        if (dialect == Dialect.SQLITE) {
            // a commit that is only a commit: see SqliteTransactions
            jdbi.setTransactionHandler(new SqliteTransactions());
        }
    }

    /**
     * As {@link #open(LedgerLocation, Duration, ZoneId)} with the system's zone for a ledger that has none recorded.
     */
    public static Ledger open(String spec, Duration busyTimeout) {
        return open(LedgerLocation.parse(spec), busyTimeout, ZoneId.systemDefault());
    }

    /**
     * Opens the existing ledger at {@code location}, upgrading its schema. A ledger made before zones were recorded
     * records {@code zoneIfUnrecorded}. Never creates one: no ledger there is exit 5, and so is a database that is not
     * a chanops ledger (left untouched).
     */
    public static Ledger open(LedgerLocation location, Duration busyTimeout, ZoneId zoneIfUnrecorded) {
        Ledger ledger = connect(location, busyTimeout, false);
        ledger.prepare(false, zoneIfUnrecorded);
        return ledger;
    }

    /** As {@link #init(LedgerLocation, Duration, ZoneId)}. */
    public static Ledger init(String spec, Duration busyTimeout, ZoneId zone) {
        return init(LedgerLocation.parse(spec), busyTimeout, zone);
    }

    /**
     * {@code chanops init}: creates the ledger at {@code location} with time zone {@code zone}, or upgrades an existing
     * one (always through Flyway, validating the applied migrations' checksums; an existing ledger keeps its zone, or
     * records {@code zone} if it has none). {@link #opening()} tells which.
     */
    public static Ledger init(LedgerLocation location, Duration busyTimeout, ZoneId zone) {
        Ledger ledger = connect(location, busyTimeout, true);
        ledger.prepare(true, zone);
        return ledger;
    }

    /**
     * The settings of the chanops ledger at {@code location} (an SQLite file), read without changing anything (no
     * migration, no journal mode); empty when there is none there: no file, not an SQLite database, not a chanops
     * ledger.
     */
    public static Optional<Map<String, String>> settingsOf(LedgerLocation location, Duration busyTimeout) {
        if (location.dialect() != Dialect.SQLITE) {
            throw new IllegalArgumentException("only an SQLite ledger is read this way");
        }
        Path file = location.file();
        if (!Files.isRegularFile(file) || !hasSqliteHeader(file)) {
            return Optional.empty();
        }
        Ledger ledger = new Ledger(location, sqliteDataSource(file, busyTimeout, true), busyTimeout);
        Inspection found = ledger.inspect();
        return found.kind() == Kind.CHANOPS ? Optional.of(found.settings()) : Optional.empty();
    }

    /**
     * Page size of a new SQLite ledger (an existing one keeps its own: a WAL database cannot change it in place). 32
     * KiB instead of SQLite's 4 KiB: a bulk import commits sooner (fewer, larger WAL frames to
     * write and checkpoint) and the table B-trees are shallower; a small write (an alert, a policy override) writes a
     * few 32 KiB frames, still cheap.
     */
    static final int NEW_LEDGER_PAGE_SIZE = 32768;

    private static Ledger connect(LedgerLocation location, Duration busyTimeout, boolean create) {
        if (location.dialect() == Dialect.POSTGRESQL) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(location.spec());
            if (location.password() != null) {
                ds.setPassword(location.password());
            }
            ds.setOptions("-c lock_timeout=" + busyTimeout.toMillis());
            return new Ledger(location, ds, busyTimeout);
        }
        Path path = location.file();
        String shown = location.display();
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new LedgerUnavailableException(
                    "cannot open ledger " + shown + ": directory " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new LedgerUnavailableException(shown + " is a directory, not a chanops ledger");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a device or FIFO (/dev/null reads as an empty file): SQLite's own failure there names nothing to act on
            throw new LedgerUnavailableException((create ? "cannot create ledger " : "cannot open ledger ") + shown
                    + ": it is not a regular file (a device or FIFO); give a file name");
        }
        if (!Files.exists(path) || isEmptyFile(path)) {
            if (!create) {
                throw noLedger(location);
            }
            refuseStaleWal(path);
            createWithPageSize(path, busyTimeout);
        } else if (!Files.isReadable(path)) {
            throw new LedgerUnavailableException("cannot open ledger " + shown + ": not readable");
        } else if (!hasSqliteHeader(path)) {
            throw new LedgerUnavailableException(
                    shown + " is not a chanops ledger (not an SQLite database); it was left unchanged");
        }
        return new Ledger(location, sqliteDataSource(path, busyTimeout, false), busyTimeout);
    }

    private static SQLiteDataSource sqliteDataSource(Path path, Duration busyTimeout, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        // No journal mode here: WAL is a property of the file, set once it is known to be a chanops ledger (prepare),
        // so that a database that is not one is never switched to WAL.
        config.setReadOnly(readOnly);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(millis(busyTimeout));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65536); // 64 MiB page cache
        // The driver otherwise runs "SELECT last_insert_rowid()" after every INSERT it executes, for
        // getGeneratedKeys(),
        // which chanops never asks for: a second statement per INSERT.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + path);
        return ds;
    }

    private static LedgerUnavailableException noLedger(LedgerLocation location) {
        String meant = location.file() == null ? "" : MistypedLedgerPath.hint(location.file());
        return new LedgerUnavailableException(
                "no ledger at " + location.display() + meant + " (create one with: " + location.initCommand() + ")");
    }

    private static boolean isEmptyFile(Path path) {
        try {
            return Files.size(path) == 0;
        } catch (IOException e) {
            return false; // then reading it fails with its own message
        }
    }

    private static boolean hasSqliteHeader(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return FileHead.isSqlite(in.readNBytes(FileHead.SQLITE_HEADER_LENGTH));
        } catch (IOException e) {
            throw new LedgerUnavailableException("cannot open ledger " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses to create a ledger at {@code file} while a {@code -wal} file of an earlier ledger of that name is beside
     * it (the ledger file was deleted or moved without it): SQLite would replay its pages onto the new ledger.
     */
    private static void refuseStaleWal(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                throw new LedgerUnavailableException(wal + " is the write-ahead log of an earlier ledger " + file
                        + ", whose file is gone; move it (and " + file.getFileName() + "-shm) aside first: a new ledger"
                        + " of that name would take its pages");
            }
        } catch (IOException e) {
            throw new LedgerUnavailableException("cannot read " + wal + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a missing (or empty) SQLite ledger file, readable by its owner only (SQLite gives its -wal and -shm files
     * the same permissions), with {@link #NEW_LEDGER_PAGE_SIZE} pages, in WAL mode. Needs its own connection: the page
     * size must be set before anything, the journal mode included, writes the file's header.
     */
    private static void createWithPageSize(Path path, Duration busyTimeout) {
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        try {
            createOwnerOnly(path);
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
                    // SQLite created it if a link named it (with the umask's permissions): the owner's only too
                    restrictToOwner(path);
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
                return code == SQLiteErrorCode.SQLITE_BUSY
                        || code == SQLiteErrorCode.SQLITE_LOCKED
                        || code.name().startsWith("SQLITE_BUSY");
            }
        }
        return false;
    }

    private static int millis(Duration busyTimeout) {
        return (int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis());
    }

    /** Creates {@code path} empty with permissions rw------- where the file system has POSIX permissions. */
    private static void createOwnerOnly(Path path) throws IOException {
        try {
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(path);
            }
        } catch (FileAlreadyExistsException e) {
            // another process creates it at this moment, or it is an empty file (or a link to none): SQLite writes
            // its header either way, and the ledger holds phone numbers: the owner's only, as a new one is
            restrictToOwner(path);
        }
    }

    /** Sets rw------- on {@code path} (through a link) where it can; a file of another owner is left as it is. */
    private static void restrictToOwner(Path path) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not there yet (a link to a file SQLite will create), or not ours to change
        }
    }

    /** What the database at the location holds, read before anything is changed in it. */
    private enum Kind {
        EMPTY,
        CHANOPS,
        FOREIGN
    }

    private record AppliedMigration(String version, String script, boolean success) {
        /** The version as a number; -1 for a failed migration or a version that is not a whole number. */
        int number() {
            return success && version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
        }
    }

    private record Inspection(Kind kind, Set<Integer> applied, Map<String, String> settings, String journalMode) {
        int newestApplied() {
            return applied.stream()
                    .mapToInt(Integer::intValue)
                    .filter(v -> v >= 0)
                    .max()
                    .orElse(0);
        }

        static Inspection of(
                Collection<String> tables,
                List<AppliedMigration> history,
                Map<String, String> settings,
                String journalMode) {
            Set<Integer> applied = new TreeSet<>();
            history.forEach(m -> applied.add(m.number()));
            // every chanops ledger starts with this migration; Flyway on an empty database may leave only its history
            boolean chanops = history.stream()
                    .anyMatch(m ->
                            m.success() && m.version().equals("1") && m.script().equals("V1__init.sql"));
            boolean empty = tables.stream().allMatch(HISTORY::equals)
                    && history.stream().noneMatch(AppliedMigration::success);
            return new Inspection(
                    chanops ? Kind.CHANOPS : empty ? Kind.EMPTY : Kind.FOREIGN,
                    applied,
                    Map.copyOf(settings),
                    journalMode);
        }
    }

    /**
     * Checks what is at the location, then makes it a current chanops ledger: creates it (only for {@code init}),
     * switches it to WAL, migrates it, records its zone. Nothing is changed in a database that is not a chanops ledger.
     */
    private void prepare(boolean init, ZoneId zoneIfUnrecorded) {
        Inspection found = inspect();
        if (found.kind() == Kind.FOREIGN) {
            throw new LedgerUnavailableException(location.display()
                    + " is not a chanops ledger (a database with other tables); " + "it was left unchanged");
        }
        if (found.kind() == Kind.EMPTY && !init) {
            throw noLedger(location);
        }
        if (dialect == Dialect.SQLITE && !"wal".equalsIgnoreCase(found.journalMode())) {
            run("cannot open ledger " + location.display(), h -> h.execute("PRAGMA journal_mode = WAL"));
        }
        int newest = migrate(init, found);
        boolean zoneRecorded = settleZone(found.settings(), zoneIfUnrecorded);
        opening = new Opening(found.kind() == Kind.EMPTY, found.newestApplied(), newest, zoneRecorded);
    }

    /**
     * One read, on one connection: the tables and views, the migrations applied, the settings, the journal mode. A
     * ledger locked past the busy timeout fails here, once: exit 5.
     */
    private Inspection inspect() {
        try {
            return jdbi.withHandle(h -> {
                List<String> tables = relations(h, dialect, true);
                List<AppliedMigration> history = !tables.contains(HISTORY)
                        ? List.of()
                        : h.createQuery("SELECT version, script, success FROM flyway_schema_history WHERE version IS "
                                        + "NOT NULL")
                                .map((rs, ctx) -> new AppliedMigration(
                                        rs.getString("version"), rs.getString("script"), rs.getBoolean("success")))
                                .list();
                Map<String, String> settings = tables.contains(LedgerSettings.TABLE) ? LedgerSettings.all(h) : Map.of();
                String journal = dialect == Dialect.SQLITE
                        ? h.createQuery("PRAGMA journal_mode")
                                .mapTo(String.class)
                                .one()
                        : null;
                return Inspection.of(tables, history, settings, journal);
            });
        } catch (JdbiException e) {
            throw translate("cannot open ledger " + location.display(), e);
        }
    }

    /** The tables of the ledger's schema (SQLite's own excepted). */
    static List<String> tables(Handle h, Dialect dialect) {
        return relations(h, dialect, false);
    }

    /**
     * The tables (and with {@code views}, the views) of the ledger's schema, from the database's own catalog: on
     * PostgreSQL also those this user may not read, which information_schema would hide.
     */
    private static List<String> relations(Handle h, Dialect dialect, boolean views) {
        return dialect == Dialect.SQLITE
                ? h.createQuery("SELECT name FROM sqlite_master WHERE type IN ("
                                + (views ? "'table', 'view'" : "'table'") + ") "
                                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                        .mapTo(String.class)
                        .list()
                : h.createQuery("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
                                + "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ("
                                + (views ? "'r', 'p', 'v', 'm', 'f'" : "'r', 'p'") + ") "
                                + "ORDER BY c.relname")
                        .mapTo(String.class)
                        .list();
    }

    /**
     * Migrates the schema forward when a bundled migration is missing (always through Flyway for {@code init}, which
     * validates the applied migrations' checksums); returns the schema version now.
     */
    private int migrate(boolean full, Inspection found) {
        Set<Integer> bundled = SchemaVersions.bundled(dialect);
        int newestBundled = bundled.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (found.newestApplied() > newestBundled) {
            throw newerSchema(Integer.toString(found.newestApplied()));
        }
        if (!full && !found.applied().contains(-1) && found.applied().containsAll(bundled)) {
            return found.newestApplied(); // current: Flyway's start-up is not needed
        }
        long start = System.nanoTime();
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(SchemaVersions.locations(dialect).stream()
                            .map(l -> "classpath:" + l)
                            .toArray(String[]::new))
                    .load();
            MigrationInfo[] future = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                throw newerSchema(future[future.length - 1].getVersion().toString());
            }
            flyway.migrate(); // validates the applied migrations' checksums first
            if (System.getenv("CHANOPS_TRACE") != null) {
                System.err.printf("flyway: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            return newestBundled;
        } catch (FlywayValidateException e) {
            throw new LedgerUnavailableException(
                    "ledger " + location.display() + " does not match this chanops' migrations: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        } catch (FlywayException e) {
            throw translate("cannot migrate ledger " + location.display(), e);
        } catch (JdbiException e) {
            throw translate("cannot open ledger " + location.display(), e);
        }
    }

    /**
     * Reads the ledger's zone, or records {@code zoneIfUnrecorded} when it has none (a new ledger, or one made before
     * zones were recorded); true when this call recorded it.
     */
    private boolean settleZone(Map<String, String> settings, ZoneId zoneIfUnrecorded) {
        String recorded = settings.get(LedgerSettings.ZONE);
        boolean recordedNow = false;
        if (recorded == null) {
            recordedNow = write(h -> LedgerSettings.putIfAbsent(h, LedgerSettings.ZONE, zoneIfUnrecorded.getId()));
            recorded = recordedNow
                    ? zoneIfUnrecorded.getId()
                    : LedgerSettings.get(this, LedgerSettings.ZONE).orElseThrow();
        }
        try {
            zone = ZoneId.of(recorded);
        } catch (DateTimeException e) {
            throw new LedgerUnavailableException(
                    "ledger " + location.display() + " records the time zone '" + recorded
                            + "', which this Java does not know",
                    e);
        }
        return recordedNow;
    }

    private void run(String what, HandleConsumer<RuntimeException> work) {
        try {
            jdbi.useHandle(work);
        } catch (JdbiException e) {
            throw translate(what, e);
        }
    }

    private LedgerUnavailableException newerSchema(String version) {
        return new LedgerUnavailableException("ledger " + location.display() + " has schema version " + version
                + ", newer than this chanops understands; upgrade chanops");
    }

    /** Where the ledger is, as shown to people: the file, or the URL with its password masked. */
    public String location() {
        return location.display();
    }

    /** Where the ledger is: its file or URL. */
    LedgerLocation ledgerLocation() {
        return location;
    }

    /** The ledger's time zone: every local date and time in it is in this zone. */
    public ZoneId zone() {
        return zone;
    }

    /** What opening the ledger did (created, upgraded, recorded its zone). */
    public Opening opening() {
        return opening;
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
                    h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS writer_lock")
                            .bind("key", WRITER_LOCK_KEY)
                            .mapTo(Integer.class)
                            .one();
                }
                return work.withHandle(h);
            });
        } catch (RuntimeException e) {
            // a repository's own wrapping of a database failure (a full disk under its bulk path) is recognised too
            throw translate("ledger write failed", e);
        }
    }

    /**
     * Runs {@code work} as {@link #write} does, then rolls the transaction back: a what-if that sees its own writes
     * (and takes the write lock, so that what it reads is one state of the ledger) and leaves the ledger as it was.
     */
    public <R> R writeAndRollBack(HandleCallback<R, RuntimeException> work) {
        return write(h -> {
            R result = work.withHandle(h);
            h.rollback(); // the transaction then ends without a commit
            return result;
        });
    }

    /** {@link #writeAndRollBack} when {@code dryRun} (an import's dry run: its checks, warnings and counts), else {@link #write}. */
    public <R> R write(boolean dryRun, HandleCallback<R, RuntimeException> work) {
        return dryRun ? writeAndRollBack(work) : write(work);
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
        } catch (RuntimeException e) {
            // a repository's own wrapping of a database failure (a full disk under its bulk path) is recognised too
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

    /**
     * Maps a database failure to exit 5 when the ledger was busy or unreadable, to exit 6 when it could not be written
     * (a full disk), else rethrows it unchanged.
     */
    public RuntimeException translate(String what, RuntimeException e) {
        return translate(location, busyTimeout, what, e);
    }

    /**
     * As {@link #translate(String, RuntimeException)}: one line naming the ledger (its password masked) and the
     * database's own message without the statement or its context.
     */
    static RuntimeException translate(LedgerLocation location, Duration busyTimeout, String what, RuntimeException e) {
        String busy = "ledger " + location.display() + " is busy: another chanops command held it for more than "
                + seconds(busyTimeout) + "; try again";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                if (isBusy(se)) {
                    return new LedgerUnavailableException(busy, e);
                }
                if (code == SQLiteErrorCode.SQLITE_FULL || code.name().startsWith("SQLITE_IOERR")) {
                    // the ledger could not be written (a full disk, a failing one): as an output that failed, exit 6
                    return new OutputFailedException(
                            "cannot write ledger " + location.display() + ": "
                                    + (code == SQLiteErrorCode.SQLITE_FULL
                                            ? "the disk is full"
                                            : "an I/O error (" + code.name() + ")")
                                    + "; nothing was committed",
                            e);
                }
                if (code == SQLiteErrorCode.SQLITE_NOTADB
                        || code == SQLiteErrorCode.SQLITE_CANTOPEN
                        || code == SQLiteErrorCode.SQLITE_READONLY
                        || code == SQLiteErrorCode.SQLITE_CORRUPT
                        || code.name().startsWith("SQLITE_CANTOPEN")
                        || code.name().startsWith("SQLITE_READONLY")) {
                    return new LedgerUnavailableException(what + ": " + se.getMessage(), e);
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("55P03")) { // lock_not_available: the lock_timeout set to the busy timeout
                    return new LedgerUnavailableException(busy, e);
                }
                if (state.equals("53100")) { // disk_full on the server
                    return new OutputFailedException(
                            "cannot write ledger " + location.display() + ": the server's disk is full ("
                                    + primaryMessage(sql) + "); nothing was committed",
                            e);
                }
                if (state.equals("40001") || state.equals("40P01")) {
                    return new LedgerUnavailableException(what + ": " + primaryMessage(sql) + "; try again", e);
                }
                if (state.startsWith("08")
                        || state.startsWith("28")
                        || state.equals("3D000")
                        || state.equals("57P03")) {
                    return new LedgerUnavailableException(
                            "cannot connect to ledger " + location.display() + ": " + primaryMessage(sql), e);
                }
            }
        }
        return e;
    }

    /** The message of the first database error in {@code e}'s causes, as {@link #primaryMessage} words it. */
    static String databaseMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return primaryMessage(sql);
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The database's message alone: PostgreSQL's primary message (no statement, position or context), else the first
     * line.
     */
    private static String primaryMessage(SQLException e) {
        if (e instanceof PSQLException pg
                && pg.getServerErrorMessage() != null
                && pg.getServerErrorMessage().getMessage() != null) {
            return pg.getServerErrorMessage().getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return LedgerLocation.mask(message.lines().findFirst().orElse(message));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? d.toSeconds() + " s"
                : BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
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
