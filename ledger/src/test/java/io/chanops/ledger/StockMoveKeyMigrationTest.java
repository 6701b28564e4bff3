package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V17 on PostgreSQL: a ledger written by the V16 schema keeps its moves when stock_move is keyed by position
 * (site, SKU, time, move id), as on SQLite, and the separate position index is gone. Needs a server
 * ({@link TestPostgres}; skipped without one).
 */
class StockMoveKeyMigrationTest {
    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void aVersion16LedgerIsKeyedByPositionWithItsMoves() {
        String url = schemas.fresh();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration", "classpath:db/postgresql")
                .target("16")
                .load()
                .migrate();
        Jdbi.create(url).useHandle(h -> {
            h.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                    + "imported_at, os_user) VALUES (1, 'moves', 'm.csv', 'abc', 3, 3, '2026-03-01 10:00:00', 'u')");
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('S1', 'Store', 'store')");
            h.execute("INSERT INTO product (sku, type, name, price_fen, status, channels) "
                    + "VALUES ('H1', 'handset', 'Phone', 100, 'listed', 'hall')");
            h.execute("INSERT INTO stock_move VALUES (7, '2026-03-01 12:00:00', 'S1', 'H1', 'sale', 2, 'S-1', 1)");
            h.execute("INSERT INTO stock_move VALUES (5, '2026-03-01 08:00:00', 'S1', 'H1', 'receipt', 10, 'R-1', 1)");
            h.execute("INSERT INTO stock_move VALUES (9, '2026-03-01 12:00:00', 'S1', 'H1', 'sale', 1, NULL, 1)");
        });

        Ledger ledger = Ledger.open(LedgerLocation.parse(url), Duration.ofSeconds(2), TestLedgers.ZONE);

        List<String> moves = ledger.read(h -> h.createQuery("SELECT move_id || ' ' || kind FROM stock_move "
                        + "WHERE site_id = 'S1' AND sku = 'H1' ORDER BY at, move_id")
                .mapTo(String.class)
                .list());
        assertThat(moves).containsExactly("5 receipt", "7 sale", "9 sale");
        List<String> key = ledger.read(h -> h.createQuery("SELECT a.attname FROM pg_index i "
                        + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                        + "WHERE i.indrelid = 'stock_move'::regclass AND i.indisprimary "
                        + "ORDER BY array_position(i.indkey::int2[], a.attnum)")
                .mapTo(String.class)
                .list());
        assertThat(key).containsExactly("site_id", "sku", "at", "move_id");
        List<String> indexes = ledger.read(
                h -> h.createQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'stock_move' AND schemaname = "
                                + "current_schema() ORDER BY indexname")
                        .mapTo(String.class)
                        .list());
        assertThat(indexes).containsExactly("stock_move_document", "stock_move_pkey");
        assertThatThrownBy(() -> ledger.write(h -> h.execute("INSERT INTO stock_move VALUES "
                        + "(9, '2026-03-01 12:00:00', 'S1', 'H1', 'sale', 1, NULL, 1)")))
                .hasMessageContaining("stock_move_pkey");
    }
}
