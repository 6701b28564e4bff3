package io.chanops.reconcile.match;

import static io.chanops.reconcile.match.Rows.boss;
import static io.chanops.reconcile.match.Rows.order;
import static io.chanops.reconcile.platform.PlatformStatus.CANCELLED;
import static io.chanops.reconcile.platform.PlatformStatus.COMPLETED;
import static io.chanops.reconcile.platform.PlatformStatus.PAID;
import static io.chanops.reconcile.platform.PlatformStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.reconcile.boss.BossRow;
import io.chanops.reconcile.platform.PlatformOrder;
import io.chanops.reconcile.run.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private final Reconciler exact = new Reconciler(0, 30 * 60);

    /** The subscriber of the fallback tests: orders and BOSS rows that can meet only by msisdn, amount and time. */
    private static final String MSISDN = "13911112222";

    private static PlatformOrder subscriberOrder(String id, String created, long fen) {
        return order(id, created, MSISDN, fen, COMPLETED);
    }

    /** A BOSS row of the subscriber without an order ref, so only the fallback can match it. */
    private static BossRow unreferencedRow(String bossId, String accepted, long fen) {
        return boss(bossId, "", MSISDN, accepted, fen);
    }

    private static Item only(Reconciler.Result r, Category c) {
        List<Item> items = r.of(c);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void orderAndOneBossRowWithTheSameAmountAreMatchedByOrderRef() {
        var r = exact.reconcile(List.of(order("A", 1000, COMPLETED)), List.of(boss("B1", "A", 1000)));
        Item item = only(r, Category.MATCHED);
        assertThat(item.matchedBy()).isEqualTo("order_ref");
        assertThat(r.summary().discrepancies()).isZero();
    }

    @Test
    void extraCopiesOfABossIdAreDuplicateBossAndTheFirstIsKept() {
        var r = exact.reconcile(
                List.of(order("A", 1000, COMPLETED)),
                List.of(boss("B1", "A", 1000), boss("B1", "A", 1000), boss("B1", "A", 1000)));
        assertThat(r.of(Category.DUPLICATE_BOSS))
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.bossFen()).isEqualTo(1000));
        assertThat(only(r, Category.MATCHED).bossFen()).isEqualTo(1000);
    }

    @Test
    void extraCopiesOfAnOrderIdAreDuplicatePlatformWithTheirOwnAmount() {
        var r = exact.reconcile(
                List.of(order("A", 1000, COMPLETED), order("A", 1200, COMPLETED)), List.of(boss("B1", "A", 1000)));
        assertThat(only(r, Category.DUPLICATE_PLATFORM).platformFen()).isEqualTo(1200);
        assertThat(only(r, Category.MATCHED).platformFen()).isEqualTo(1000);
    }

    @Test
    void aRefundedOrderWithAReversalPairIsMatchedWithNetZeroAndNotLive() {
        var r = exact.reconcile(
                List.of(order("A", 5999_00, REFUNDED)),
                List.of(
                        boss("B1", "A", "2026-01-05 10:05:00", 5999_00, true),
                        boss("B2", "A", "2026-01-06 09:00:00", -5999_00, false)));
        Item item = only(r, Category.MATCHED);
        assertThat(item.bossFen()).isZero();
        assertThat(item.group().live()).isFalse();
        assertThat(item.group().bossIds()).isEqualTo("B1|B2");
    }

    @Test
    void aLiveOrderWhoseBossGroupWasReversedIsAStatusMismatch() {
        var r = exact.reconcile(
                List.of(order("A", 1000, COMPLETED)),
                List.of(
                        boss("B1", "A", "2026-01-05 10:05:00", 1000, true),
                        boss("B2", "A", "2026-01-05 11:00:00", -1000, false)));
        assertThat(only(r, Category.STATUS_MISMATCH).group().status()).isEqualTo("cancelled");
    }

    @Test
    void aRefundedOrderStillLiveInBossIsAStatusMismatch() {
        var r = exact.reconcile(List.of(order("A", 1000, REFUNDED)), List.of(boss("B1", "A", 1000)));
        only(r, Category.STATUS_MISMATCH);
    }

    @Test
    void theLatestRowByAcceptedAtDecidesLivenessNotTheFileOrder() {
        // re-submitted after a reversal: the latest row is completed, so the group is live; the file lists it first
        var r = exact.reconcile(
                List.of(order("A", 1000, COMPLETED)),
                List.of(
                        boss("B3", "A", "2026-01-05 12:00:00", 1000, true),
                        boss("B1", "A", "2026-01-05 10:05:00", 1000, true),
                        boss("B2", "A", "2026-01-05 11:00:00", -1000, false)));
        Item item = only(r, Category.MATCHED);
        assertThat(item.bossFen()).isEqualTo(1000);
        assertThat(item.group().latest().bossId()).isEqualTo("B3");
    }

    @Test
    void aSplitOrderPaidInTwoBossTransactionsIsMatchedOnTheirSum() {
        var r = exact.reconcile(
                List.of(order("A", 5499_00, COMPLETED)), List.of(boss("B1", "A", 4999_00), boss("B2", "A", 500_00)));
        Item item = only(r, Category.MATCHED);
        assertThat(item.bossFen()).isEqualTo(5499_00);
        assertThat(item.group().size()).isEqualTo(2);
    }

    @Test
    void anAmountOffByOneFenIsAnAmountMismatchUnlessWithinTolerance() {
        List<PlatformOrder> p = List.of(order("A", 1199_00, COMPLETED));
        List<BossRow> b = List.of(boss("B1", "A", 1198_99));
        Item item = only(exact.reconcile(p, b), Category.AMOUNT_MISMATCH);
        assertThat(item.bossFen() - item.platformFen()).isEqualTo(-1);
        only(new Reconciler(1, 1800).reconcile(p, b), Category.MATCHED);
    }

    @Test
    void amountsAreNotComparedWhenNeitherSideIsLive() {
        var r = exact.reconcile(
                List.of(order("A", 1000, CANCELLED)),
                List.of(
                        boss("B1", "A", "2026-01-05 10:05:00", 900, true),
                        boss("B2", "A", "2026-01-05 10:06:00", -900, false)));
        only(r, Category.MATCHED);
    }

    @Test
    void anOrderWithoutBossGroupIsMissingInBossWhenLiveAndOkCancelledOtherwise() {
        var r = exact.reconcile(
                List.of(order("A", 1000, PAID), order("B", 1000, CANCELLED), order("C", 1000, REFUNDED)), List.of());
        assertThat(only(r, Category.MISSING_IN_BOSS).orderId()).isEqualTo("A");
        assertThat(r.of(Category.OK_CANCELLED)).extracting(Item::orderId).containsExactly("B", "C");
    }

    @Test
    void groupsAndRowsWithoutAPlatformOrderAreMissingInPlatform() {
        var r = exact.reconcile(
                List.of(),
                List.of(
                        boss("B1", "X", 1000),
                        boss("B2", "X", 500),
                        boss("B3", "", "13900000000", "2026-01-05 10:00:00", 59_00)));
        assertThat(r.of(Category.MISSING_IN_PLATFORM)).extracting(Item::bossFen).containsExactly(1500L, 59_00L);
    }

    @Test
    void aRowWithoutOrderRefIsMatchedByMsisdnAmountAndTimeWithinTheWindow() {
        var r = exact.reconcile(
                List.of(subscriberOrder("A", "2026-01-05 10:00:00", 1000)),
                List.of(unreferencedRow("B1", "2026-01-05 10:30:00", 1000)));
        assertThat(only(r, Category.MATCHED).matchedBy()).isEqualTo("fallback");
    }

    @Test
    void aRowWithoutOrderRefOutsideTheWindowOrWithAnotherAmountIsNotMatched() {
        var r = exact.reconcile(
                List.of(subscriberOrder("A", "2026-01-05 10:00:00", 1000)),
                List.of(
                        unreferencedRow("B1", "2026-01-05 10:30:01", 1000),
                        unreferencedRow("B2", "2026-01-05 10:01:00", 1001)));
        only(r, Category.MISSING_IN_BOSS);
        assertThat(r.of(Category.MISSING_IN_PLATFORM)).hasSize(2);
    }

    @Test
    void withTwoFallbackCandidatesTheNearestInTimeWins() {
        var r = exact.reconcile(
                List.of(
                        subscriberOrder("A", "2026-01-05 10:00:00", 3000),
                        subscriberOrder("B", "2026-01-05 10:12:00", 3000)),
                List.of(unreferencedRow("B1", "2026-01-05 10:15:00", 3000)));
        assertThat(only(r, Category.MATCHED).orderId()).isEqualTo("B");
        assertThat(only(r, Category.MISSING_IN_BOSS).orderId()).isEqualTo("A");
    }

    @Test
    void withTwoCandidatesAtTheSameDistanceTheSmallerOrderIdWins() {
        var r = exact.reconcile(
                List.of(
                        subscriberOrder("Z9", "2026-01-05 10:00:00", 3000),
                        subscriberOrder("A1", "2026-01-05 10:20:00", 3000)),
                List.of(unreferencedRow("B1", "2026-01-05 10:10:00", 3000)));
        assertThat(only(r, Category.MATCHED).orderId()).isEqualTo("A1");
    }

    @Test
    void anOrderThatHasAGroupByOrderRefIsNoFallbackCandidate() {
        var r = exact.reconcile(
                List.of(subscriberOrder("A", "2026-01-05 10:00:00", 3000)),
                List.of(
                        boss("B1", "A", "2026-01-05 10:01:00", 3000, true),
                        unreferencedRow("B2", "2026-01-05 10:02:00", 3000)));
        only(r, Category.MATCHED);
        assertThat(only(r, Category.MISSING_IN_PLATFORM).group().bossIds()).isEqualTo("B2");
    }

    @Test
    void twoFallbackRowsForOneOrderGiveItOneAndLeaveTheOtherMissingInPlatform() {
        var r = exact.reconcile(
                List.of(subscriberOrder("A", "2026-01-05 10:00:00", 3000)),
                List.of(
                        unreferencedRow("B1", "2026-01-05 10:09:00", 3000),
                        unreferencedRow("B2", "2026-01-05 10:04:00", 3000)));
        assertThat(only(r, Category.MATCHED).group().bossIds()).isEqualTo("B2");
        assertThat(only(r, Category.MISSING_IN_PLATFORM).group().bossIds()).isEqualTo("B1");
    }

    @Test
    void aCarriedMissingOrderFoundByOrderRefIsResolvedLateInsteadOfMissingInPlatform() {
        PlatformOrder january = subscriberOrder("J", "2026-01-25 09:00:00", 59_00);
        var r = exact.reconcile(
                List.of(),
                List.of(boss("B1", "J", "2026-02-03 10:17:05", 59_00, true)),
                List.of(new CarriedOrder(7, 1, january)));
        Item item = only(r, Category.RESOLVED_LATE);
        assertThat(item.carried().itemId()).isEqualTo(7);
        assertThat(r.of(Category.MISSING_IN_PLATFORM)).isEmpty();
        assertThat(r.summary().discrepancies()).isZero();
        assertThat(Reports.ageDays(item)).isEqualTo(9);
    }

    @Test
    void summaryAmountsAddBackToTheFileTotals() {
        List<PlatformOrder> p = List.of(
                order("A", 1000, COMPLETED),
                order("A", 1000, COMPLETED),
                order("B", 700, PAID),
                order("C", 300, CANCELLED));
        List<BossRow> b =
                List.of(boss("B1", "A", 1000), boss("B1", "A", 1000), boss("B2", "X", 250), boss("B3", "B", 699));
        Summary s = exact.reconcile(p, b).summary();
        assertThat(s.platformTotalFen()).isEqualTo(3000);
        assertThat(s.bossTotalFen()).isEqualTo(2949);
        assertThat(s.platformRows()).isEqualTo(4);
    }
}
