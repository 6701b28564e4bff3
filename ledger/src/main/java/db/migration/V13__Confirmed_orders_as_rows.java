package db.migration;

import io.chanops.ledger.time.LocalTimes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code confirmed_order} (V12) from what a ledger held before: the {@code confirmed_chunk} blobs written from V8
 * on, and the rows of the row-per-order era that V8 set aside as {@code confirmed_order_v3}; then drops both tables and
 * counts the confirmed sales by kind into {@code confirmed_sale_count}.
 *
 * <p>Chunk times were local seconds; they become {@code YYYY-MM-DD HH:MM:SS} text, and an absent BOSS time NULL. Rows
 * of the V3 era get the same text from theirs (a bare date is its midnight, as the commission report read it; an
 * empty BOSS time is NULL). Should a run hold an order twice, its first row is kept, as the chunk reader took it.
 */
public class V13__Confirmed_orders_as_rows extends BaseJavaMigration {
    private static final String INSERT =
            "INSERT INTO confirmed_order (run_id, order_id, created_at, created_month, channel, "
                    + "site_id, msisdn, sku, qty, amount_fen, boss_net_fen, boss_accepted_at, platform_status, "
                    + "boss_live, matched_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO "
                    + "NOTHING";
    private static final int BATCH = 2_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            Rows rows = new Rows(insert);
            if (exists(c, "confirmed_chunk")) {
                fromChunks(c, rows);
            }
            if (exists(c, "confirmed_order_v3")) {
                fromV3Rows(c, rows);
            }
            rows.flush();
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS confirmed_chunk");
            st.execute("DROP TABLE IF EXISTS confirmed_order_v3");
            st.execute(
                    "INSERT INTO confirmed_sale_count (created_month, site_id, sku, order_date, boss_net_fen, orders, "
                            + "units) SELECT created_month, site_id, sku, substr(created_at, 1, 10), boss_net_fen, "
                            + "COUNT(*), SUM(qty) FROM confirmed_sale GROUP BY created_month, site_id, sku, "
                            + "substr(created_at, 1, 10), boss_net_fen");
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static void fromChunks(Connection c, Rows rows) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT run_id, chunk_no, row_count, payload FROM confirmed_chunk ORDER BY run_id, chunk_no")) {
            while (rs.next()) {
                long runId = rs.getLong(1);
                Chunk.decode(rs.getBytes(4), runId, rs.getLong(2), rs.getInt(3)).store(runId, rows);
            }
        }
    }

    private static void fromV3Rows(Connection c, Rows rows) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, amount_fen, "
                                + "boss_net_fen, boss_accepted_at, platform_status, boss_live, matched_by FROM "
                                + "confirmed_order_v3 ORDER BY run_id, created_at, order_id")) {
            while (rs.next()) {
                long runId = rs.getLong("run_id");
                String orderId = rs.getString("order_id");
                String accepted = rs.getString("boss_accepted_at");
                rows.add(
                        runId,
                        orderId,
                        normalised(rs.getString("created_at"), runId, orderId),
                        rs.getString("channel"),
                        rs.getString("site_id"),
                        rs.getString("msisdn"),
                        rs.getString("sku"),
                        rs.getLong("qty"),
                        rs.getLong("amount_fen"),
                        rs.getLong("boss_net_fen"),
                        accepted == null || accepted.isBlank() ? null : normalised(accepted, runId, orderId),
                        rs.getString("platform_status"),
                        rs.getInt("boss_live") != 0,
                        rs.getString("matched_by"));
            }
        }
    }

    private static String normalised(String text, long runId, String orderId) {
        LocalDateTime t = LocalTimes.parseDateTimeOrDate(text)
                .orElseThrow(() -> new IllegalStateException("confirmed_order of run " + runId + ", order " + orderId
                        + ": unreadable date-time '" + text + "'; correct it and migrate again"));
        return LocalTimes.format(t);
    }

    /** Batched inserts into the new table. */
    private static final class Rows {
        private final PreparedStatement insert;
        private int pending;

        Rows(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(
                long runId,
                String orderId,
                String createdAt,
                String channel,
                String siteId,
                String msisdn,
                String sku,
                long qty,
                long amountFen,
                long bossNetFen,
                String bossAcceptedAt,
                String platformStatus,
                boolean bossLive,
                String matchedBy)
                throws SQLException {
            insert.setLong(1, runId);
            insert.setString(2, orderId);
            insert.setString(3, createdAt);
            insert.setString(4, createdAt.substring(0, 7));
            setText(5, channel);
            setText(6, siteId);
            setText(7, msisdn);
            setText(8, sku);
            insert.setLong(9, qty);
            insert.setLong(10, amountFen);
            insert.setLong(11, bossNetFen);
            setText(12, bossAcceptedAt);
            insert.setString(13, platformStatus);
            insert.setInt(14, bossLive ? 1 : 0);
            insert.setString(15, matchedBy);
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        private void setText(int index, String value) throws SQLException {
            if (value == null) {
                insert.setNull(index, Types.VARCHAR);
            } else {
                insert.setString(index, value);
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    /**
     * Decoder of the retired chunk payload, version 1, as the former {@code io.chanops.ledger.confirmed.ConfirmedChunk}
     * wrote it. Integers are LEB128 varints, signed ones zigzag-coded ({@code (v << 1) ^ (v >> 63)}); strings UTF-8.
     * <pre>
     * byte version = 1; byte flags (bit 0: body raw-deflated, then varint body length before deflate)
     * body: varint rows
     *       5 dictionaries (channel, site_id, sku, platform_status, matched_by): varint entries, each varint length + 1
     *         (0 = NULL) and the bytes
     *       21 columns, each varint byte length + bytes:
     *         order_id, msisdn: 4 columns each (a text column, below)
     *         created_at: zigzag local seconds, each row minus the row before (the first minus 0)
     *         boss_accepted_at: zigzag (accepted - created_at), only for rows whose flag bit 1 is clear
     *         qty, amount_fen: zigzag; boss_net_fen: zigzag (net - amount_fen)
     *         5 dictionary codes (varint index per row); flags: a byte per row, bit 0 boss_live, bit 1 no BOSS time
     * text column: head codes (varint per row: 0 NULL, 1 the previous row's head, n + 2 a new head of n bytes), head
     *   bytes, digit counts (varint per present row: trailing digits, leading zeros included), numbers (zigzag delta
     *   from the previous row with digits)
     * </pre>
     * A payload that does not add up fails the migration naming its run and chunk; the ledger stays as it was.
     */
    static final class Chunk {
        private static final int DICTIONARIES = 5;
        private static final int MAX_DIGITS = 18;
        private static final int MAX_ROWS = 1 << 20;
        private static final int FLAG_LIVE = 1;
        private static final int FLAG_NO_ACCEPTED = 2;

        private final int rows;
        private final String[][] dictionaries = new String[DICTIONARIES][];
        private final int[][] codes = new int[DICTIONARIES][];
        private String[] orderIds;
        private String[] msisdns;
        private long[] createdAt;
        private long[] acceptedAt;
        private long[] qty;
        private long[] amountFen;
        private long[] bossNetFen;
        private byte[] flags;

        private Chunk(int rows) {
            this.rows = rows;
        }

        static Chunk decode(byte[] payload, long runId, long chunkNo, int expectedRows) {
            String where = "confirmed_chunk of run " + runId + ", chunk " + chunkNo;
            try {
                if (payload == null || payload.length < 2 || payload[0] != 1) {
                    throw new IllegalArgumentException("not a version 1 payload");
                }
                Input in;
                if (payload[1] == 1) {
                    Input header = new Input(payload, 2, payload.length);
                    byte[] body = new byte[header.count(Integer.MAX_VALUE - 16)];
                    Inflater inflater = new Inflater(true);
                    try {
                        inflater.setInput(payload, header.pos, payload.length - header.pos);
                        int n = 0;
                        while (n < body.length) {
                            int got = inflater.inflate(body, n, body.length - n);
                            if (got == 0
                                    && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                                break;
                            }
                            n += got;
                        }
                        if (n != body.length) {
                            throw new IllegalArgumentException(
                                    "deflated body ends after " + n + " of " + body.length + " bytes");
                        }
                    } finally {
                        inflater.end();
                    }
                    in = new Input(body, 0, body.length);
                } else if (payload[1] == 0) {
                    in = new Input(payload, 2, payload.length);
                } else {
                    throw new IllegalArgumentException("unknown flags " + payload[1]);
                }
                Chunk chunk = body(in);
                if (chunk.rows != expectedRows) {
                    throw new IllegalArgumentException(
                            chunk.rows + " rows where the chunk's row_count says " + expectedRows);
                }
                return chunk;
            } catch (IllegalArgumentException
                    | DataFormatException
                    | IndexOutOfBoundsException
                    | NegativeArraySizeException e) {
                throw new IllegalStateException(
                        where + " is damaged (" + e.getMessage() + "); nothing was migrated", e);
            }
        }

        private static Chunk body(Input in) {
            Chunk c = new Chunk(in.count(MAX_ROWS));
            for (int d = 0; d < DICTIONARIES; d++) {
                String[] dict = new String[in.count(c.rows)];
                for (int i = 0; i < dict.length; i++) {
                    long len = in.varint();
                    if (len != 0) {
                        dict[i] = in.text(len - 1);
                    }
                }
                c.dictionaries[d] = dict;
            }
            c.orderIds = texts(in, c.rows);
            c.msisdns = texts(in, c.rows);
            Input created = in.column();
            c.createdAt = new long[c.rows];
            long t = 0;
            for (int i = 0; i < c.rows; i++) {
                t += created.zigzag();
                c.createdAt[i] = t;
            }
            created.end();
            Input accepted = in.column();
            c.qty = longs(in.column(), c.rows);
            c.amountFen = longs(in.column(), c.rows);
            c.bossNetFen = longs(in.column(), c.rows);
            for (int i = 0; i < c.rows; i++) {
                c.bossNetFen[i] += c.amountFen[i];
            }
            for (int d = 0; d < DICTIONARIES; d++) {
                Input col = in.column();
                int[] code = new int[c.rows];
                for (int i = 0; i < c.rows; i++) {
                    code[i] = col.count(c.dictionaries[d].length - 1);
                }
                col.end();
                c.codes[d] = code;
            }
            Input f = in.column();
            if (f.limit - f.pos != c.rows) {
                throw new IllegalArgumentException(
                        "flags column of " + (f.limit - f.pos) + " bytes for " + c.rows + " rows");
            }
            c.flags = Arrays.copyOfRange(f.bytes, f.pos, f.limit);
            c.acceptedAt = new long[c.rows];
            for (int i = 0; i < c.rows; i++) {
                if ((c.flags[i] & FLAG_NO_ACCEPTED) == 0) {
                    c.acceptedAt[i] = c.createdAt[i] + accepted.zigzag();
                }
            }
            accepted.end();
            if (in.pos != in.limit) {
                throw new IllegalArgumentException((in.limit - in.pos) + " bytes after the last column");
            }
            return c;
        }

        private static String[] texts(Input in, int rows) {
            Input codes = in.column();
            Input heads = in.column();
            Input counts = in.column();
            Input numbers = in.column();
            String[] out = new String[rows];
            String head = "";
            long number = 0;
            for (int i = 0; i < rows; i++) {
                long code = codes.varint();
                if (code == 0) {
                    continue;
                }
                if (code > 1) {
                    head = heads.text(code - 2);
                }
                int digits = counts.count(MAX_DIGITS);
                if (digits == 0) {
                    out[i] = head;
                    continue;
                }
                number += numbers.zigzag();
                String tail = Long.toString(number);
                if (number < 0 || tail.length() > digits) {
                    throw new IllegalArgumentException(
                            "a number of " + tail.length() + " digits where " + digits + " were kept");
                }
                out[i] = head + "0".repeat(digits - tail.length()) + tail;
            }
            codes.end();
            heads.end();
            counts.end();
            numbers.end();
            return out;
        }

        private static long[] longs(Input col, int rows) {
            long[] values = new long[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = col.zigzag();
            }
            col.end();
            return values;
        }

        void store(long runId, Rows out) throws SQLException {
            for (int i = 0; i < rows; i++) {
                String created = text(createdAt[i]);
                out.add(
                        runId,
                        orderIds[i],
                        created,
                        dictionaries[0][codes[0][i]],
                        dictionaries[1][codes[1][i]],
                        msisdns[i],
                        dictionaries[2][codes[2][i]],
                        qty[i],
                        amountFen[i],
                        bossNetFen[i],
                        (flags[i] & FLAG_NO_ACCEPTED) != 0 ? null : text(acceptedAt[i]),
                        dictionaries[3][codes[3][i]],
                        (flags[i] & FLAG_LIVE) != 0,
                        dictionaries[4][codes[4][i]]);
            }
        }

        private static String text(long localSeconds) {
            return LocalTimes.format(LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC));
        }
    }

    /** A bounds-checked reader over part of a byte array. */
    private static final class Input {
        final byte[] bytes;
        int pos;
        final int limit;

        Input(byte[] bytes, int pos, int limit) {
            this.bytes = bytes;
            this.pos = pos;
            this.limit = limit;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= limit) {
                    throw new IllegalArgumentException("a number runs past the end of its section");
                }
                byte b = bytes[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("a number longer than 10 bytes");
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        /** A varint in 0..max. */
        int count(int max) {
            long v = varint();
            if (v < 0 || v > max) {
                throw new IllegalArgumentException("value " + v + " out of range 0.." + max);
            }
            return (int) v;
        }

        String text(long length) {
            if (length < 0 || length > limit - pos) {
                throw new IllegalArgumentException("a text of " + length + " bytes runs past the end");
            }
            String s = new String(bytes, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return s;
        }

        /** The next length-prefixed column, as its own reader. */
        Input column() {
            long n = varint();
            if (n < 0 || n > limit - pos) {
                throw new IllegalArgumentException("a column of " + n + " bytes runs past the end");
            }
            Input col = new Input(bytes, pos, pos + (int) n);
            pos += (int) n;
            return col;
        }

        void end() {
            if (pos != limit) {
                throw new IllegalArgumentException("a column has " + (limit - pos) + " bytes left over");
            }
        }
    }
}
