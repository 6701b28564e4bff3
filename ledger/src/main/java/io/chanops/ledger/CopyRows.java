package io.chanops.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY table (columns) FROM STDIN} in text format, gathered as bytes and sent as one COPY
 * per {@code chunk} bytes on the transaction's connection: a row costs the server no statement, no parameters and no
 * SQL parsing. Between two chunks the connection is free for other statements (a writer that looks rows up while it
 * adds them can use it then). Values are written in column order with {@link #text}, {@link #number} and
 * {@link #nul}; {@link #endRow} ends a row; {@link #flush} sends what is gathered. Use from one thread.
 */
public final class CopyRows {
    private final Connection connection;
    private final String copy;
    private byte[] buf;
    private int n;
    private boolean rowStart = true;
    private long rows;

    /** Rows from which a COPY (with its staging table, where one is used) costs less than batched statements. */
    public static final int FROM_ROWS = 1_000;

    /** Whether {@code rows} rows are written by COPY on {@code h}: on PostgreSQL, from {@link #FROM_ROWS} rows. */
    public static boolean pays(Handle h, int rows) {
        return rows >= FROM_ROWS && Ledger.Dialect.isPostgresql(h);
    }

    /** {@code copySql}: the {@code COPY ... FROM STDIN (FORMAT text)} statement; {@code chunk}: bytes per COPY. */
    public CopyRows(Connection connection, String copySql, int chunk) {
        this.connection = connection;
        this.copy = copySql;
        this.buf = new byte[chunk];
    }

    /** Rows ended so far (sent or not). */
    public long rows() {
        return rows;
    }

    /** A text value; null is SQL NULL. */
    public CopyRows text(String value) throws SQLException {
        return value == null ? nul() : bytes(escape(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A whole number. */
    public CopyRows number(long value) throws SQLException {
        return bytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** SQL NULL. */
    public CopyRows nul() throws SQLException {
        return bytes(NULL);
    }

    /** Ends the current row; sends the gathered rows when the chunk is full. */
    public CopyRows endRow() throws SQLException {
        put((byte) '\n');
        rowStart = true;
        rows++;
        if (n >= buf.length - 256) {
            flush();
        }
        return this;
    }

    /** Sends the complete rows gathered so far as one COPY (nothing when there are none). */
    public void flush() throws SQLException {
        if (n == 0) {
            return;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            in.writeToCopy(buf, 0, n);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        n = 0;
    }

    private static final byte[] NULL = {'\\', 'N'};

    private CopyRows bytes(byte[] b) {
        if (!rowStart) {
            put((byte) '\t');
        }
        rowStart = false;
        ensure(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
        return this;
    }

    private void put(byte b) {
        ensure(1);
        buf[n++] = b;
    }

    /** Grows the buffer for a row longer than what is left of the chunk (sent at the row's end). */
    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }

    /** UTF-8 {@code value} in COPY's text format: backslash, tab, newline and carriage return escaped. */
    public static byte[] escape(byte[] utf8) {
        int special = 0;
        for (byte b : utf8) {
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                special++;
            }
        }
        if (special == 0) {
            return utf8;
        }
        byte[] escaped = new byte[utf8.length + special];
        int j = 0;
        for (byte b : utf8) {
            switch (b) {
                case '\\' -> {
                    escaped[j++] = '\\';
                    escaped[j++] = '\\';
                }
                case '\t' -> {
                    escaped[j++] = '\\';
                    escaped[j++] = 't';
                }
                case '\n' -> {
                    escaped[j++] = '\\';
                    escaped[j++] = 'n';
                }
                case '\r' -> {
                    escaped[j++] = '\\';
                    escaped[j++] = 'r';
                }
                default -> escaped[j++] = b;
            }
        }
        return escaped;
    }
}
