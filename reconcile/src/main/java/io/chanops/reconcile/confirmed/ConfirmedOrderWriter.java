package io.chanops.reconcile.confirmed;

import io.chanops.ledger.confirmed.ConfirmedChunk;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Stores the orders one reconcile run confirmed as chunks of {@link ConfirmedChunk#ROWS} orders ({@code confirmed_chunk},
 * format in {@link ConfirmedChunk}), inside the caller's transaction: a chunk is written whenever it fills, the last one
 * by {@link #close}. Use from one thread at a time (not necessarily the one that opened the transaction), and nothing
 * else on the handle while it adds.
 *
 * <pre>{@code
 * try (ConfirmedOrderWriter w = new ConfirmedOrderWriter(h, runId)) {
 *     for (...) w.add(orderId, createdAt, channel, siteId, msisdn, sku, qty, amountFen, bossNetFen, acceptedAt, status, live, matchedBy);
 * }
 * }</pre>
 */
public final class ConfirmedOrderWriter implements AutoCloseable {
    /**
     * Body deflated: measured on 1M generated orders, deflate (level 1) costs about as much CPU as the rest of the
     * encoding together but halves the blob bytes; see docs/BENCHMARKS.md "Confirmed-order store".
     */
    static final boolean DEFLATE = true;

    private final Handle h;
    private final long runId;
    private final ConfirmedChunk.Builder chunk = new ConfirmedChunk.Builder(DEFLATE);
    private PreparedStatement insert;
    private int chunkNo = -1;
    private long rows;
    private boolean closed;

    public ConfirmedOrderWriter(Handle h, long runId) {
        this.h = h;
        this.runId = runId;
    }

    /** createdAt / bossAcceptedAt: "local seconds" as io.chanops.reconcile.boss.BossDateTime produces them. */
    public void add(String orderId, long createdAt, String channel, String siteId, String msisdn, String sku, long qty,
                    long amountFen, long bossNetFen, long bossAcceptedAt, String platformStatus, boolean bossLive,
                    String matchedBy) {
        if (closed) {
            throw new IllegalStateException("confirmed orders of run " + runId + ": writer already closed");
        }
        chunk.add(orderId, createdAt, channel, siteId, msisdn, sku, qty, amountFen, bossNetFen, bossAcceptedAt, platformStatus,
                bossLive, matchedBy);
        rows++;
        if (chunk.full()) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /** Writes the last chunk; no-op on the ledger when {@link #rows()} is 0. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (chunk.rows() > 0) {
                flush();
            }
        } finally {
            if (insert != null) {
                try {
                    insert.close();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot store confirmed orders of run " + runId + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void flush() {
        try {
            if (insert == null) {
                chunkNo = ConfirmedChunk.nextChunkNo(h.getConnection(), runId);
                insert = h.getConnection().prepareStatement(ConfirmedChunk.TABLE_INSERT);
            }
            ConfirmedChunk.insert(insert, runId, chunkNo++, chunk, chunk.encode());
            chunk.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store confirmed orders of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
