package io.chanops.replenish.stock;

import io.chanops.ledger.Futures;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.master.PositionChecks;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Imports {@code moves.csv}: every row is validated first (known site, stocked SKU, kind, quantity rules, duplicate
 * documents), then moves and the on-hand levels they change are written in one transaction.
 */
public final class MoveImport {
    public static final String KIND = "moves";
    public static final List<String> COLUMNS = List.of("at", "site_id", "sku", "kind", "qty", "ref");
    static final List<String> REQUIRED = List.of("at", "site_id", "sku", "kind", "qty");
    private static final boolean TRACE = System.getenv("CHANOPS_TRACE") != null;
    /** The batch's digest until the file's is known, later in the same transaction (never a SHA-256 in hex). */
    private static final String PENDING_DIGEST = "pending";

    /** What an import did; {@code after} is whatever the caller's follow-up step returned (e.g. new alerts). */
    public record Result<T>(long batchId, int rows, int positions, T after) {
    }

    /** A step run for the touched positions inside the import's transaction (the emergency check, for one). */
    @FunctionalInterface
    public interface AfterMoves<T> {
        T apply(Handle h, Set<Position> touched);
    }

    private MoveImport() {
    }

    public static <T> Result<T> importFile(Ledger ledger, Path file, Charset charset, boolean force, LocalDateTime now,
                                           Consumer<String> warn, LongConsumer progress, AfterMoves<T> after) {
        Phases phases = new Phases();
        Moves moves = validate(ledger, file, charset, warn, progress);
        phases.end("read");
        Moves.Order order = moves.sortIntoWritingOrder();
        phases.end("sort");
        Result<T> result = ledger.writeBulk(h -> {
            // The file's digest and the new levels are computed on the other core while this one inserts (it is idle
            // then; while reading it reads the other half). A file imported before is therefore refused after the
            // insert, before the commit: the transaction is rolled back, and the refusal takes longer, nothing else.
            CompletableFuture<String> digest = onTheOtherCore("file-digest", () -> FileDigest.sha256(file));
            long batch = ImportBatches.record(h, KIND, file, PENDING_DIGEST, moves.size(), moves.size(), now, force);
            long firstId = Ids.reserve(h, Ids.STOCK_MOVE, moves.size());
            StockLevels.Update levels = StockLevels.prepare(h, moves, order, firstId);
            CompletableFuture<StockLevels.Update> folded = onTheOtherCore("stock-levels", levels::fold);
            phases.end("begin");
            insert(h, ledger.dialect(), moves, order.rows(), firstId, batch);
            checkReferences(h, moves, file);
            phases.end("insert");
            String sha = Futures.join(digest);
            ImportBatches.refuseRepeat(h, KIND, file, sha, force);
            ImportBatches.setDigest(h, batch, sha);
            phases.end("digest");
            Set<Position> touched = Futures.join(folded).write(h);
            phases.end("levels");
            T afterResult = after == null ? null : after.apply(h, touched);
            phases.end("after");
            return new Result<>(batch, moves.size(), touched.size(), afterResult);
        });
        phases.end("commit");
        phases.print();
        return result;
    }

    /** With CHANOPS_TRACE set: wall and CPU time (of this thread) of each phase, printed to stderr. */
    private static final class Phases {
        private final java.lang.management.ThreadMXBean cpu = TRACE ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
        private final StringBuilder text = new StringBuilder("stock import phases (wall/cpu ms): JVM up "
                + (TRACE ? java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() : 0) + " ms before;");
        private long wall = System.nanoTime();
        private long cpuNanos = TRACE ? cpu.getCurrentThreadCpuTime() : 0;

        void end(String phase) {
            if (TRACE) {
                long w = System.nanoTime();
                long c = cpu.getCurrentThreadCpuTime();
                text.append(' ').append(phase).append(' ').append((w - wall) / 1_000_000).append('/').append((c - cpuNanos) / 1_000_000);
                wall = w;
                cpuNanos = c;
            }
        }

        void print() {
            if (TRACE) {
                System.err.println(text);
            }
        }
    }

