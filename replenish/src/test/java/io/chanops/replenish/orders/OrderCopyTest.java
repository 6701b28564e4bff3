package io.chanops.replenish.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * New orders raised by PostgreSQL's COPY and by the JDBC batches of the INSERT are the same rows: every kind, reasons
 * with the characters COPY's text format escapes (tab, newline, backslash) and non-ASCII text, no warehouse, no
 * reason, no check run. The batches also run on SQLite in every build; the COPY half needs a server
 * ({@link TestPostgres}; skipped without one).
 */
class OrderCopyTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void batchesOnSqliteStoreEveryOrder() {
        assertThat(raise(TestLedgers.fresh(dir), false)).hasSize(ORDERS);
    }

    @Test
    void copyStoresExactlyWhatTheBatchesStore() {
        List<String> viaBatches = raise(schemas.freshLedger(), false);
        List<String> viaCopy = raise(schemas.freshLedger(), true);
        assertThat(viaCopy).hasSize(ORDERS).isEqualTo(viaBatches);
        assertThat(viaCopy)
                .anyMatch(r -> r.contains("reason=null"))
                .anyMatch(r -> r.contains("warehouse=null"))
                .anyMatch(r -> r.contains("run_id=null"));
    }

    private static final int ORDERS = 2_500;

    private static List<String> raise(Ledger ledger, boolean copy) {
        String[] reasons = {null, "on hand 0 < L 2", "tab\there", "line\nbreak", "back\\slash", "补货 «urgent»", ""};
        Random random = new Random(5);
        List<OrderRepository.NewOrder> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int site = random.nextInt(5);
            orders.add(new OrderRepository.NewOrder(
                    String.format("RO-20260302-%06d", i + 1),
                    "S" + site,
                    "K\t" + random.nextInt(50),
                    OrderKind.values()[random.nextInt(OrderKind.values().length)],
                    1 + random.nextInt(40),
                    "2026-03-02 09:30:00",
                    "2026-03-0" + (2 + random.nextInt(3)),
                    site == 0 ? null : "WH",
                    reasons[random.nextInt(reasons.length)],
                    random.nextInt(4) == 0 ? null : 1L + random.nextInt(3)));
        }
        ledger.write(h -> {
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('WH', 'Warehouse', 'warehouse')");
            for (int s = 0; s < 5; s++) {
                h.execute(
                        "INSERT INTO site (site_id, name, kind, warehouse) VALUES (?, 'Store', 'store', ?)",
                        "S" + s,
                        s == 0 ? null : "WH");
            }
            for (int k = 0; k < 50; k++) {
                h.execute(
                        "INSERT INTO product (sku, type, name, price_fen, status, channels) VALUES "
                                + "(?, 'handset', ?, 100, 'listed', 'hall')",
                        "K\t" + k,
                        "名 " + k);
            }
            h.attach(OrderRepository.class).raise(orders, copy);
            return null;
        });
        return ledger.read(
                h -> h.createQuery("SELECT * FROM replenishment_order ORDER BY order_id").mapToMap().list().stream()
                        .map(Object::toString)
                        .toList());
    }
}
