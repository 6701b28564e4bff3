package io.chanops.reconcile.confirmed;

import io.chanops.ledger.confirmed.ConfirmedChunk;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;

/**
 * Stores the orders one reconcile run confirmed as chunks of {@link ConfirmedChunk#ROWS} orders ({@code confirmed_chunk},
 * format in {@link ConfirmedChunk}), inside the caller's transaction: a chunk is written whenever it fills, the last one
 * by {@link #close}. Use from one thread at a time (not necessarily the one that opened the transaction), and nothing
 * else on the handle until {@link #close} returns.
 *
 * <p>A full chunk is compressed and inserted on a helper thread while the caller fills the next one (two chunk buffers;
 * the caller waits only if the helper is still busy with the one before). Small runs that never fill a chunk start no
 * thread. An error on the helper surfaces from the next {@link #add} or from {@link #close}.
 *
 * <pre>{@code
 * try (ConfirmedOrderWriter w = new ConfirmedOrderWriter(h, runId)) {
 *     for (...) w.add(orderId, createdAt, channel, siteId, msisdn, sku, qty, amountFen, bossNetFen, acceptedAt, status, live, matchedBy);
 * }
 * }</pre>
 */
public final class ConfirmedOrderWriter implements AutoCloseable {
    /**
     * Body deflated: on 1M generated orders deflate (level 1) takes 12 instead of 38 bytes per order, which saves more
     * in SQLite's page writes and commit than it costs, and runs on the helper thread; see docs/BENCHMARKS.md
     * "Confirmed-order store".
     */
    static final boolean DEFLATE = true;

    private final Handle h;
    private final long runId;
    private ConfirmedChunk.Builder filling;
    private ConfirmedChunk.Builder spare;
    private ExecutorService helper;
    private Future<?> pending;
    private PreparedStatement insert;
    private int chunkNo = -1;
    private long rows;
    private boolean closed;

    public ConfirmedOrderWriter(Handle h, long runId) {
        this(h, runId, DEFLATE, ConfirmedChunk.ROWS);
    }

    /** For benchmarks and tests: another chunk size or encoding (readers take any). */
    ConfirmedOrderWriter(Handle h, long runId, boolean deflate, int chunkRows) {
        this.h = h;
        this.runId = runId;
        this.filling = new ConfirmedChunk.Builder(deflate, chunkRows);
        this.spare = new ConfirmedChunk.Builder(deflate, chunkRows);
    }

    /** createdAt / bossAcceptedAt: "local seconds" as io.chanops.reconcile.boss.BossDateTime produces them. */
    public void add(
            String orderId,
            long createdAt,
            String channel,
            String siteId,
            String msisdn,
            String sku,
            long qty,
            long amountFen,
            long bossNetFen,
            long bossAcceptedAt,
            String platformStatus,
            boolean bossLive,
            String matchedBy) {
        checkOpen();
        filling.add(
                orderId,
                createdAt,
                channel,
                siteId,
                msisdn,
                sku,
                qty,
                amountFen,
                bossNetFen,
                bossAcceptedAt,
                platformStatus,
                bossLive,
                matchedBy);
        added();
    }

    /** As the other {@code add}, the order id and msisdn as UTF-8 bytes (see {@link ConfirmedChunk.Builder}). */
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
        checkOpen();
        filling.add(
                ids,
                idFrom,
                idTo,
                createdAt,
                channel,
                siteId,
                phones,
                phoneFrom,
                phoneTo,
                sku,
                qty,
                amountFen,
                bossNetFen,
                bossAcceptedAt,
                platformStatus,
                bossLive,
                matchedBy);
        added();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("confirmed orders of run " + runId + ": writer already closed");
        }
    }

    /** Counts the order just added and hands a full chunk to the helper thread. */
    private void added() {
        rows++;
        if (filling.full()) {
            awaitPending();
            ConfirmedChunk.Builder full = filling;
            filling = spare;
            spare = full;
            if (helper == null) {
                helper = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "confirmed-orders-run-" + runId);
                    t.setDaemon(true);
                    return t;
                });
            }
            pending = helper.submit(() -> store(full));
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
            awaitPending();
            if (filling.rows() > 0) {
                store(filling);
            }
        } finally {
            if (helper != null) {
                helper.shutdownNow();
            }
            if (insert != null) {
                try {
                    insert.close();
                } catch (SQLException e) {
                    throw failed(e);
                }
            }
        }
    }

    private void awaitPending() {
        if (pending == null) {
            return;
        }
        Future<?> p = pending;
        pending = null;
        try {
            p.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing confirmed orders of run " + runId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err; // running out of memory, say: passed on as Futures.join does
            }
            throw new IllegalStateException(
                    "cannot store confirmed orders of run " + runId + ": " + e.getCause(), e.getCause());
        }
    }

    /** Encodes and inserts {@code chunk}, then clears it; on the helper thread or, for the last chunk, the caller's. */
    private void store(ConfirmedChunk.Builder chunk) {
        try {
            if (insert == null) {
                chunkNo = ConfirmedChunk.nextChunkNo(h.getConnection(), runId);
                insert = h.getConnection().prepareStatement(ConfirmedChunk.TABLE_INSERT);
            }
            ConfirmedChunk.insert(insert, runId, chunkNo++, chunk);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("cannot store confirmed orders of run " + runId + ": " + e.getMessage(), e);
    }
}
