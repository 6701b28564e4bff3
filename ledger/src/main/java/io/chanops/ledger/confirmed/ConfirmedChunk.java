package io.chanops.ledger.confirmed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One chunk of the orders a reconcile run confirmed (table {@code confirmed_chunk}): up to {@link #ROWS} orders stored
 * column by column in one {@code payload} blob, with the metadata readers prune on in plain columns ({@code row_count},
 * {@code min_created_at}, {@code max_created_at} in local seconds, {@code cancelled_rows}, {@code live_rows}). A row per
 * order cost more than the rest of a million-order run together (B-tree, index and 14 bound values per row); a chunk
 * is one bound blob per {@value #ROWS} orders.
 *
 * <h2>Payload format, version 1</h2>
 * Integers are LEB128 varints (7 bits per byte, low group first, high bit = more follows); "zigzag" maps a signed
 * value {@code v} to {@code (v << 1) ^ (v >> 63)} first, so small negatives stay short. Arithmetic on times and
 * amounts wraps (two's complement), so every {@code long} round-trips. Strings are UTF-8. A string may be absent (SQL
 * NULL; only in chunks converted from the old {@code confirmed_order} table).
 * <pre>
 * byte     version = 1
 * byte     flags: bit 0 = body deflated (java.util.zip raw deflate, no zlib header)
 * [varint  body length before deflate, only when deflated]
 * body:
 *   varint rows
 *   5 dictionaries, in this order: channel, site_id, sku, platform_status, matched_by;
 *     each: varint entries, then per entry: varint length + 1 (0 = absent), UTF-8 bytes
 *   21 columns, in this order, each: varint byte length, then its rows' values
 *     order_id   4 columns (a "text column", below)
 *     msisdn     4 columns (a text column)
 *     created_at         zigzag varint: the first row's local seconds, then each row minus the row before
 *     boss_accepted_at   zigzag varint of (accepted - created_at) for rows whose flag bit 1 is clear; nothing otherwise
 *     qty                zigzag varint
 *     amount_fen         zigzag varint
 *     boss_net_fen       zigzag varint of (boss_net_fen - amount_fen): 0, one byte, for almost every order
 *     channel, site_id, sku, platform_status, matched_by   varint index into the chunk's dictionary
 *     flags              one byte per row: bit 0 = boss_live, bit 1 = boss_accepted_at absent
 * text column: a value is split into a head and its trailing digits (at most 18), e.g. "WO" + "000012345",
 * "" + "13800138000", "Ä-7" + "" (no digits):
 *     head codes     varint per row: 0 = absent, 1 = same head as the row before (before the first row: ""),
 *                    n + 2 = a new head of n bytes, which are next in "head bytes"
 *     head bytes     the new heads' UTF-8 bytes, concatenated
 *     digit counts   one varint per present row: the number of trailing digits, leading zeros included
 *     numbers        per row with digits: zigzag varint of (its number - the number of the last row with digits)
 * </pre>
 * Sequential order ids so cost three bytes, a mobile number about six. Deflate then takes 1M orders of the
 * reconcile benchmark from about 24 to about 8 bytes each.
 *
 * Times are "local seconds" (seconds since 1970-01-01 00:00 of the local calendar, no zone), as
 * {@code io.chanops.reconcile.boss.BossDateTime} produces them. A chunk holds one run's orders in the order they were
 * added. Decoding checks every length against the blob and the row count against the metadata: a damaged chunk fails
 * with an {@link IllegalStateException} naming its run and chunk, never with wrong orders.
 *
 * <p>Metadata: {@code cancelled_rows} counts rows with platform_status cancelled or refunded and boss_live = 0 (the
 * evidence of a clawback), {@code live_rows} rows with paid or completed and boss_live = 1 (the orders that earn).
 */
public final class ConfirmedChunk {
    /** Orders per chunk: large enough that the per-statement cost vanishes, small enough to prune by creation time. */
    public static final int ROWS = 16_384;
    /** Trailing digits of an order_id or msisdn stored as a number (10^18 still fits a long). */
    static final int MAX_DIGITS = 18;

    private static final long[] TEN_POW = new long[MAX_DIGITS + 1];

    static {
        TEN_POW[0] = 1;
        for (int i = 1; i <= MAX_DIGITS; i++) {
            TEN_POW[i] = TEN_POW[i - 1] * 10;
        }
    }

    /** The most orders a decoder accepts in one chunk. */
    public static final int MAX_ROWS = 1 << 20;
    /** {@link #acceptedAt} of an order converted from the old table without a BOSS acceptance time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    public static final String TABLE_INSERT =
            "INSERT INTO confirmed_chunk (run_id, chunk_no, row_count, min_created_at, "
                    + "max_created_at, cancelled_rows, live_rows, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final int VERSION = 1;
    static final int DEFLATED = 1;
    static final int FLAG_LIVE = 1;
    static final int FLAG_NO_ACCEPTED = 2;
    private static final int DICTIONARIES = 5;
    private static final int CHANNEL = 0;
    private static final int SITE = 1;
    private static final int SKU = 2;
    private static final int STATUS = 3;
    private static final int MATCHED_BY = 4;

    private final int rows;
    private final String[][] dictionaries;
    private final int[][] codes;
    private final Texts orderIds;
    private final Texts msisdns;
    private final long[] createdAt;
    private final long[] acceptedAt;
    private final long[] qty;
    private final long[] amountFen;
    private final long[] bossNetFen;
    private final byte[] flags;

    private ConfirmedChunk(
            int rows,
            String[][] dictionaries,
            int[][] codes,
            Texts orderIds,
            Texts msisdns,
            long[] createdAt,
            long[] acceptedAt,
            long[] qty,
            long[] amountFen,
            long[] bossNetFen,
            byte[] flags) {
        this.rows = rows;
        this.dictionaries = dictionaries;
        this.codes = codes;
        this.orderIds = orderIds;
        this.msisdns = msisdns;
        this.createdAt = createdAt;
        this.acceptedAt = acceptedAt;
        this.qty = qty;
        this.amountFen = amountFen;
        this.bossNetFen = bossNetFen;
        this.flags = flags;
    }

    public int rows() {
        return rows;
    }

    public String orderId(int row) {
        return orderIds.text(row);
    }

    public String msisdn(int row) {
        return msisdns.text(row);
    }

    public long createdAt(int row) {
        return createdAt[row];
    }

    /** Local seconds of the group's latest BOSS row, or {@link #NO_TIME}. */
    public long acceptedAt(int row) {
        return (flags[row] & FLAG_NO_ACCEPTED) != 0 ? NO_TIME : acceptedAt[row];
    }

    public long qty(int row) {
        return qty[row];
    }

    public long amountFen(int row) {
        return amountFen[row];
    }

    public long bossNetFen(int row) {
        return bossNetFen[row];
    }

    public boolean bossLive(int row) {
        return (flags[row] & FLAG_LIVE) != 0;
    }

    public String channel(int row) {
        return dictionaries[CHANNEL][codes[CHANNEL][row]];
    }

    public String siteId(int row) {
        return dictionaries[SITE][codes[SITE][row]];
    }

    public String sku(int row) {
        return dictionaries[SKU][codes[SKU][row]];
    }

    public String platformStatus(int row) {
        return dictionaries[STATUS][codes[STATUS][row]];
    }

    public String matchedBy(int row) {
        return dictionaries[MATCHED_BY][codes[MATCHED_BY][row]];
    }

    /** Platform cancelled or refunded and BOSS reversed the group: the evidence of a clawback. */
    public boolean cancelled(int row) {
        return !bossLive(row) && isCancelled(platformStatus(row));
    }

    /** Platform paid or completed and the BOSS group live: an order that earns commission. */
    public boolean live(int row) {
        return bossLive(row) && isLive(platformStatus(row));
    }

    static boolean isCancelled(String status) {
        return "cancelled".equals(status) || "refunded".equals(status);
    }

    static boolean isLive(String status) {
        return "paid".equals(status) || "completed".equals(status);
    }

    // ---------------------------------------------------------------------------------------------------- decoding

    /**
     * Decodes {@code payload}; {@code runId} and {@code chunkNo} name the chunk in errors, {@code expectedRows} is the
     * metadata's row count (negative: unchecked).
     *
     * @throws IllegalStateException if the payload is damaged or of an unknown version
     */
    public static ConfirmedChunk decode(byte[] payload, long runId, long chunkNo, int expectedRows) {
        String where = "confirmed_chunk of run " + runId + ", chunk " + chunkNo;
        if (payload == null || payload.length < 2) {
            throw new IllegalStateException(
                    where + " is damaged: payload of " + (payload == null ? 0 : payload.length) + " bytes");
        }
        if (payload[0] != VERSION) {
            throw new IllegalStateException(where + " has payload format version " + (payload[0] & 0xff)
                    + "; this chanops reads version " + VERSION + " (upgrade chanops)");
        }
        try {
            Input in;
            if ((payload[1] & DEFLATED) != 0) {
                Input header = new Input(payload, 2, payload.length);
                long size = header.varint();
                if (size < 0 || size > Integer.MAX_VALUE - 16) {
                    throw new Corrupt("body length " + size);
                }
                byte[] body = new byte[(int) size];
                Inflater inflater = new Inflater(true);
                try {
                    inflater.setInput(payload, header.pos, payload.length - header.pos);
                    int n = 0;
                    while (n < body.length) {
                        int got = inflater.inflate(body, n, body.length - n);
                        if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                            break;
                        }
                        n += got;
                    }
                    if (n != body.length) {
                        throw new Corrupt("deflated body ends after " + n + " of " + body.length + " bytes");
                    }
                } finally {
                    inflater.end();
                }
                in = new Input(body, 0, body.length);
            } else if (payload[1] == 0) {
                in = new Input(payload, 2, payload.length);
            } else {
                throw new Corrupt("unknown flags " + payload[1]);
            }
            ConfirmedChunk chunk = body(in);
            if (expectedRows >= 0 && chunk.rows != expectedRows) {
                throw new Corrupt(chunk.rows + " rows where the chunk's row_count says " + expectedRows);
            }
            return chunk;
        } catch (Corrupt | DataFormatException | ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalStateException(where + " is damaged: " + e.getMessage(), e);
        }
    }

    private static ConfirmedChunk body(Input in) throws Corrupt {
        int rows = in.count(MAX_ROWS);
        String[][] dictionaries = new String[DICTIONARIES][];
        for (int d = 0; d < DICTIONARIES; d++) {
            int entries = in.count(rows);
            String[] dict = new String[entries];
            for (int i = 0; i < entries; i++) {
                long len = in.varint();
                if (len != 0) {
                    int n = in.length(len - 1);
                    dict[i] = new String(in.bytes, in.pos, n, StandardCharsets.UTF_8);
                    in.pos += n;
                }
            }
            dictionaries[d] = dict;
        }
        Texts orderIds = Texts.read(in, rows, "order_id");
        Texts msisdns = Texts.read(in, rows, "msisdn");
        long[] createdAt = new long[rows];
        Input c = in.column();
        long t = 0;
        for (int i = 0; i < rows; i++) {
            t += zigzag(c.varint());
            createdAt[i] = t;
        }
        c.end("created_at");
        Input accepted = in.column();
        long[] qty = longs(in.column(), rows, "qty");
        long[] amountFen = longs(in.column(), rows, "amount_fen");
        long[] bossNetFen = longs(in.column(), rows, "boss_net_fen");
        for (int i = 0; i < rows; i++) {
            bossNetFen[i] += amountFen[i];
        }
        int[][] codes = new int[DICTIONARIES][];
        for (int d = 0; d < DICTIONARIES; d++) {
            Input col = in.column();
            int[] code = new int[rows];
            for (int i = 0; i < rows; i++) {
                code[i] = col.count(dictionaries[d].length - 1);
            }
            col.end("dictionary column " + d);
            codes[d] = code;
        }
        Input f = in.column();
        if (f.limit - f.pos != rows) {
            throw new Corrupt("flags column of " + (f.limit - f.pos) + " bytes for " + rows + " rows");
        }
        byte[] flags = Arrays.copyOfRange(f.bytes, f.pos, f.limit);
        long[] acceptedAt = new long[rows];
        for (int i = 0; i < rows; i++) {
            if ((flags[i] & FLAG_NO_ACCEPTED) == 0) {
                acceptedAt[i] = createdAt[i] + zigzag(accepted.varint());
            }
        }
        accepted.end("boss_accepted_at");
        if (in.pos != in.limit) {
            throw new Corrupt((in.limit - in.pos) + " bytes after the last column");
        }
        return new ConfirmedChunk(
                rows, dictionaries, codes, orderIds, msisdns, createdAt, acceptedAt, qty, amountFen, bossNetFen, flags);
    }

    /**
     * A decoded text column (order_id, msisdn): per row the index of its head in {@code heads} (-1 = absent), and the
     * trailing digits as a count and a value; strings are built only for the rows a reader asks for.
     */
    private static final class Texts {
        final String[] heads;
        final int[] head;
        final byte[] digits;
        final long[] value;

        private Texts(String[] heads, int[] head, byte[] digits, long[] value) {
            this.heads = heads;
            this.head = head;
            this.digits = digits;
            this.value = value;
        }

        String text(int row) {
            int h = head[row];
            if (h < 0) {
                return null;
            }
            int d = digits[row];
            if (d == 0) {
                return heads[h];
            }
            String prefix = heads[h];
            char[] c = new char[prefix.length() + d];
            prefix.getChars(0, prefix.length(), c, 0);
            long v = value[row];
            for (int i = c.length - 1; i >= prefix.length(); i--) {
                c[i] = (char) ('0' + v % 10);
                v /= 10;
            }
            return new String(c);
        }

        static Texts read(Input in, int rows, String column) throws Corrupt {
            Input codes = in.column();
            Input headBytes = in.column();
            Input counts = in.column();
            Input numbers = in.column();
            List<String> heads = new ArrayList<>();
            heads.add("");
            int[] head = new int[rows];
            byte[] digits = new byte[rows];
            long[] value = new long[rows];
            int current = 0;
            long previous = 0;
            for (int i = 0; i < rows; i++) {
                long code = codes.varint();
                if (code == 0) {
                    head[i] = -1;
                    continue;
                }
                if (code > 1) {
                    int n = headBytes.length(code - 2);
                    heads.add(new String(headBytes.bytes, headBytes.pos, n, StandardCharsets.UTF_8));
                    headBytes.pos += n;
                    current = heads.size() - 1;
                }
                head[i] = current;
                int d = counts.count(MAX_DIGITS);
                digits[i] = (byte) d;
                if (d > 0) {
                    previous += zigzag(numbers.varint());
                    if (previous < 0 || previous >= TEN_POW[d]) {
                        throw new Corrupt(
                                column + " of row " + i + ": " + previous + " has more than " + d + " digits");
                    }
                    value[i] = previous;
                }
            }
            codes.end(column + " heads");
            headBytes.end(column + " head bytes");
            counts.end(column + " digit counts");
            numbers.end(column + " numbers");
            return new Texts(heads.toArray(new String[0]), head, digits, value);
        }
    }

    private static long[] longs(Input col, int rows, String column) throws Corrupt {
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = zigzag(col.varint());
        }
        col.end(column);
        return values;
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
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

        long varint() throws Corrupt {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= limit) {
                    throw new Corrupt("a number runs past the end of its section");
                }
                byte b = bytes[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new Corrupt("a number longer than 10 bytes");
        }

        /** A varint in 0..max. */
        int count(int max) throws Corrupt {
            long v = varint();
            if (v < 0 || v > max) {
                throw new Corrupt("value " + v + " out of range 0.." + max);
            }
            return (int) v;
        }

        int length(long n) throws Corrupt {
            if (n < 0 || n > limit - pos) {
                throw new Corrupt("a length of " + n + " runs past the end (" + (limit - pos) + " bytes left)");
            }
            return (int) n;
        }

        /** The next length-prefixed column, as its own reader. */
        Input column() throws Corrupt {
            int n = length(varint());
            Input col = new Input(bytes, pos, pos + n);
            pos += n;
            return col;
        }

        void end(String column) throws Corrupt {
            if (pos != limit) {
                throw new Corrupt(column + " column has " + (limit - pos) + " bytes left over");
            }
        }
    }

    private static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------------------------------------------- encoding

    /** Collects up to {@link #ROWS} orders column by column; {@link #encode} makes the payload. Not thread-safe. */
    public static final class Builder {
        private final boolean deflate;
        private final int capacity;
        private final TextColumn orderIds = new TextColumn();
        private final TextColumn msisdns = new TextColumn();
        private final Output created = new Output(64 * 1024);
        private final Output accepted = new Output(64 * 1024);
        private final Output qty = new Output(32 * 1024);
        private final Output amount = new Output(64 * 1024);
        private final Output net = new Output(32 * 1024);
        private final Dictionary[] dictionaries = new Dictionary[DICTIONARIES];
        private final Output flags = new Output(32 * 1024);
        /** The columns other than the dictionaries' codes and the flags, in the order the payload holds them. */
        private final Output[] columns = {
            orderIds.codes,
            orderIds.heads,
            orderIds.counts,
            orderIds.numbers,
            msisdns.codes,
            msisdns.heads,
            msisdns.counts,
            msisdns.numbers,
            created,
            accepted,
            qty,
            amount,
            net
        };

        private int rows;
        private long previousCreated;
        private long minCreated;
        private long maxCreated;
        private int cancelledRows;
        private int liveRows;

        /** {@code deflate}: compress the body (smaller ledger, more CPU). */
        public Builder(boolean deflate) {
            this(deflate, ROWS);
        }

        /** A chunk of at most {@code capacity} orders (up to {@link #MAX_ROWS}; benchmarks try other sizes). */
        public Builder(boolean deflate, int capacity) {
            if (capacity < 1 || capacity > MAX_ROWS) {
                throw new IllegalArgumentException("chunk capacity " + capacity + " outside 1.." + MAX_ROWS);
            }
            this.deflate = deflate;
            this.capacity = capacity;
            for (int d = 0; d < DICTIONARIES; d++) {
                dictionaries[d] = new Dictionary();
            }
            clear();
        }

        /** Adds one order; strings may be null only for orders converted from the old table. */
        public void add(
                String orderId,
                long createdAt,
                String channel,
                String siteId,
                String msisdn,
                String sku,
                long qtyValue,
                long amountFen,
                long bossNetFen,
                long bossAcceptedAt,
                String platformStatus,
                boolean bossLive,
                String matchedBy) {
            checkRoom();
            orderIds.add(orderId);
            msisdns.add(msisdn);
            addRest(
                    createdAt,
                    channel,
                    siteId,
                    sku,
                    qtyValue,
                    amountFen,
                    bossNetFen,
                    bossAcceptedAt,
                    platformStatus,
                    bossLive,
                    matchedBy);
        }

        /**
         * As {@link #add(String, long, String, String, String, String, long, long, long, long, String, boolean, String)},
         * the order id and msisdn given as their UTF-8 bytes ({@code ids[from..to)}, {@code msisdns[from..to)}): what a
         * reconciliation holds, so that a million confirmed orders make no Strings (the same chunk, byte for byte).
         */
        public void add(
                byte[] ids,
                int idFrom,
                int idTo,
                long createdAt,
                String channel,
                String siteId,
                byte[] phones,
                int phoneFrom,
                int phoneTo,
                String sku,
                long qtyValue,
                long amountFen,
                long bossNetFen,
                long bossAcceptedAt,
                String platformStatus,
                boolean bossLive,
                String matchedBy) {
            checkRoom();
            orderIds.add(ids, idFrom, idTo);
            msisdns.add(phones, phoneFrom, phoneTo);
            addRest(
                    createdAt,
                    channel,
                    siteId,
                    sku,
                    qtyValue,
                    amountFen,
                    bossNetFen,
                    bossAcceptedAt,
                    platformStatus,
                    bossLive,
                    matchedBy);
        }

        private void checkRoom() {
            if (rows == capacity) {
                throw new IllegalStateException("this chunk holds at most " + capacity + " orders");
            }
        }

        private void addRest(
                long createdAt,
                String channel,
                String siteId,
                String sku,
                long qtyValue,
                long amountFen,
                long bossNetFen,
                long bossAcceptedAt,
                String platformStatus,
                boolean bossLive,
                String matchedBy) {
            created.zigzag(createdAt - previousCreated);
            previousCreated = createdAt;
            minCreated = Math.min(minCreated, createdAt);
            maxCreated = Math.max(maxCreated, createdAt);
            int flag = bossLive ? FLAG_LIVE : 0;
            if (bossAcceptedAt == NO_TIME) {
                flag |= FLAG_NO_ACCEPTED;
            } else {
                accepted.zigzag(bossAcceptedAt - createdAt);
            }
            qty.zigzag(qtyValue);
            amount.zigzag(amountFen);
            net.zigzag(bossNetFen - amountFen);
            dictionaries[CHANNEL].add(channel);
            dictionaries[SITE].add(siteId);
            dictionaries[SKU].add(sku);
            int status = dictionaries[STATUS].add(platformStatus);
            dictionaries[MATCHED_BY].add(matchedBy);
            flags.write(flag);
            if (bossLive ? dictionaries[STATUS].live(status) : dictionaries[STATUS].cancelled(status)) {
                if (bossLive) {
                    liveRows++;
                } else {
                    cancelledRows++;
                }
            }
            rows++;
        }

        public int rows() {
            return rows;
        }

        public boolean full() {
            return rows == capacity;
        }

        public long minCreatedAt() {
            return minCreated;
        }

        public long maxCreatedAt() {
            return maxCreated;
        }

        public int cancelledRows() {
            return cancelledRows;
        }

        public int liveRows() {
            return liveRows;
        }

        /** The payload of the orders added since the last {@link #clear}. */
        public byte[] encode() {
            Output body = new Output(size() + 64);
            body.varint(rows);
            for (Dictionary d : dictionaries) {
                body.varint(d.entries.size());
                for (byte[] e : d.entries) {
                    if (e == null) {
                        body.varint(0);
                    } else {
                        body.varint(e.length + 1L);
                        body.write(e, 0, e.length);
                    }
                }
            }
            for (Output col : columns) {
                body.column(col);
            }
            for (Dictionary d : dictionaries) {
                body.column(d.codes);
            }
            body.column(flags);
            if (!deflate) {
                byte[] out = new byte[body.size + 2];
                out[0] = VERSION;
                System.arraycopy(body.bytes, 0, out, 2, body.size);
                return out;
            }
            Output out = new Output(body.size / 2 + 64);
            out.write(VERSION);
            out.write(DEFLATED);
            out.varint(body.size);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
            try {
                deflater.setInput(body.bytes, 0, body.size);
                deflater.finish();
                while (!deflater.finished()) {
                    out.ensure(body.size / 4 + 1024);
                    out.size += deflater.deflate(out.bytes, out.size, out.bytes.length - out.size);
                }
            } finally {
                deflater.end();
            }
            return Arrays.copyOf(out.bytes, out.size);
        }

        private int size() {
            int n = 64 + flags.size + 10;
            for (Output col : columns) {
                n += col.size + 10;
            }
            for (Dictionary d : dictionaries) {
                n += d.codes.size + d.bytes + 10 * (d.entries.size() + 1);
            }
            return n;
        }

        /** Starts a new chunk. */
        public void clear() {
            orderIds.clear();
            msisdns.clear();
            for (Output o : columns) {
                o.size = 0;
            }
            flags.size = 0;
            for (Dictionary d : dictionaries) {
                d.clear();
            }
            rows = 0;
            previousCreated = 0;
            minCreated = Long.MAX_VALUE;
            maxCreated = Long.MIN_VALUE;
            cancelledRows = 0;
            liveRows = 0;
        }
    }

    /**
     * Encodes a text column whose values are mostly a repeated head and a number (WO000012345, 13800138000): per row a
     * head code (0 = absent, 1 = the previous row's head, n + 2 = a new head of n bytes, written to {@code heads}),
     * the count of trailing digits (up to {@value #MAX_DIGITS}; leading zeros included, so the text comes back
     * exactly), and the number they spell as a zigzag delta from the previous row's number.
     */
    private static final class TextColumn {
        final Output codes = new Output(32 * 1024);
        final Output heads = new Output(1024);
        final Output counts = new Output(32 * 1024);
        final Output numbers = new Output(64 * 1024);
        /** The previous value's head (UTF-8), when there was a previous value in this chunk. */
        private byte[] previousHead = new byte[32];

        private int previousHeadLength;
        private boolean hasPrevious;
        private long previousNumber;

        void add(String s) {
            if (s == null) {
                codes.write(0);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            add(utf8, 0, utf8.length);
        }

        /** The value whose UTF-8 bytes are {@code b[from..to)}: the same encoding as {@link #add(String)} of its text. */
        void add(byte[] b, int from, int to) {
            int headEnd = to;
            long number = 0;
            long scale = 1;
            while (headEnd > from && to - headEnd < MAX_DIGITS) {
                byte c = b[headEnd - 1];
                if (c < '0' || c > '9') {
                    break;
                }
                number += (c - '0') * scale;
                scale *= 10;
                headEnd--;
            }
            int headLength = headEnd - from;
            if (hasPrevious
                    ? headLength == previousHeadLength && Arrays.equals(b, from, headEnd, previousHead, 0, headLength)
                    : headLength == 0) {
                codes.write(1); // the previous row's head (before the first row, the head is "")
            } else {
                heads.write(b, from, headLength);
                codes.varint(headLength + 2L);
            }
            if (previousHead.length < headLength) {
                previousHead = new byte[headLength * 2];
            }
            System.arraycopy(b, from, previousHead, 0, headLength);
            previousHeadLength = headLength;
            hasPrevious = true;
            int digits = to - headEnd;
            counts.write(digits);
            if (digits > 0) {
                numbers.zigzag(number - previousNumber);
                previousNumber = number;
            }
        }

        void clear() {
            codes.size = 0;
            heads.size = 0;
            counts.size = 0;
            numbers.size = 0;
            hasPrevious = false;
            previousHeadLength = 0;
            previousNumber = 0;
        }
    }

    /**
     * Encodes the builder's chunk, writes it as chunk {@code chunkNo} of run {@code runId} through {@code ps} (prepared
     * from {@link #TABLE_INSERT}) and clears the builder.
     */
    public static void insert(PreparedStatement ps, long runId, int chunkNo, Builder chunk) throws SQLException {
        byte[] payload = chunk.encode();
        ps.setLong(1, runId);
        ps.setInt(2, chunkNo);
        ps.setInt(3, chunk.rows());
        ps.setLong(4, chunk.minCreatedAt());
        ps.setLong(5, chunk.maxCreatedAt());
        ps.setInt(6, chunk.cancelledRows());
        ps.setInt(7, chunk.liveRows());
        ps.setBytes(8, payload);
        ps.executeUpdate();
        chunk.clear();
    }

    /** The next free chunk number of run {@code runId}. */
    public static int nextChunkNo(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COALESCE(MAX(chunk_no) + 1, 0) FROM confirmed_chunk WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Per-chunk dictionary of one low-cardinality column. */
    private static final class Dictionary {
        final Map<String, Integer> index = new HashMap<>();
        final List<byte[]> entries = new ArrayList<>();
        final Output codes = new Output(32 * 1024);
        boolean[] liveStatus = new boolean[16];
        boolean[] cancelledStatus = new boolean[16];
        int bytes;
        private String last;
        private int lastCode = -1;
        private int nullCode = -1;

        int add(String s) {
            int code;
            if (s == last && lastCode >= 0) {
                code = lastCode; // most rows repeat the previous value's very instance (readers pool their strings)
            } else if (s == null) {
                if (nullCode < 0) {
                    nullCode = entries.size();
                    entries.add(null);
                    mark(nullCode, null);
                }
                code = nullCode;
            } else {
                Integer known = index.get(s);
                if (known == null) {
                    code = entries.size();
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    entries.add(b);
                    bytes += b.length;
                    index.put(s, code);
                    mark(code, s);
                } else {
                    code = known;
                }
            }
            last = s;
            lastCode = code;
            codes.varint(code);
            return code;
        }

        private void mark(int code, String s) {
            if (code >= liveStatus.length) {
                liveStatus = Arrays.copyOf(liveStatus, code * 2);
                cancelledStatus = Arrays.copyOf(cancelledStatus, code * 2);
            }
            liveStatus[code] = isLive(s);
            cancelledStatus[code] = isCancelled(s);
        }

        boolean live(int code) {
            return liveStatus[code];
        }

        boolean cancelled(int code) {
            return cancelledStatus[code];
        }

        void clear() {
            index.clear();
            entries.clear();
            codes.size = 0;
            bytes = 0;
            last = null;
            lastCode = -1;
            nullCode = -1;
        }
    }

    /** A growable byte buffer with varint writers. */
    private static final class Output {
        byte[] bytes;
        int size;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        void ensure(int more) {
            if (bytes.length - size < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void write(int b) {
            if (size == bytes.length) {
                ensure(1);
            }
            bytes[size++] = (byte) b;
        }

        void write(byte[] b, int from, int n) {
            ensure(n);
            System.arraycopy(b, from, bytes, size, n);
            size += n;
        }

        void varint(long v) {
            ensure(10);
            byte[] b = bytes;
            int p = size;
            while ((v & ~0x7FL) != 0) {
                b[p++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[p++] = (byte) v;
            size = p;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void column(Output col) {
            varint(col.size);
            write(col.bytes, 0, col.size);
        }
    }
}
