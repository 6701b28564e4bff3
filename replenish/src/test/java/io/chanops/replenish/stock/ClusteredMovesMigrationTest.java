package io.chanops.replenish.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V7 on SQLite: a ledger written by the V6 schema keeps its moves, levels and ids when stock_move is clustered. */
class ClusteredMovesMigrationTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    @Test
    void aVersion6LedgerMigratesWithItsMovesAndLevelsAndContinuesTheIds() {
        Path db = dir.resolve("old.db");
        TestLedgers.sqliteAtVersion(db, "6").useHandle(h -> {
            h.execute("INSERT INTO import_batch VALUES (1, 'moves', 'm.csv', 'abc', 3, 3, '2026-03-01 10:00:00', 'u', "
                    + "0)");
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('S1', 'Store', 'store')");
            h.execute("INSERT INTO product (sku, type, name, price_fen, status, channels) VALUES ('H1', 'handset', "
                    + "'Phone', 100, 'listed', 'hall')");
            h.execute("INSERT INTO stock_move VALUES (7, '2026-03-01 12:00:00', 'S1', 'H1', 'sale', 2, 'S-1', 1)");
            h.execute("INSERT INTO stock_move VALUES (5, '2026-03-01 08:00:00', 'S1', 'H1', 'receipt', 10, 'R-1', 1)");
            h.execute("INSERT INTO stock_move VALUES (9, '2026-03-01 12:00:00', 'S1', 'H1', 'sale', 1, NULL, 1)");
            h.execute("INSERT INTO stock_level VALUES ('S1', 'H1', 7, '2026-03-01 12:00:00', 9)");
        });

        Ledger ledger = Ledger.open(db.toString(), Duration.ofSeconds(2));

        List<String> moves = ledger.read(h -> h.createQuery(
                        "SELECT move_id || ' ' || at || ' ' || kind || ' ' || qty || ' ' || COALESCE(ref, '-') "
                                + "FROM stock_move WHERE site_id = 'S1' AND sku = 'H1' ORDER BY at, move_id")
                .mapTo(String.class)
                .list());
        assertThat(moves)
                .containsExactly(
                        "5 2026-03-01 08:00:00 receipt 10 R-1",
                        "7 2026-03-01 12:00:00 sale 2 S-1",
                        "9 2026-03-01 12:00:00 sale 1 -");
        String ddl = ledger.read(h -> h.createQuery("SELECT sql FROM sqlite_master WHERE name = 'stock_move'")
                .mapTo(String.class)
                .one());
        assertThat(ddl).contains("WITHOUT ROWID");
        assertThat((Long) ledger.read(h -> h.createQuery("SELECT next_id FROM id_counter WHERE name = 'stock_move'")
                        .mapTo(Long.class)
                        .one()))
                .isEqualTo(10);

        // a later import continues after the old ids and folds onto the migrated level
        ledger.write(h ->
                h.execute("INSERT INTO product (sku, type, name, price_fen, status, channels) VALUES ('H2', 'handset', "
                        + "'P2', 100, 'listed', 'hall')"));
        Path f = TestLedgers.write(
                dir, "more.csv", "at,site_id,sku,kind,qty,ref", "2026-03-01 13:00,S1,H1,receipt,3,R-2");
        new MoveImport(ledger, OperationContext.at(NOW, ledger.zone()))
                .importFile(f, StandardCharsets.UTF_8, false, w -> {}, null, null);
        assertThat((Long) ledger.read(
                        h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = 'S1' AND sku = 'H1'")
                                .mapTo(Long.class)
                                .one()))
                .isEqualTo(10);
        assertThat((Long) ledger.read(h -> h.createQuery("SELECT move_id FROM stock_move WHERE ref = 'R-2'")
                        .mapTo(Long.class)
                        .one()))
                .isEqualTo(10);
        assertThat((Long) ledger.read(h -> h.createQuery("SELECT next_id FROM id_counter WHERE name = 'stock_move'")
                        .mapTo(Long.class)
                        .one()))
                .isEqualTo(11);
    }
}
