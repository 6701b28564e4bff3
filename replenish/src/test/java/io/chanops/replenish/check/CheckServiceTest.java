package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderService;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.policy.PolicyService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckServiceTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 9, 30); // cycle 8 of t=7 starts today

    @TempDir
    Path dir;

    ScenarioLedger s;

    @BeforeEach
    void setUp() {
        s = new ScenarioLedger(dir);
        // ST-1 PHONE: on hand 3, policy R 5 S 12 L 2 -> regular order of 9 at the review
        // ST-1 CASE: on hand 1, policy R 4 S 10 L 2 -> emergency order of 9
        // ST-2 PHONE: on hand 8 -> nothing
        s.moves(
                ScenarioLedger.SETUP,
                "2026-02-23 08:00,ST-1,PHONE,count,3,",
                "2026-02-23 08:00,ST-1,CASE,count,1,",
                "2026-02-23 08:00,ST-2,PHONE,count,8,",
                "2026-02-23 08:00,WH,PHONE,count,100,",
                "2026-02-23 08:00,WH,CASE,count,100,");
        s.policy("ST-1", "PHONE", 7, 5, 12, 2);
        s.policy("ST-1", "CASE", 7, 4, 10, 2);
        s.policy("ST-2", "PHONE", 7, 5, 12, 2);
    }

    /** Policy changes through the store, at the given clock. */
    private static final class PolicyStoreAccess {
        static void set(ScenarioLedger s, String site, String sku, int t, long r, long sLevel, long l) {
            PolicyService.of(s.ledger, TestLedgers.at(MONDAY.plusHours(1)))
                    .set(new PolicyService.Change(site, sku, t, r, sLevel, l, null, "test", null));
        }
    }

    private List<Order> orders() {
        return OrderService.of(s.ledger, TestLedgers.at(MONDAY)).list(OrderService.Filter.ALL);
    }

    @Test
    void firstCheckOfACycleRaisesTheHandComputedOrders() {
        CheckReport r = s.check(MONDAY);
        assertThat(r.reviewed()).isEqualTo(3);
        assertThat(r.emergencyRaised()).isTrue();
        assertThat(orders())
                .extracting(
                        Order::orderId,
                        Order::siteId,
                        Order::sku,
                        o -> o.kind().toString(),
                        Order::qty,
                        Order::dueDate,
                        Order::warehouse)
                .containsExactly(
                        Tuple.tuple("RO-20260302-000001", "ST-1", "CASE", "emergency", 9L, "2026-03-02", "WH"),
                        Tuple.tuple("RO-20260302-000002", "ST-1", "PHONE", "regular", 9L, "2026-03-04", "WH"));
    }

    @Test
    void rerunInTheSameCycleRaisesNothing() {
        s.check(MONDAY);
        CheckReport again = s.check(MONDAY.plusHours(3));
        assertThat(again.actions()).isEmpty();
        assertThat(again.reviewed()).isZero();
        assertThat(again.emergencyRaised()).isFalse();
        // later in the cycle too, even after more sales push the position below R again
        s.moves(LocalDateTime.of(2026, 3, 5, 10, 0), "2026-03-05 10:00,ST-2,PHONE,sale,4,");
        assertThat(s.check(LocalDateTime.of(2026, 3, 8, 9, 0)).actions()).isEmpty();
        assertThat(orders()).hasSize(2);
    }

    @Test
    void aNewCycleReviewsAgain() {
        s.check(MONDAY);
        s.moves(LocalDateTime.of(2026, 3, 5, 10, 0), "2026-03-05 10:00,ST-2,PHONE,sale,4,"); // on hand 4 < R 5
        CheckReport next = s.check(LocalDateTime.of(2026, 3, 9, 8, 0));
        assertThat(next.reviewed()).isEqualTo(3);
        assertThat(next.actions()).singleElement().satisfies(a -> {
            assertThat(a.siteId()).isEqualTo("ST-2");
            assertThat(a.kind()).isEqualTo(OrderKind.REGULAR);
            assertThat(a.qty()).isEqualTo(8);
            assertThat(a.orderId()).isEqualTo("RO-20260309-000001");
        });
    }

    @Test
    void aPolicyCreatedAfterTheCyclesReviewIsReviewedOnItsOwnOnce() {
        s.check(MONDAY);
        PolicyStoreAccess.set(s, "ST-2", "CASE", 7, 4, 10, 0); // no stock: position 0 < R 4
        CheckReport later = s.check(MONDAY.plusHours(2));
        assertThat(later.reviewed()).isEqualTo(1);
        assertThat(later.actions()).singleElement().satisfies(a -> {
            assertThat(a.siteId()).isEqualTo("ST-2");
            assertThat(a.kind()).isEqualTo(OrderKind.REGULAR);
            assertThat(a.qty()).isEqualTo(10);
        });
        CheckReport again = s.check(MONDAY.plusHours(3));
        assertThat(again.reviewed()).isZero();
        assertThat(again.actions()).isEmpty();
    }

    @Test
    void anEmergencyEscalatesTheOpenRegularOrder() {
        s.check(MONDAY); // regular order of 9 for ST-1 PHONE, position 12
        var imported =
                s.moves(LocalDateTime.of(2026, 3, 2, 10, 15), "2026-03-02 10:15,ST-1,PHONE,sale,2,"); // on hand 1 < L 2
        assertThat(imported.after().actions()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(Check.Action.ESCALATED);
            assertThat(a.orderId()).isEqualTo("RO-20260302-000002");
            assertThat(a.qty()).isEqualTo(2); // S 12 - position (1 + 9) = 2
            assertThat(a.orderQty()).isEqualTo(11);
        });
        Order o = orders().stream()
                .filter(x -> x.orderId().equals("RO-20260302-000002"))
                .findFirst()
                .orElseThrow();
        assertThat(o.kind()).isEqualTo(OrderKind.EMERGENCY);
        assertThat(o.qty()).isEqualTo(11);
        assertThat(o.dueDate()).isEqualTo("2026-03-02");
        assertThat(o.escalatedAt()).isEqualTo("2026-03-02 10:15:00");
        // escalated once: the emergency check afterwards leaves it alone
        assertThat(s.emergencyCheck(LocalDateTime.of(2026, 3, 2, 10, 30)).actions())
                .isEmpty();
    }

    @Test
    void emergencyOnlyChecksNeverReview() {
        CheckReport r = s.emergencyCheck(MONDAY);
        assertThat(r.reviewed()).isZero();
        assertThat(r.actions())
                .singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(OrderKind.EMERGENCY));
        // the full check later the same day still reviews: the regular order comes then
        CheckReport full = s.check(MONDAY.plusMinutes(30));
        assertThat(full.reviewed()).isEqualTo(3);
        assertThat(full.actions())
                .singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(OrderKind.REGULAR));
    }

    @Test
    void partialReceiptKeepsTheRestOnOrderAndWritesTheMoves() {
        s.check(MONDAY);
        OrderService.Receipt r =
                OrderService.of(s.ledger, TestLedgers.at(MONDAY.plusDays(1))).receive("RO-20260302-000002", 4L);
        assertThat(r.order().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(r.order().outstanding()).isEqualTo(5);
        assertThat(onHand("ST-1", "PHONE")).isEqualTo(7);
        assertThat(onHand("WH", "PHONE")).isEqualTo(96);
        OrderService.Receipt rest =
                OrderService.of(s.ledger, TestLedgers.at(MONDAY.plusDays(2))).receive("RO-20260302-000002", null);
        assertThat(rest.qty()).isEqualTo(5);
        assertThat(rest.order().status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(onHand("ST-1", "PHONE")).isEqualTo(12);
        assertThat(onHand("WH", "PHONE")).isEqualTo(91);
        long moves =
                s.ledger.read(h -> h.createQuery("SELECT COUNT(*) FROM stock_move WHERE ref = 'RO-20260302-000002'")
                        .mapTo(Long.class)
                        .one());
        assertThat(moves).isEqualTo(4);
    }

    private long onHand(String site, String sku) {
        return s.ledger.read(h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = :s AND sku = :k")
                .bind("s", site)
                .bind("k", sku)
                .mapTo(Long.class)
                .one());
    }

    @Test
    void twoConcurrentChecksNeverBothRaiseTheSameOrder() throws Exception {
        // Two separate ledger handles on the same file, as two cron jobs would be.
        var second = Ledger.open(dir.resolve("test.db").toString(), Duration.ofSeconds(20));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CheckReport>> runs = new ArrayList<>();
            for (var ledger : List.of(s.ledger, second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return CheckService.of(ledger, TestLedgers.at(MONDAY)).run(CheckSettings.defaults(), false);
                }));
            }
            int raised = 0;
            int emergencies = 0;
            for (Future<CheckReport> f : runs) {
                CheckReport r = f.get();
                raised += r.actions().size();
                emergencies += r.emergencyRaised() ? 1 : 0;
            }
            assertThat(raised).isEqualTo(2);
            assertThat(emergencies).isEqualTo(1);
            assertThat(orders()).hasSize(2);
            assertThat(orders()).extracting(Order::orderId).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
