package io.chanops.replenish.stock;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.DeferredIndexes;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The stock import's bulk insert of moves, behind {@link StockRepository}: multi-row INSERTs bound through the JDBC
 * statement of the transaction's handle. Its differential test ({@code MoveImportTest}) checks it stores exactly what
 * plain parameters store.
 */
final class MoveInsert {
    private MoveInsert() {}

    /**
     * Rows per INSERT statement: multi-row VALUES cut the per-statement cost of SQLite's JDBC driver.
     */
    private static final int ROWS_PER_STATEMENT = 64;

    private static final String INSERT =
            "INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) VALUES ";

    /**
     * Inserts the moves in writing order with consecutive ids from {@code firstId}: within a position id order is then
     * time order, and the inserts append to the position-clustered table instead of scattering over it. This is the
     * one hot path that binds through the JDBC statement of the JDBI handle (same connection, same transaction, bound
     * parameters): JDBI's PreparedBatch costs more per row, which matters at a million rows. On SQLite the
     * kind's CHECK is off for the insert ({@link #checkConstraints}) and the values are bound as {@link
     * SqliteRowBinder} says.
     */
    static void insert(Handle h, Ledger.Dialect dialect, Moves moves, int[] rows, long firstId, long batchId) {
        insert(h, dialect == Ledger.Dialect.SQLITE ? Way.SQLITE : Way.COPY, moves, rows, firstId, batchId);
    }

    /** How the moves are written: each way stores the same rows (the differential tests' subject). */
    enum Way {
        /** SQLite: multi-row INSERTs with numbered parameters and text bound as bytes. */
        SQLITE,
        /** Any database: multi-row INSERTs of eight plain parameters a row. */
        PLAIN,
        /**
         * PostgreSQL: one {@code COPY ... FROM STDIN} in text format, streamed through pgjdbc's CopyManager; from
         * {@value CopyRows#FROM_ROWS} moves with the references checked by key ({@link MoveCopy#copyCheckingKeys}); a
         * load larger than the table builds the table's indexes after it ({@link DeferredIndexes}).
         */
        COPY
    }

    static void insert(Handle h, Way way, Moves moves, int[] rows, long firstId, long batchId) {
        boolean numbered = way == Way.SQLITE;
        Connection c = h.getConnection();
        try {
            if (numbered) {
                checkConstraints(c, false);
            }
            if (way == Way.COPY) {
                DeferredIndexes.Load<SQLException> copy = rows.length >= CopyRows.FROM_ROWS
                        ? () -> MoveCopy.copyCheckingKeys(h, moves, rows, firstId, batchId)
                        : () -> MoveCopy.copy(c, moves, rows, firstId, batchId);
                new DeferredIndexes(h, "stock_move").load(rows.length, copy);
            } else {
                insertRows(c, numbered, moves, rows, firstId, batchId);
            }
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
        try (Statement s = c.createStatement()) {
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
        void bind(PreparedStatement ps, int[] rows, int from, int count, long firstId, long batchId)
                throws SQLException;
    }

    /** Eight parameters a row, as {@link #insertSql} writes them when not numbered (PostgreSQL). */
    private record PortableRowBinder(Moves moves) implements RowBinder {
        @Override
        public void bind(PreparedStatement ps, int[] rows, int from, int count, long firstId, long batchId)
                throws SQLException {
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
                .map(k -> k.toString().getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);

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
        public void bind(PreparedStatement ps, int[] rows, int from, int count, long firstId, long batchId)
                throws SQLException {
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
