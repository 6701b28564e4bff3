package db.migration;

import io.chanops.ledger.confirmed.ConfirmedChunk;
import io.chanops.ledger.time.LocalTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Confirmed orders move from one row per order ({@code confirmed_order}, V3) to compressed chunks per run
 * ({@code confirmed_chunk}, format in {@link ConfirmedChunk}). A Java migration because the existing rows are converted
 * into the binary format, and because the blob type is spelt differently: {@code BLOB} on SQLite, {@code BYTEA} on
 * PostgreSQL.
 *
 * <p>Each run's rows are chunked in (created_at, order_id) order, so that chunks prune well by creation time. Text
 * times become local seconds ({@code YYYY-MM-DD HH:MM[:SS]}, or a bare date as its midnight, as the commission report
 * read them); an empty or NULL {@code boss_accepted_at} is kept as absent; NULL strings stay NULL.
 */
public class V8__Confirmed_chunks extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE confirmed_chunk ("
                    + "run_id INTEGER NOT NULL REFERENCES reconcile_run (run_id), "
                    + "chunk_no INTEGER NOT NULL, "
                    + "row_count INTEGER NOT NULL, "
                    + "min_created_at BIGINT NOT NULL, " // local seconds of the chunk's earliest created_at
                    + "max_created_at BIGINT NOT NULL, "
                    + "cancelled_rows INTEGER NOT NULL, " // platform cancelled|refunded and boss_live = 0
                    + "live_rows INTEGER NOT NULL, " // platform paid|completed and boss_live = 1
                    + "payload " + (postgres ? "BYTEA" : "BLOB") + " NOT NULL, "
                    + "PRIMARY KEY (run_id, chunk_no))");
        }
        convert(c);
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX confirmed_order_created");
            st.execute("DROP TABLE confirmed_order");
        }
    }

    private static void convert(Connection c) throws SQLException {
        ConfirmedChunk.Builder chunk = new ConfirmedChunk.Builder(true);
        long run = -1;
        int chunkNo = 0;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, amount_fen, "
                                + "boss_net_fen, boss_accepted_at, platform_status, boss_live, matched_by FROM confirmed_order "
                                + "ORDER BY run_id, created_at, order_id");
                PreparedStatement insert = c.prepareStatement(ConfirmedChunk.TABLE_INSERT)) {
            while (rs.next()) {
                long runId = rs.getLong("run_id");
                if (runId != run || chunk.full()) {
                    if (chunk.rows() > 0) {
                        ConfirmedChunk.insert(insert, run, chunkNo++, chunk);
                    }
                    if (runId != run) {
                        chunkNo = 0;
                    }
                    run = runId;
                }
                String orderId = rs.getString("order_id");
                long created = seconds(rs.getString("created_at"), runId, orderId);
                String accepted = rs.getString("boss_accepted_at");
                long acceptedAt = accepted == null || accepted.isBlank()
                        ? ConfirmedChunk.NO_TIME
                        : seconds(accepted, runId, orderId);
                chunk.add(
                        orderId,
                        created,
                        rs.getString("channel"),
                        rs.getString("site_id"),
                        rs.getString("msisdn"),
                        rs.getString("sku"),
                        rs.getLong("qty"),
                        rs.getLong("amount_fen"),
                        rs.getLong("boss_net_fen"),
                        acceptedAt,
                        rs.getString("platform_status"),
                        rs.getInt("boss_live") != 0,
                        rs.getString("matched_by"));
            }
            if (chunk.rows() > 0) {
                ConfirmedChunk.insert(insert, run, chunkNo, chunk);
            }
        }
    }

    private static long seconds(String text, long runId, String orderId) {
        LocalDateTime t = LocalTimes.parseDateTimeOrDate(text)
                .orElseThrow(() -> new IllegalStateException("confirmed_order of run " + runId + ", order " + orderId
                        + ": unreadable date-time '" + text + "'; correct it and migrate again"));
        return t.toEpochSecond(ZoneOffset.UTC);
    }
}
