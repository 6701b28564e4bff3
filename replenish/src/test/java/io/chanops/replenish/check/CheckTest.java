package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.policy.Policy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {
    private static final CheckSettings SETTINGS = CheckSettings.defaults();
    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 2, 9, 30);
    private static final Policy POLICY = new Policy(7, 5, 12, 2); // t=7 R=5 S=12 L=2

    private static Check.PositionInput position(long onHand, long onOrder, boolean reviewDue, Check.OpenOrder... open) {
        return new Check.PositionInput("ST-1", "SKU-1", POLICY, onHand, onOrder, reviewDue, List.of(open));
    }

    private static Check.OpenOrder regular(String id, long qty, OrderStatus status) {
        return new Check.OpenOrder(id, OrderKind.REGULAR, status, qty, qty, "2026-03-01 08:00:00");
    }

    @Test
    void onHandBelowLRaisesAnEmergencyOrderUpToS() {
        Check.Outcome o = Check.decide(position(1, 0, false), MORNING, SETTINGS, true);
        assertThat(o.decision()).hasValueSatisfying(d -> {
            assertThat(d.action()).isEqualTo(Check.Action.RAISED);
            assertThat(d.kind()).isEqualTo(OrderKind.EMERGENCY);
            assertThat(d.qty()).isEqualTo(11);
            assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        });
    }

    @Test
    void onHandExactlyAtLIsNotAnEmergency() {
        assertThat(Check.decide(position(2, 0, false), MORNING, SETTINGS, true).decision())
                .isEmpty();
    }

    @Test
    void inventoryPositionBelowRAtAReviewRaisesARegularOrderDueAfterLeadDays() {
        Check.Outcome o = Check.decide(position(3, 1, true), MORNING, SETTINGS, true);
        assertThat(o.reviewed()).isTrue();
        assertThat(o.decision()).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo(OrderKind.REGULAR);
            assertThat(d.qty()).isEqualTo(8); // S 12 - position 4
            assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 3, 4));
        });
    }

    @Test
    void inventoryPositionExactlyAtRDoesNotReorder() {
        Check.Outcome o = Check.decide(position(3, 2, true), MORNING, SETTINGS, true);
        assertThat(o.reviewed()).isTrue();
        assertThat(o.decision()).isEmpty();
    }

    @Test
    void belowRWithoutADueReviewOrdersNothing() {
        Check.Outcome o = Check.decide(position(3, 0, false), MORNING, SETTINGS, true);
        assertThat(o.reviewed()).isFalse();
        assertThat(o.decision()).isEmpty();
    }

    @Test
    void emergencyRaisedBefore11IsDueTodayAndAt11Tomorrow() {
        LocalDateTime before = LocalDateTime.of(2026, 3, 2, 10, 59, 59);
        LocalDateTime at = LocalDateTime.of(2026, 3, 2, 11, 0);
        assertThat(Check.decide(position(0, 0, false), before, SETTINGS, true)
                        .decision()
                        .orElseThrow()
                        .dueDate())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Check.decide(position(0, 0, false), at, SETTINGS, true)
                        .decision()
                        .orElseThrow()
                        .dueDate())
                .isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void configuredCutoffMovesTheDueDate() {
        CheckSettings early = new CheckSettings(SETTINGS.anchor(), LocalTime.of(9, 0), 2);
        assertThat(Check.decide(position(0, 0, false), MORNING, early, true)
                        .decision()
                        .orElseThrow()
                        .dueDate())
                .isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void anEmergencyDuringAPeriodicReviewRaisesNoSecondRegularOrder() {
        Check.Outcome o = Check.decide(position(1, 0, true), MORNING, SETTINGS, true);
        assertThat(o.reviewed()).isTrue();
        assertThat(o.emergencyHandled()).isTrue();
        assertThat(o.decision().orElseThrow().kind()).isEqualTo(OrderKind.EMERGENCY);
    }

    @Test
    void anOpenRegularOrderIsEscalatedInsteadOfAddingAnEmergencyOrder() {
        // on hand 1, regular order of 6 open: position 7; the order grows by S 12 - 7 = 5
        Check.Outcome o =
                Check.decide(position(1, 6, true, regular("RO-1", 6, OrderStatus.OPEN)), MORNING, SETTINGS, true);
        Check.Decision d = o.decision().orElseThrow();
        assertThat(d.action()).isEqualTo(Check.Action.ESCALATED);
        assertThat(d.escalatedOrderId()).isEqualTo("RO-1");
        assertThat(d.qty()).isEqualTo(5);
        assertThat(d.kind()).isEqualTo(OrderKind.EMERGENCY);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void escalationAddsNothingWhenThePositionAlreadyReachesS() {
        Check.Decision d = Check.decide(
                        position(1, 15, false, regular("RO-1", 15, OrderStatus.OPEN)), MORNING, SETTINGS, true)
                .decision()
                .orElseThrow();
        assertThat(d.action()).isEqualTo(Check.Action.ESCALATED);
        assertThat(d.qty()).isZero();
    }

    @Test
    void theOldestOpenRegularOrderIsTheOneEscalated() {
        Check.OpenOrder older =
                new Check.OpenOrder("RO-A", OrderKind.REGULAR, OrderStatus.OPEN, 2, 2, "2026-02-20 08:00:00");
        Check.OpenOrder newer =
                new Check.OpenOrder("RO-B", OrderKind.REGULAR, OrderStatus.OPEN, 2, 2, "2026-02-27 08:00:00");
        Check.Decision d = Check.decide(position(0, 4, false, newer, older), MORNING, SETTINGS, true)
                .decision()
                .orElseThrow();
        assertThat(d.escalatedOrderId()).isEqualTo("RO-A");
    }

    @Test
    void aShippedRegularOrderIsNotEscalatedButCountsInThePosition() {
        Check.Decision d = Check.decide(
                        position(0, 5, false, regular("RO-1", 5, OrderStatus.SHIPPED)), MORNING, SETTINGS, true)
                .decision()
                .orElseThrow();
        assertThat(d.action()).isEqualTo(Check.Action.RAISED);
        assertThat(d.qty()).isEqualTo(7); // S 12 - (0 + 5)
    }

    @Test
    void anOpenEmergencyOrderMeansNothingNewEvenBelowLAndAtAReview() {
        Check.OpenOrder emergency =
                new Check.OpenOrder("RO-E", OrderKind.EMERGENCY, OrderStatus.PLANNED, 3, 3, "2026-03-02 08:00:00");
        Check.Outcome o = Check.decide(position(0, 3, true, emergency), MORNING, SETTINGS, true);
        assertThat(o.decision()).isEmpty();
        assertThat(o.reviewed()).isTrue();
    }

    @Test
    void noEmergencyOrderWhenOrdersAlreadyCoverS() {
        Check.Outcome o =
                Check.decide(position(0, 12, false, regular("RO-1", 12, OrderStatus.SHIPPED)), MORNING, SETTINGS, true);
        assertThat(o.decision()).isEmpty();
        assertThat(o.emergencyHandled()).isTrue();
    }

    @Test
    void emergencyOnlyRunsNeverReview() {
        Check.Outcome o = Check.decide(position(3, 0, true), MORNING, SETTINGS, false);
        assertThat(o.reviewed()).isFalse();
        assertThat(o.decision()).isEmpty();
    }
}