    /** Runs {@code work} on a thread of its own (the common pool may have a single thread on two cores). */
    private static <R> CompletableFuture<R> onTheOtherCore(String name, java.util.function.Supplier<R> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Reads and validates the whole file against the ledger's sites and products, writing nothing (also what
     * {@code stock import --dry-run} does); any problem rejects it with every problem listed.
     */
    public static Moves validate(Ledger ledger, Path file, Charset charset, Consumer<String> warn, LongConsumer progress) {
        record MasterData(Set<String> sites, Map<String, ProductType> products) {
        }
        MasterData master = ledger.read(h -> new MasterData(PositionChecks.sites(h), PositionChecks.products(h)));
        return read(file, charset, master.sites(), master.products(), warn, progress);
    }

    /** Reads and validates the whole file; any problem rejects it with every problem listed. */
    public static Moves read(Path file, Charset charset, Set<String> sites, Map<String, ProductType> products,
                             Consumer<String> warn, LongConsumer progress) {
        return MoveReader.read(file, charset, sites, products, warn, progress);
    }

    /**
     * What the foreign keys of stock_move would check row by row (writeBulk turns them off on SQLite), checked once
     * per distinct site and SKU inside the write transaction: the master data could have changed since the file was
     * validated against it. The batch is the one this transaction recorded.
     */
    static void checkReferences(Handle h, Moves moves, Path file) {
        Set<String> sites = PositionChecks.sites(h);
        Set<String> skus = PositionChecks.products(h).keySet();
        for (int p = 0; p < moves.positionCount(); p++) {
            Position position = moves.position(p);
            if (!sites.contains(position.siteId()) || !skus.contains(position.sku())) {
                throw io.chanops.ledger.InputRejectedException.of(io.chanops.ledger.Problem.ofFile(file.toString(),
                        "site '" + position.siteId() + "' or SKU '" + position.sku()
                                + "' was removed from the ledger while the file was read; nothing was imported"));
            }
        }
    }

    /**
     * Rows per INSERT statement: multi-row VALUES cut the per-statement cost of SQLite's JDBC driver.
     */
    private static final int ROWS_PER_STATEMENT = 64;
    private static final String INSERT = "INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) VALUES ";

    /**
     * Inserts the moves in writing order with consecutive ids from {@code firstId}: within a position id order is then
     * time order, and the inserts append to the position-clustered table instead of scattering over it. This is the
     * one hot path that binds through the JDBC statement of the JDBI handle (same connection, same transaction, bound
     * parameters): JDBI's PreparedBatch costs more per row, which matters at a million rows. On SQLite the
     * kind's CHECK is off for the insert ({@link #checkConstraints}) and the values are bound as {@link SqliteRowBinder}
     * says.
     */
    static void insert(Handle h, Ledger.Dialect dialect, Moves moves, int[] rows, long firstId, long batchId) {
        boolean numbered = dialect == Ledger.Dialect.SQLITE;
        Connection c = h.getConnection();
        try {
            if (numbered) {
                checkConstraints(c, false);
            }
            insertRows(c, numbered, moves, rows, firstId, batchId);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } finally {
            if (numbered) {
                try {
                    checkConstraints(c, true);
                } catch (SQLException e) {
                    // a failed insert's own exception is the one to report; the connection is closed after the import
                }
            }
        }
    }

