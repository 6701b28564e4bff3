package io.chanops.replenish.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderAsPlannedTest {
    private static final OrderAsPlanned READ =
            new OrderAsPlanned("RO-1", OrderStatus.OPEN, OrderKind.REGULAR, 5, 0, LocalDate.of(2026, 3, 4), "WH");

    @Test
    void anOrderThatReadsTheSameHasNoDifferences() {
        assertThat(READ.differences(new OrderAsPlanned(
                        "RO-1", OrderStatus.OPEN, OrderKind.REGULAR, 5, 0, LocalDate.of(2026, 3, 4), "WH")))
                .isEmpty();
    }

    @Test
    void anEscalationShowsKindQuantityAndDueDateInThatOrder() {
        OrderAsPlanned escalated =
                new OrderAsPlanned("RO-1", OrderStatus.OPEN, OrderKind.EMERGENCY, 9, 0, LocalDate.of(2026, 3, 2), "WH");
        assertThat(READ.differences(escalated))
                .containsExactly("kind regular -> emergency", "qty 5 -> 9", "due 2026-03-04 -> 2026-03-02");
        assertThat(new OrderChange("RO-1", READ.differences(escalated)))
                .hasToString("order RO-1: kind regular -> emergency, qty 5 -> 9, due 2026-03-04 -> 2026-03-02");
    }

    @Test
    void everyFieldThePlanUsedIsCompared() {
        assertThat(READ.differences(new OrderAsPlanned(
                        "RO-1", OrderStatus.CANCELLED, OrderKind.REGULAR, 5, 0, LocalDate.of(2026, 3, 4), "WH")))
                .containsExactly("status open -> cancelled");
        assertThat(READ.differences(new OrderAsPlanned(
                        "RO-1", OrderStatus.OPEN, OrderKind.REGULAR, 5, 2, LocalDate.of(2026, 3, 4), "WH")))
                .containsExactly("received 0 -> 2");
        assertThat(READ.differences(new OrderAsPlanned(
                        "RO-1", OrderStatus.OPEN, OrderKind.REGULAR, 5, 0, LocalDate.of(2026, 3, 4), "WH-2")))
                .containsExactly("warehouse WH -> WH-2");
        assertThat(READ.differences(new OrderAsPlanned(
                        "RO-1", OrderStatus.OPEN, OrderKind.REGULAR, 5, 0, LocalDate.of(2026, 3, 4), null)))
                .containsExactly("warehouse WH -> none");
    }

    @Test
    void aChangeIsAValueWhoseDifferencesCannotBeChangedAfterwards() {
        List<String> differences = new ArrayList<>(List.of("qty 5 -> 9"));
        OrderChange change = new OrderChange("RO-1", differences);
        differences.add("kind regular -> emergency");
        assertThat(change.differences()).containsExactly("qty 5 -> 9");
    }
}
