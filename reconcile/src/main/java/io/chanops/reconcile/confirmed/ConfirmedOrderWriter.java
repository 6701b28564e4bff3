package io.chanops.reconcile.confirmed;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.reconcile.boss.BossDateTime;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Inserts the orders one reconcile run confirmed into {@code confirmed_order}, inside the caller's transaction: one
 * prepared statement, bound value by value and sent in batches (JDBI's per-argument binding would cost more than the
 * insert itself), the last batch by {@link #close}. Orders added in key order (month created, order id) are appended to
 * the table; any order works. On PostgreSQL the rows go by COPY instead, a chunk at a time ({@link Way}). Use from one
 * thread, and nothing else on the handle until {@link #close} returns.
 *
 * <p>It keeps {@code confirmed_sale_count} too: it counts its sales (orders confirmed live) by kind as they come, and
 * on {@link #close} adds the counts. Where another run has counted sales of the month already, it looks up each of its
 * sales' orders first: an order a later run confirmed does not count again, and one an earlier run confirmed is taken
 * back from that run's kind (the view {@code confirmed_sale} says which confirmation counts).
 *
 * <pre>{@code
 * try (ConfirmedOrderWriter w = new ConfirmedOrderRepository(h).writer(runId)) {
 *     for (...) w.add(order);
 * }
 * }</pre>
 */
public final class ConfirmedOrderWriter implements AutoCloseable {
    private static final String INSERT =
            "INSERT INTO confirmed_order (run_id, order_id, created_at, created_month, channel, "
                    + "site_id, msisdn, sku, qty, amount_fen, boss_net_fen, boss_accepted_at, platform_status, "
                    + "boss_live, matched_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MONTH_COUNTED = "SELECT 1 FROM confirmed_sale_count WHERE created_month = ?";
    private static final String LATEST_SALE =
            "SELECT run_id, site_id, sku, created_at, boss_net_fen, qty FROM confirmed_order "
                    + "WHERE created_month = ? AND order_id = ? AND boss_live = 1 AND platform_status IN ('paid', "
                    + "'completed') ORDER BY run_id DESC";
    private static final String COUNT =
            "INSERT INTO confirmed_sale_count (created_month, site_id, sku, order_date, boss_net_fen, "
                    + "orders, units) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 4_096;

    /**
     * SQLite's bulk path: rows per multi-row INSERT, and values bound per row. The run id is bound once per statement,
     * the month is taken from the creation time in SQL, and status, BOSS liveness and how the order matched travel as
     * one small code ({@link #code}): on SQLite's JDBC driver the cost of a row is mostly its bound values.
     */
    private static final int ROWS_PER_STATEMENT = 64;

    private static final int VALUES_PER_ROW = 11;
    private static final List<String> STATUSES = List.of("paid", "completed", "cancelled", "refunded");
    private static final List<String> MATCHED_BY = List.of("order_ref", "fallback");

    /** PostgreSQL's COPY of the rows: all columns, in the plain INSERT's order. */
    private static final String COPY = "COPY confirmed_order (run_id, order_id, created_at, created_month, channel, "
            + "site_id, msisdn, sku, qty, amount_fen, boss_net_fen, boss_accepted_at, platform_status, boss_live, "
            + "matched_by) FROM STDIN (FORMAT text)";

    /** Bytes of rows sent per COPY: the connection is free for the sale lookups between two. */
    private static final int COPY_CHUNK = 4 << 20;

    /** How rows are stored: each way stores the same rows (ConfirmedOrderWriterPathsTest). */
    enum Way {
        /** SQLite: multi-row INSERTs with the run bound once and status, liveness and match as one code. */
        PACKED,
        /** Any database: one plain INSERT a row, in JDBC batches. */
        PLAIN,
        /** PostgreSQL: {@code COPY ... FROM STDIN} in text format, a chunk of rows at a time. */
        COPY
    }

    private final Handle h;
    private final long runId;
    private final boolean packed;
    private final CopyRows copy;
    private PreparedStatement insert;
    private PreparedStatement packedInsert;
    private final Object[] buffer = new Object[ROWS_PER_STATEMENT * VALUES_PER_ROW];
    private int buffered;
    private PreparedStatement latestSale;
    private int pending;
    private long rows;
    private boolean closed;
    /** The month of the order added last and its created_at: consecutive orders mostly share the month's text. */
    private String lastMonth = "";

    private String lastCreated = "";
    private final Map<Kind, long[]> counts = new HashMap<>();
    /** Per month: whether other runs have counted sales in it (then each sale's order is looked up). */
    private final Map<String, Boolean> monthCounted = new HashMap<>();

    ConfirmedOrderWriter(Handle h, long runId) {
        this(h, runId, Ledger.Dialect.isPostgresql(h) ? Way.COPY : Way.PACKED);
    }

    ConfirmedOrderWriter(Handle h, long runId, Way way) {
        this(h, runId, way, COPY_CHUNK);
    }

    /** {@code copyChunk}: bytes per COPY (tests send many small ones). */
    ConfirmedOrderWriter(Handle h, long runId, Way way, int copyChunk) {
        this.h = h;
        this.runId = runId;
        this.packed = way == Way.PACKED;
        this.copy = way == Way.COPY ? new CopyRows(h.getConnection(), COPY, copyChunk) : null;
    }

    /** Adds {@code order} (its run id must be this writer's). */
    public void add(ConfirmedOrder order) {
        if (order.runId() != runId) {
            throw new IllegalArgumentException(
                    "order " + order.orderId() + " of run " + order.runId() + " given to the writer of run " + runId);
        }
        store(new Row(
                order.orderId(),
                LocalTimes.format(order.createdAt()),
                order.channel(),
                order.siteId(),
                order.msisdn(),
                order.sku(),
                order.qty(),
                order.amountFen(),
                order.bossNetFen(),
                order.bossAcceptedAt() == null ? null : LocalTimes.format(order.bossAcceptedAt()),
                order.platformStatus(),
                order.bossLive(),
                order.matchedBy()));
    }

    /**
     * Adds an order as a reconciliation holds it: the order id and msisdn as UTF-8 bytes ({@code ids[idFrom..idTo)},
     * {@code phones[phoneFrom..phoneTo)}), times in local seconds ({@link BossDateTime}).
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
            long qty,
            long amountFen,
            long bossNetFen,
            long bossAcceptedAt,
            String platformStatus,
            boolean bossLive,
            String matchedBy) {
        store(new Row(
                new String(ids, idFrom, idTo - idFrom, StandardCharsets.UTF_8),
                BossDateTime.format(createdAt),
                channel,
                siteId,
                new String(phones, phoneFrom, phoneTo - phoneFrom, StandardCharsets.UTF_8),
                sku,
                qty,
                amountFen,
                bossNetFen,
                BossDateTime.format(bossAcceptedAt),
                platformStatus,
                bossLive,
                matchedBy));
    }

    /** An order as stored: times in the ledger's text form, and the rest as the columns hold it. */
    private record Row(
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
            String matchedBy) {}

    private void store(Row r) {
        if (closed) {
            throw new IllegalStateException("confirmed orders of run " + runId + ": writer already closed");
        }
        try {
            String month = month(r.createdAt());
            // counted before the row is stored: the lookup of earlier runs' confirmations must not find this one
            if (r.bossLive() && ("paid".equals(r.platformStatus()) || "completed".equals(r.platformStatus()))) {
                countSale(month, r.orderId(), r.siteId(), r.sku(), r.createdAt(), r.bossNetFen(), r.qty());
            }
            int code = code(r.platformStatus(), r.bossLive(), r.matchedBy());
            if (copy != null) {
                copy.number(runId)
                        .text(r.orderId())
                        .text(r.createdAt())
                        .text(month)
                        .text(r.channel())
                        .text(r.siteId())
                        .text(r.msisdn())
                        .text(r.sku())
                        .number(r.qty())
                        .number(r.amountFen())
                        .number(r.bossNetFen())
                        .text(r.bossAcceptedAt())
                        .text(r.platformStatus())
                        .number(r.bossLive() ? 1 : 0)
                        .text(r.matchedBy())
                        .endRow();
            } else if (packed && code >= 0) {
                int v = buffered * VALUES_PER_ROW;
                buffer[v] = r.orderId();
                buffer[v + 1] = r.createdAt();
                buffer[v + 2] = r.channel();
                buffer[v + 3] = r.siteId();
                buffer[v + 4] = r.msisdn();
                buffer[v + 5] = r.sku();
                buffer[v + 6] = r.qty();
                buffer[v + 7] = r.amountFen();
                buffer[v + 8] = r.bossNetFen();
                buffer[v + 9] = r.bossAcceptedAt();
                buffer[v + 10] = (long) code;
                if (++buffered == ROWS_PER_STATEMENT) {
                    if (packedInsert == null) {
                        packedInsert = h.getConnection().prepareStatement(packedSql(ROWS_PER_STATEMENT));
                    }
                    executePacked(packedInsert);
                }
            } else {
                addPlain(r, month);
            }
            rows++;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void addPlain(Row r, String month) throws SQLException {
        if (insert == null) {
            insert = h.getConnection().prepareStatement(INSERT);
        }
        PreparedStatement ps = insert;
        ps.setLong(1, runId);
        ps.setString(2, r.orderId());
        ps.setString(3, r.createdAt());
        ps.setString(4, month);
        setText(ps, 5, r.channel());
        setText(ps, 6, r.siteId());
        setText(ps, 7, r.msisdn());
        setText(ps, 8, r.sku());
        ps.setLong(9, r.qty());
        ps.setLong(10, r.amountFen());
        ps.setLong(11, r.bossNetFen());
        setText(ps, 12, r.bossAcceptedAt());
        ps.setString(13, r.platformStatus());
        ps.setInt(14, r.bossLive() ? 1 : 0);
        ps.setString(15, r.matchedBy());
        ps.addBatch();
        if (++pending == BATCH) {
            flush();
        }
    }

    /**
     * Status, liveness and match as one number ({@code status * 4 + live * 2 + matched}), as {@link #packedSql} decodes
     * it; -1 for a word it does not know, which then takes the plain statement.
     */
    static int code(String platformStatus, boolean bossLive, String matchedBy) {
        int status = STATUSES.indexOf(platformStatus);
        int matched = MATCHED_BY.indexOf(matchedBy);
        return status < 0 || matched < 0 ? -1 : status * 4 + (bossLive ? 2 : 0) + matched;
    }

    /**
     * The multi-row INSERT of {@code count} rows with numbered parameters: ?1 the run, then {@code VALUES_PER_ROW} a
     * row.
     */
    static String packedSql(int count) {
        StringBuilder sql = new StringBuilder(INSERT.substring(0, INSERT.indexOf("VALUES") + "VALUES".length()));
        for (int r = 0; r < count; r++) {
            int p = 2 + r * VALUES_PER_ROW;
            String code = "?" + (p + 10);
            sql.append(r == 0 ? " " : ", ").append("(?1");
            for (int k = 0; k < 2; k++) {
                sql.append(", ?").append(p + k);
            }
            sql.append(", substr(?").append(p + 1).append(", 1, 7)");
            for (int k = 2; k < 10; k++) {
                sql.append(", ?").append(p + k);
            }
            sql.append(", CASE ").append(code).append(" >> 2");
            for (int i = 0; i < STATUSES.size(); i++) {
                sql.append(" WHEN ")
                        .append(i)
                        .append(" THEN '")
                        .append(STATUSES.get(i))
                        .append("'");
            }
            sql.append(" END, (")
                    .append(code)
                    .append(" >> 1) & 1, CASE ")
                    .append(code)
                    .append(" & 1");
            for (int i = 0; i < MATCHED_BY.size(); i++) {
                sql.append(" WHEN ")
                        .append(i)
                        .append(" THEN '")
                        .append(MATCHED_BY.get(i))
                        .append("'");
            }
            sql.append(" END)");
        }
        return sql.toString();
    }

    /** Inserts the buffered rows with {@code ps}, a statement of exactly that many rows. */
    private void executePacked(PreparedStatement ps) throws SQLException {
        ps.setLong(1, runId);
        int n = buffered * VALUES_PER_ROW;
        for (int i = 0; i < n; i++) {
            Object v = buffer[i];
            if (v == null) {
                ps.setNull(i + 2, Types.VARCHAR);
            } else if (v instanceof Long l) {
                ps.setLong(i + 2, l);
            } else {
                ps.setString(i + 2, (String) v);
            }
        }
        ps.executeUpdate();
        buffered = 0;
    }

    /** Counts a sale of this run, and takes back the one of an earlier run it replaces (see the class comment). */
    private void countSale(
            String month, String orderId, String siteId, String sku, String createdAt, long bossNetFen, long qty)
            throws SQLException {
        Boolean counted = monthCounted.get(month);
        if (counted == null) {
            counted = monthCounted(month);
            monthCounted.put(month, counted);
        }
        if (counted) {
            if (latestSale == null) {
                latestSale = h.getConnection().prepareStatement(LATEST_SALE);
            }
            latestSale.setString(1, month);
            latestSale.setString(2, orderId);
            try (ResultSet rs = latestSale.executeQuery()) {
                if (rs.next()) {
                    if (rs.getLong(1) > runId) {
                        return; // a later run confirmed the order: its confirmation counts
                    }
                    count(month, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), -1, -rs.getLong(6));
                }
            }
        }
        count(month, siteId, sku, createdAt, bossNetFen, 1, qty);
    }

    private boolean monthCounted(String month) throws SQLException {
        try (PreparedStatement ps = h.getConnection().prepareStatement(MONTH_COUNTED)) {
            ps.setString(1, month);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void count(
            String month, String siteId, String sku, String createdAt, long bossNetFen, long orders, long units) {
        long[] n = counts.computeIfAbsent(
                new Kind(month, siteId, sku, createdAt.substring(0, 10), bossNetFen), k -> new long[2]);
        n[0] += orders;
        n[1] += units;
    }

    private String month(String createdAt) {
        if (!createdAt.regionMatches(0, lastCreated, 0, 7)) {
            lastMonth = createdAt.substring(0, 7);
        }
        lastCreated = createdAt;
        return lastMonth;
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    private void flushPacked() throws SQLException {
        if (buffered > 0) {
            try (PreparedStatement rest = h.getConnection().prepareStatement(packedSql(buffered))) {
                executePacked(rest);
            }
        }
    }

    /** Orders added so far. */
    public long rows() {
        return rows;
    }

    /** Inserts the last batch and adds this run's counts; no-op on the ledger when {@link #rows()} is 0. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (rows == 0) {
            return;
        }
        try (PreparedStatement rowsInsert = insert;
                PreparedStatement packedRows = packedInsert;
                PreparedStatement lookups = latestSale) {
            flush();
            flushPacked();
            if (copy != null) {
                copy.flush();
            }
            addCounts();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void addCounts() throws SQLException {
        try (PreparedStatement ps = h.getConnection().prepareStatement(COUNT)) {
            int n = 0;
            for (Map.Entry<Kind, long[]> e : counts.entrySet()) {
                long[] c = e.getValue();
                if (c[0] == 0 && c[1] == 0) {
                    continue;
                }
                Kind k = e.getKey();
                ps.setString(1, k.month);
                setText(ps, 2, k.siteId);
                setText(ps, 3, k.sku);
                ps.setString(4, k.orderDate);
                ps.setLong(5, k.bossNetFen);
                ps.setLong(6, c[0]);
                ps.setLong(7, c[1]);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("cannot store confirmed orders of run " + runId + ": " + e.getMessage(), e);
    }

    /** What decides a sale's commission, in its month: a key counted once per sale, so equals and hash are plain. */
    private static final class Kind {
        final String month;
        final String siteId;
        final String sku;
        final String orderDate;
        final long bossNetFen;
        private final int hash;

        Kind(String month, String siteId, String sku, String orderDate, long bossNetFen) {
            this.month = month;
            this.siteId = siteId;
            this.sku = sku;
            this.orderDate = orderDate;
            this.bossNetFen = bossNetFen;
            int h = month.hashCode();
            h = 31 * h + Objects.hashCode(siteId);
            h = 31 * h + Objects.hashCode(sku);
            h = 31 * h + orderDate.hashCode();
            this.hash = 31 * h + Long.hashCode(bossNetFen);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Kind k
                    && bossNetFen == k.bossNetFen
                    && orderDate.equals(k.orderDate)
                    && Objects.equals(siteId, k.siteId)
                    && Objects.equals(sku, k.sku)
                    && month.equals(k.month);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
