package io.chanops.reconcile.confirmed;

import io.chanops.ledger.confirmed.ConfirmedChunk;
import java.util.Comparator;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Reads confirmed orders back from {@code confirmed_chunk}. Chunks are pruned by their metadata (run, created-at range,
 * whether they hold any live or cancelled order) before a payload is read, and only matching rows become records.
 * Orders come in run order, then in the order the run added them.
 */
public final class ConfirmedOrders {
    /**
     * The order SQL's {@code ORDER BY order_id} gave on SQLite (UTF-8 bytes, which is code point order); String's own
     * order differs for characters above U+FFFF.
     */
    public static final Comparator<String> TEXT_ORDER = ConfirmedOrders::compareCodePoints;

    private ConfirmedOrders() {}

    /** Which orders to read; {@code createdFrom} inclusive, {@code createdTo} exclusive, in local seconds. */
    public record Filter(Long runId, long createdFrom, long createdTo, boolean liveOnly, boolean cancelledOnly) {
        public static Filter all() {
            return new Filter(null, Long.MIN_VALUE, Long.MAX_VALUE, false, false);
        }

        public Filter run(long id) {
            return new Filter(id, createdFrom, createdTo, liveOnly, cancelledOnly);
        }

        public Filter createdIn(long from, long to) {
            return new Filter(runId, from, to, liveOnly, cancelledOnly);
        }

        /**
         * Only orders confirmed live: the platform says paid or completed and the BOSS group is live (the order earns
         * commission; {@link ConfirmedChunk#live(int)}).
         */
        public Filter live() {
            return new Filter(runId, createdFrom, createdTo, true, cancelledOnly);
        }

        /**
         * Only orders confirmed cancelled: the platform says cancelled or refunded and BOSS reversed the group
         * (clawback evidence; {@link ConfirmedChunk#cancelled(int)}).
         */
        public Filter cancelled() {
            return new Filter(runId, createdFrom, createdTo, liveOnly, true);
        }

        boolean test(ConfirmedChunk c, int row) {
            long t = c.createdAt(row);
            return t >= createdFrom
                    && t < createdTo
                    && (!liveOnly || c.live(row))
                    && (!cancelledOnly || c.cancelled(row));
        }
    }

    public static void forEach(Handle h, Filter filter, Consumer<ConfirmedOrder> action) {
        if (filter.createdFrom() >= filter.createdTo() || (filter.liveOnly() && filter.cancelledOnly())) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT run_id, chunk_no, row_count, payload FROM confirmed_chunk "
                + "WHERE max_created_at >= :from AND min_created_at < :to");
        if (filter.runId() != null) {
            sql.append(" AND run_id = :run");
        }
        if (filter.liveOnly()) {
            sql.append(" AND live_rows > 0");
        }
        if (filter.cancelledOnly()) {
            sql.append(" AND cancelled_rows > 0");
        }
        sql.append(" ORDER BY run_id, chunk_no");
        var query =
                h.createQuery(sql.toString()).bind("from", filter.createdFrom()).bind("to", filter.createdTo());
        if (filter.runId() != null) {
            query.bind("run", filter.runId().longValue());
        }
        query.map((rs, ctx) -> {
                    long runId = rs.getLong(1);
                    ConfirmedChunk chunk = ConfirmedChunk.decode(rs.getBytes(4), runId, rs.getLong(2), rs.getInt(3));
                    for (int i = 0; i < chunk.rows(); i++) {
                        if (filter.test(chunk, i)) {
                            action.accept(order(runId, chunk, i));
                        }
                    }
                    return Boolean.TRUE;
                })
                .forEach(x -> {});
    }

    private static ConfirmedOrder order(long runId, ConfirmedChunk c, int i) {
        return new ConfirmedOrder(
                runId,
                c.orderId(i),
                c.createdAt(i),
                c.channel(i),
                c.siteId(i),
                c.msisdn(i),
                c.sku(i),
                c.qty(i),
                c.amountFen(i),
                c.bossNetFen(i),
                c.acceptedAt(i),
                c.platformStatus(i),
                c.bossLive(i),
                c.matchedBy(i));
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF, so that UTF-16 unit order becomes code point order. */
    private static int rank(char c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return c + 0x2000;
        }
        return c >= 0xE000 ? c - 0x800 : c;
    }
}
