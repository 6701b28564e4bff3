package io.chanops.replenish.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.Position;
import io.chanops.replenish.check.ScenarioLedger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderRepositoryTest {
    private static final String AT = "2026-03-02 09:30:00";

    @TempDir
    Path dir;

    ScenarioLedger s;
    OrderRepository orders;

    @BeforeEach
    void setUp() {
        s = new ScenarioLedger(dir);
        orders = s.ledger.repository(OrderRepository.class);
        s.ledger.write(h -> {
            orders.raise(List.of(
                    new OrderRepository.NewOrder(
                            "RO-20260302-000001",
                            "ST-1",
                            "PHONE",
                            OrderKind.REGULAR,
                            5,
                            AT,
                            "2026-03-04",
                            "WH",
                            "r",
                            1L),
                    new OrderRepository.NewOrder(
                            "RO-20260302-000002",
                            "ST-1",
                            "PHONE",
                            OrderKind.EMERGENCY,
                            3,
                            AT,
                            "2026-03-02",
                            "WH",
                            "e",
                            1L),
                    new OrderRepository.NewOrder(
                            "RO-20260302-000003",
                            "ST-2",
                            "CASE",
                            OrderKind.REGULAR,
                            7,
                            AT,
                            "2026-03-04",
                            "WH",
                            "r",
                            1L)));
            return null;
        });
    }

    @Test
    void statusesAndKindsAreStoredAsTheirCodesAndReadBack() {
        s.ledger.write(h -> {
            orders.setStatus("RO-20260302-000003", OrderStatus.CANCELLED, AT);
            return null;
        });
        List<String> stored = s.ledger.read(
                h -> h.createQuery("SELECT kind || ' ' || status FROM replenishment_order ORDER BY order_id")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).containsExactly("regular open", "emergency open", "regular cancelled");
        assertThat(orders.find("RO-20260302-000002")).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(OrderKind.EMERGENCY);
            assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(o.outstanding()).isEqualTo(3);
            assertThat(o.stopNo()).isNull();
        });
        assertThat(orders.list(OrderStatus.CANCELLED, null, null, null, null, null, null, null))
                .extracting(Order::orderId)
                .containsExactly("RO-20260302-000003");
        assertThat(orders.list(null, OrderKind.EMERGENCY, "2026-03-02", "ST-1", "PHONE", null, null, null))
                .extracting(Order::orderId)
                .containsExactly("RO-20260302-000002");
    }

    @Test
    void onlyOpenPlannedAndShippedOrdersAreOnOrder() {
        s.ledger.write(h -> {
            orders.setReceived("RO-20260302-000001", 2, OrderStatus.SHIPPED, AT);
            orders.setStatus("RO-20260302-000002", OrderStatus.RECEIVED, AT);
            orders.setStatus("RO-20260302-000003", OrderStatus.CANCELLED, AT);
            return null;
        });
        assertThat(OrderStatus.ON_ORDER).containsExactly(OrderStatus.OPEN, OrderStatus.PLANNED, OrderStatus.SHIPPED);
        assertThat(orders.onOrder()).extracting(Order::orderId).containsExactly("RO-20260302-000001");
        Map<Position, Long> onOrder = orders.onOrderByPosition(null, null);
        assertThat(onOrder).containsExactly(Map.entry(new Position("ST-1", "PHONE"), 3L));
        assertThat(orders.committedAtWarehouses()).containsExactly(new OrderRepository.Units("WH", "PHONE", 3));
    }

    @Test
    void onlyAnOpenOrderIsMarkedPlannedAndIdsContinueFromTheDaysHighest() {
        int marked =
                s.ledger.write(h -> orders.markPlanned("RO-20260302-000001", "VAN-1", LocalDate.of(2026, 3, 2), 2, AT));
        assertThat(marked).isEqualTo(1);
        assertThat(orders.find("RO-20260302-000001")).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.PLANNED);
            assertThat(o.vehicleId()).isEqualTo("VAN-1");
            assertThat(o.stopNo()).isEqualTo(2);
            assertThat(o.plannedFor()).isEqualTo("2026-03-02");
        });
        int again =
                s.ledger.write(h -> orders.markPlanned("RO-20260302-000001", "VAN-2", LocalDate.of(2026, 3, 2), 1, AT));
        assertThat(again).isZero();
        // off the vehicle again: open, no vehicle, stop or day; an order not planned is left as it is
        int opened = s.ledger.write(h -> orders.markOpen("RO-20260302-000001", AT));
        assertThat(opened).isEqualTo(1);
        assertThat(orders.find("RO-20260302-000001")).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(o.vehicleId()).isNull();
            assertThat(o.stopNo()).isNull();
            assertThat(o.plannedFor()).isNull();
        });
        int openAgain = s.ledger.write(h -> orders.markOpen("RO-20260302-000001", AT));
        assertThat(openAgain).isZero();
        assertThat(OrderIds.startAt(orders, LocalDate.of(2026, 3, 2)).next()).isEqualTo("RO-20260302-000004");
        assertThat(OrderIds.startAt(orders, LocalDate.of(2026, 3, 3)).next()).isEqualTo("RO-20260303-000001");
    }
}
