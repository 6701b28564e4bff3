package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger of the chunk era (confirmed orders as {@code confirmed_chunk} blobs, made by that era's chanops: see
 * {@code db/chunk-ledger/make.sh}) upgrades to rows: V13 decodes every chunk into the rows that era's reader returned.
 */
class ChunkLedgerUpgradeTest {
    private static final String FIXTURE = "/db/chunk-ledger/";

    @TempDir
    Path dir;

    static Path copyOfChunkLedger(Path dir) throws IOException {
        Path db = dir.resolve("chunk-ledger.sqlite");
        try (InputStream in = Objects.requireNonNull(
                ChunkLedgerUpgradeTest.class.getResourceAsStream(FIXTURE + "chunk-ledger.sqlite"))) {
            Files.copy(in, db);
        }
        return db;
    }

    private static List<String> expectedRows() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                ChunkLedgerUpgradeTest.class.getResourceAsStream(FIXTURE + "chunk-ledger-rows.tsv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .toList();
        }
    }

    @Test
    void everyChunkBecomesTheRowsTheChunkReaderReturned() throws IOException {
        Ledger ledger = Ledger.open(copyOfChunkLedger(dir).toString(), Duration.ofSeconds(2));
        // ORDER BY order_id compares UTF-8 bytes, i.e. code points: the order the expectations were sorted in
        List<String> rows =
                ledger.read(h -> h.createQuery("SELECT run_id, order_id, created_at, created_month, channel, site_id, "
                                + "msisdn, sku, qty, amount_fen, boss_net_fen, boss_accepted_at, platform_status, "
                                + "boss_live, matched_by FROM confirmed_order ORDER BY run_id, order_id")
                        .map((rs, ctx) -> {
                            assertThat(rs.getString("created_month"))
                                    .isEqualTo(rs.getString("created_at").substring(0, 7));
                            StringBuilder line = new StringBuilder();
                            for (String column : List.of(
                                    "run_id",
                                    "order_id",
                                    "created_at",
                                    "channel",
                                    "site_id",
                                    "msisdn",
                                    "sku",
                                    "qty",
                                    "amount_fen",
                                    "boss_net_fen",
                                    "boss_accepted_at",
                                    "platform_status",
                                    "boss_live",
                                    "matched_by")) {
                                String value = rs.getString(column);
                                line.append(line.length() == 0 ? "" : "\t").append(value == null ? "\\N" : value);
                            }
                            return line.toString();
                        })
                        .list());
        assertThat(rows).containsExactlyElementsOf(expectedRows());
        assertThat(rows).hasSize(679);
        // the counts by kind are the view's sales counted
        List<String> counted =
                ledger.read(h -> h.createQuery("SELECT created_month, site_id, sku, order_date, boss_net_fen, "
                                + "SUM(orders), SUM(units) FROM confirmed_sale_count "
                                + "GROUP BY created_month, site_id, sku, order_date, boss_net_fen ORDER BY 1, 2, 3, 4, "
                                + "5")
                        .map((rs, ctx) -> line(rs, 7))
                        .list());
        List<String> sales =
                ledger.read(h -> h.createQuery("SELECT created_month, site_id, sku, substr(created_at, 1, 10), "
                                + "boss_net_fen, COUNT(*), SUM(qty) FROM confirmed_sale "
                                + "GROUP BY created_month, site_id, sku, substr(created_at, 1, 10), boss_net_fen ORDER "
                                + "BY 1, 2, 3, 4, 5")
                        .map((rs, ctx) -> line(rs, 7))
                        .list());
        assertThat(counted).isNotEmpty().containsExactlyElementsOf(sales);
        assertThat(tables(ledger)).contains("confirmed_order").doesNotContain("confirmed_chunk", "confirmed_order_v3");
    }

    @Test
    void aDamagedChunkStopsTheUpgradeAndLeavesTheLedgerAsItWas() throws IOException {
        Path db = copyOfChunkLedger(dir);
        Jdbi.create("jdbc:sqlite:" + db)
                .useHandle(h ->
                        h.execute("UPDATE confirmed_chunk SET payload = substr(payload, 1, length(payload) - 3) WHERE "
                                + "run_id = 2 AND chunk_no = 4"));
        assertThatThrownBy(() -> Ledger.open(db.toString(), Duration.ofSeconds(2)))
                .isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("confirmed_chunk of run 2, chunk 4 is damaged");
        int chunks = Jdbi.create("jdbc:sqlite:" + db)
                .withHandle(h -> h.createQuery("SELECT count(*) FROM confirmed_chunk")
                        .mapTo(Integer.class)
                        .one());
        assertThat(chunks).isEqualTo(17);
    }

    private static String line(ResultSet rs, int columns) throws SQLException {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            line.append(i == 1 ? "" : "\t").append(rs.getString(i));
        }
        return line.toString();
    }

    private static List<String> tables(Ledger ledger) {
        return ledger.read(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                .mapTo(String.class)
                .list());
    }
}
