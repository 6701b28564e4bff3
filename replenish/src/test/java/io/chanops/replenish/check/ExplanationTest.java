package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplanationTest {
    @TempDir
    Path dir;

    /** On order counts every open order of the position, as the check does, not only the latest few. */
    @Test
    void onOrderCountsAnOldOpenOrderBehindManyNewerOnes() {
        ScenarioLedger s = new ScenarioLedger(dir);
        s.moves(ScenarioLedger.SETUP, "2026-02-23 08:00,ST-1,PHONE,receipt,10,R1");
        s.policy("ST-1", "PHONE", 7, 4, 12, 1);
        s.ledger.write(h -> {
            insertOrder(h, "RO-20260201-000001", "open", 5, "2026-02-01 09:00:00");
            for (int i = 2; i <= 12; i++) {
                insertOrder(
                        h,
                        String.format("RO-20260202-%06d", i),
                        "received",
                        3,
                        String.format("2026-02-02 %02d:00:00", i));
            }
            return null;
        });
        List<Explanation.Fact> facts = Explanation.of(s.ledger, TestLedgers.at(LocalDateTime.of(2026, 3, 2, 9, 30)))
                .explain("ST-1", "PHONE", CheckSettings.defaults());
        assertThat(facts).anySatisfy(f -> {
            assertThat(f.topic()).isEqualTo("on order");
            assertThat(f.value()).startsWith("5 (RO-20260201-000001 regular open 5)");
        });
        assertThat(facts).anySatisfy(f -> {
            assertThat(f.topic()).isEqualTo("inventory position");
            assertThat(f.value()).startsWith("15 ");
        });
        assertThat(facts).anySatisfy(f -> {
            assertThat(f.topic()).isEqualTo("last order");
            assertThat(f.value()).startsWith("RO-20260202-000012 regular 3 received");
        });
    }

    /** An unknown site or SKU is refused, naming the one meant: never explained as an empty position. */
    @Test
    void anUnknownSiteOrSkuIsRefusedNotExplainedAsEmpty() {
        ScenarioLedger s = new ScenarioLedger(dir);
        Explanation explanation = Explanation.of(s.ledger, TestLedgers.at(LocalDateTime.of(2026, 3, 2, 9, 30)));
        assertThat(TestLedgers.rejection(() -> explanation.explain("ST-1", "PHONEE", CheckSettings.defaults())))
                .containsExactly("replenish explain: --sku: unknown SKU 'PHONEE' (did you mean 'PHONE'?)");
        assertThat(TestLedgers.rejection(() -> explanation.explain("ST-9", "PHONE", CheckSettings.defaults())))
                .containsExactly(
                        "replenish explain: --site: unknown site 'ST-9' ('chanops site list' shows the sites)");
    }

    private static void insertOrder(Handle h, String id, String status, long qty, String raisedAt) {
        h.createUpdate("INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, received_qty, status, "
                        + "raised_at, due_date, updated_at) VALUES (:id, 'ST-1', 'PHONE', 'regular', :qty, "
                        + ":received, :status, :at, '2026-02-10', :at)")
                .bind("id", id)
                .bind("qty", qty)
                .bind("received", status.equals("received") ? qty : 0)
                .bind("status", status)
                .bind("at", raisedAt)
                .execute();
    }
}