    /**
     * SQLite's CHECK constraints on or off for statements prepared from now on, on this connection. The moves' only one
     * is stock_move's kind list, and a move's kind is one of the {@link MoveKind}s by construction; SQLite evaluating
     * that IN list for every row is a large part of its own insert work. NOT NULL is still enforced. Unlike the
     * foreign keys, this pragma works inside the transaction.
     */
    private static void checkConstraints(Connection c, boolean on) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA ignore_check_constraints = " + (on ? "OFF" : "ON"));
        }
    }

    private static void insertRows(Connection c, boolean numbered, Moves moves, int[] rows, long firstId, long batchId)
            throws SQLException {
        RowBinder binder = numbered ? new SqliteRowBinder(moves) : new PortableRowBinder(moves);
        int n = rows.length;
        try (PreparedStatement full = c.prepareStatement(insertSql(ROWS_PER_STATEMENT, numbered))) {
            int i = 0;
            for (; i + ROWS_PER_STATEMENT <= n; i += ROWS_PER_STATEMENT) {
                binder.bind(full, rows, i, ROWS_PER_STATEMENT, firstId, batchId);
                full.executeUpdate();
            }
            if (i < n) {
                try (PreparedStatement rest = c.prepareStatement(insertSql(n - i, numbered))) {
                    binder.bind(rest, rows, i, n - i, firstId, batchId);
                    rest.executeUpdate();
                }
            }
        }
    }

    /**
     * The multi-row INSERT of {@code count} moves. On SQLite the first id and the batch are numbered parameters bound
     * once ({@code ?1 + n}, {@code ?2}), and the text columns are bound as UTF-8 blobs and cast back to text (see
     * {@link SqliteRowBinder}); elsewhere, eight plain parameters a row.
     */
    static String insertSql(int count, boolean numbered) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int r = 0; r < count; r++) {
            if (r > 0) {
                sql.append(", ");
            }
            if (numbered) {
                int p = 3 + 6 * r;
                sql.append("(?1 + ").append(r);
                for (int text = 0; text < 4; text++) {
                    sql.append(", CAST(?").append(p + text).append(" AS TEXT)");
                }
                sql.append(", ?").append(p + 4).append(", CAST(?").append(p + 5).append(" AS TEXT), ?2)");
            } else {
                sql.append("(?, ?, ?, ?, ?, ?, ?, ?)");
            }
        }
        return sql.toString();
    }

    /** Binds {@code count} rows from {@code rows[from]}; the row at index i of {@code rows} gets id firstId + i. */
    private interface RowBinder {
        void bind(PreparedStatement ps, int[] rows, int from, int count, long firstId, long batchId) throws SQLException;
    }

    /** Eight parameters a row, as {@link #insertSql} writes them when not numbered (PostgreSQL). */
    private record PortableRowBinder(Moves moves) implements RowBinder {
        @Override
        public void bind(PreparedStatement ps, int[] rows, int from, int count, long firstId, long batchId) throws SQLException {
            int p = 1;
            for (int i = from; i < from + count; i++) {
                int row = rows[i];
                Position position = moves.positionOf(row);
                ps.setLong(p++, firstId + i);
                ps.setString(p++, Moves.atText(moves.at(row)));
                ps.setString(p++, position.siteId());
                ps.setString(p++, position.sku());
                ps.setString(p++, moves.kind(row).toString());
                ps.setLong(p++, moves.qty(row));
                ps.setString(p++, moves.ref(row));
                ps.setLong(p++, batchId);
            }
        }
    }

    /**
     * SQLite: the first id and the batch once per statement (numbered parameters, a row's id computed as ?1 + n), then
     * six values a row. Every value bound is a call through JNI, hence six per row rather
     * than eight. The time, site, SKU, kind and ref go as UTF-8 bytes that SQLite casts back to text: sqlite-jdbc
     * encodes every String it binds into a new byte array, while these bytes are made once per position and kind, the
     * times are written into arrays reused from one statement to the next (the driver copies a value when the
     * statement runs), and the refs are copied out of the bytes they were read into.
     */
    private static final class SqliteRowBinder implements RowBinder {
        private final Moves moves;
        private final byte[][] siteBytes;
        private final byte[][] skuBytes;
        private final byte[][] atBytes = new byte[ROWS_PER_STATEMENT][Moves.AT_TEXT_LENGTH];
        private static final byte[][] KIND_BYTES = Arrays.stream(MoveKind.values())
                .map(k -> k.toString().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

        SqliteRowBinder(Moves moves) {
            this.moves = moves;
            siteBytes = new byte[moves.positionCount()][];
            skuBytes = new byte[moves.positionCount()][];
            Map<String, byte[]> utf8 = new HashMap<>();
            for (int p = 0; p < moves.positionCount(); p++) {
                Position position = moves.position(p);
                siteBytes[p] = utf8.computeIfAbsent(position.siteId(), t -> t.getBytes(StandardCharsets.UTF_8));
                skuBytes[p] = utf8.computeIfAbsent(position.sku(), t -> t.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void bind(PreparedStatement ps, int[] rows, int from, int count, long firstId, long batchId) throws SQLException {
            ps.setLong(1, firstId + from);
            ps.setLong(2, batchId);
            int p = 3;
            for (int i = 0; i < count; i++) {
                int row = rows[from + i];
                int position = moves.positionNumber(row);
                ps.setBytes(p++, Moves.atBytes(moves.at(row), atBytes[i]));
                ps.setBytes(p++, siteBytes[position]);
                ps.setBytes(p++, skuBytes[position]);
                ps.setBytes(p++, KIND_BYTES[moves.kind(row).ordinal()]);
                ps.setLong(p++, moves.qty(row));
                ps.setBytes(p++, moves.refUtf8(row));
            }
        }
    }
}
