package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.OperationContext;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.orders.OrderService;
import io.chanops.replenish.policy.PolicyRecord;
import io.chanops.replenish.policy.PolicyService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services record the acting user and time of their context, not whoever runs the JVM. */
class ActingUserTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    ScenarioLedger s;
    OperationContext anna;

    @BeforeEach
    void setUp() {
        s = new ScenarioLedger(dir);
        s.moves(ScenarioLedger.SETUP, "2026-02-23 08:00,ST-1,CASE,count,1,", "2026-02-23 08:00,WH,CASE,count,100,");
        anna = new OperationContext(
                Clock.fixed(MONDAY.atZone(TestLedgers.ZONE).toInstant(), TestLedgers.ZONE), TestLedgers.ZONE, "anna");
    }

    private List<String> column(String sql) {
        return s.ledger.read(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void policiesAreSetAndImportedByTheContextsUserAtItsTime() {
        PolicyService policies = PolicyService.of(s.ledger, anna);
        PolicyRecord p = policies.set(new PolicyService.Change("ST-1", "CASE", 7, 4L, 10L, 2L, null, "promo", null));
        assertThat(p.setBy()).isEqualTo("anna");
        assertThat(p.updatedAt()).isEqualTo("2026-03-02 09:30:00");
        policies.importFile(
                TestLedgers.write(dir, "policies.csv", "site_id,sku,t_days,R,S,L,locked", "ST-1,PHONE,7,2,5,1,false"),
                StandardCharsets.UTF_8,
                false,
                w -> {});
        assertThat(column("SELECT set_by FROM policy ORDER BY sku")).containsExactly("anna", "anna");
        assertThat(column("SELECT os_user || ' ' || imported_at FROM import_batch WHERE kind = 'policies'"))
                .containsExactly("anna 2026-03-02 09:30:00");
    }

    @Test
    void aCheckAndTheReceiptOfItsOrderAreRecordedAsTheContextsUser() {
        PolicyService.of(s.ledger, anna)
                .set(new PolicyService.Change("ST-1", "CASE", 7, 4L, 10L, 2L, null, null, null));
        CheckReport report = CheckService.of(s.ledger, anna).run(CheckSettings.defaults(), true);
        assertThat(report.actions())
                .singleElement()
                .satisfies(a -> assertThat(a.qty()).isEqualTo(9));
        assertThat(column("SELECT os_user || ' ' || at FROM check_run WHERE scope = 'emergency'"))
                .containsExactly("anna 2026-03-02 09:30:00");
        OrderService.of(s.ledger, anna).receive(report.actions().get(0).orderId(), null);
        assertThat(column("SELECT os_user FROM import_batch WHERE kind = '" + OrderService.RECEIPT_BATCH_KIND + "'"))
                .containsExactly("anna");
    }
}
