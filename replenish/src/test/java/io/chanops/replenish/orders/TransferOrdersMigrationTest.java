package io.chanops.replenish.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V14 on SQLite: a ledger written by the V13 schema keeps its orders and indexes, and takes transfer orders. */
class TransferOrdersMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion13LedgerKeepsItsOrdersAndAcceptsTransfers() {
        Path db = dir.resolve("old.db");
        TestLedgers.sqliteAtVersion(db, "13").useHandle(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('S1', 'Store', 'store')");
            h.execute("INSERT INTO product (sku, type, name, price_fen, status, channels) VALUES ('H1', 'handset', "
                    + "'Phone', 100, 'listed', 'hall')");
            h.execute("INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, received_qty, status, "
                    + "raised_at, due_date, warehouse, updated_at, reason, run_id) VALUES ('RO-20260302-000001', 'S1', "
                    + "'H1', 'emergency', 9, 2, 'shipped', '2026-03-02 09:30:00', '2026-03-02', 'WH', "
                    + "'2026-03-02 10:00:00', 'on hand 1 < L 2', 1)");
            assertThatThrownBy(() -> h.execute("INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, "
                            + "status, raised_at, due_date, updated_at) VALUES ('RO-20260302-000002', 'S1', 'H1', "
                            + "'transfer', 1, 'open', 'x', 'x', 'x')"))
                    .hasMessageContaining("CHECK");
        });

        Ledger ledger = Ledger.open(db.toString(), Duration.ofSeconds(2));
        OrderRepository orders = ledger.repository(OrderRepository.class);

        Order kept = ledger.read(h -> orders.find("RO-20260302-000001")).orElseThrow();
        assertThat(kept.kind()).isEqualTo(OrderKind.EMERGENCY);
        assertThat(kept.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(kept.qty()).isEqualTo(9);
        assertThat(kept.outstanding()).isEqualTo(7);
        assertThat(kept.reason()).isEqualTo("on hand 1 < L 2");
        List<String> indexes = ledger.read(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
                        + "AND tbl_name = 'replenishment_order' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .mapTo(String.class)
                .list());
        assertThat(indexes).containsExactly("replenishment_order_due", "replenishment_order_position");

        ledger.write(h -> {
            orders.raise(List.of(new OrderRepository.NewOrder(
                    "RO-20260302-000002",
                    "S1",
                    "H1",
                    OrderKind.TRANSFER,
                    3,
                    "2026-03-02 10:00:00",
                    "2026-03-04",
                    "S2",
                    "rebalance",
                    null)));
            return null;
        });
        assertThat(ledger.read(h -> orders.find("RO-20260302-000002"))
                        .orElseThrow()
                        .kind())
                .isEqualTo(OrderKind.TRANSFER);
        assertThatThrownBy(() -> ledger.write(h -> h.execute("UPDATE replenishment_order SET kind = 'bogus'")))
                .isInstanceOf(RuntimeException.class);
    }
}
