package io.chanops.reconcile.confirmed;

import io.chanops.reconcile.boss.BossDateTime;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Stores the orders a run confirmed, row by row in confirmed_order (interim: replaced by the chunk store). */
public final class ConfirmedOrderWriter implements AutoCloseable {
    private static final int CHUNK = 200;
    private final Handle h;
    private final long runId;
    private final List<Object[]> pending = new ArrayList<>(CHUNK);
    private PreparedStatement full;
    private long rows;

    public ConfirmedOrderWriter(Handle h, long runId) {
        this.h = h;
        this.runId = runId;
    }

    public void add(String orderId, long createdAt, String channel, String siteId, String msisdn, String sku, long qty,
                    long amountFen, long bossNetFen, long bossAcceptedAt, String platformStatus, boolean bossLive,
                    String matchedBy) {
        pending.add(new Object[]{runId, orderId, BossDateTime.format(createdAt), channel, siteId, msisdn, sku, qty, amountFen,
                bossNetFen, BossDateTime.format(bossAcceptedAt), platformStatus, bossLive ? 1 : 0, matchedBy});
        rows++;
        if (pending.size() == CHUNK) {
            try {
                if (full == null) {
                    full = h.getConnection().prepareStatement(sql(CHUNK));
                }
                flush(full);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store confirmed orders: " + e.getMessage(), e);
            }
        }
    }

    public long rows() {
        return rows;
    }

    private void flush(PreparedStatement ps) throws SQLException {
        int p = 1;
        for (Object[] row : pending) {
            for (Object v : row) {
                ps.setObject(p++, v);
            }
        }
        ps.executeUpdate();
        pending.clear();
    }

    private static String sql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO confirmed_order (run_id, order_id, created_at, channel, site_id, msisdn, "
                + "sku, qty, amount_fen, boss_net_fen, boss_accepted_at, platform_status, boss_live, matched_by) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    @Override
    public void close() {
        try {
            if (!pending.isEmpty()) {
                try (PreparedStatement rest = h.getConnection().prepareStatement(sql(pending.size()))) {
                    flush(rest);
                }
            }
            if (full != null) {
                full.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store confirmed orders: " + e.getMessage(), e);
        }
    }
}
