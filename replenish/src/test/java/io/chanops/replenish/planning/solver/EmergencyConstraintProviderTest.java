package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.RouteTimes;
import io.chanops.replenish.planning.domain.StockLimit;
import io.chanops.replenish.planning.domain.TravelTimes;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class EmergencyConstraintProviderTest {
    // WH (0), A (1), B (2): 10 minutes between any two places
    private static final TravelTimes TRAVEL = new TravelTimes(
            List.of("WH", "A", "B", "WH2"),
            new int[][] {{0, 10, 10, 10}, {10, 0, 10, 10}, {10, 10, 0, 10}, {10, 10, 10, 0}});
    private final ConstraintVerifier<EmergencyConstraintProvider, EmergencyPlan> verifier =
            ConstraintVerifier.build(new EmergencyConstraintProvider(), EmergencyPlan.class, Vehicle.class);

    private static Vehicle van(long capacity, int shiftStart, int shiftEnd) {
        return new Vehicle("VAN-1", "WH", 0, capacity, shiftStart, shiftEnd, TRAVEL);
    }

    private static Visit visit(String id, String site, String sku, long qty, boolean emergency, int opens, int closes) {
        return new Visit(id, site, TRAVEL.index(site), sku, qty, emergency, "WH", opens, closes, 5, TRAVEL);
    }

    private static Visit visit(String id, String site, long qty) {
        return visit(id, site, "SKU", qty, true, 0, 24 * 60);
    }

    /** Puts the visits on the vehicle in order and sets its shadow times, as the listener does during solving. */
    private static Vehicle connect(Vehicle vehicle, Visit... visits) {
        vehicle.setVisits(new ArrayList<>(List.of(visits)));
        vehicle.setTimes(RouteTimes.of(vehicle));
        return vehicle;
    }

    @Test
    void vehicleCapacityUnpenalized() {
        verifier.verifyThat(EmergencyConstraintProvider::vehicleCapacity)
                .given(connect(van(10, 480, 1080), visit("1", "A", 4), visit("2", "B", 6)))
                .penalizesBy(0);
    }

    @Test
    void vehicleCapacityPenalizedByUnitsOver() {
        verifier.verifyThat(EmergencyConstraintProvider::vehicleCapacity)
                .given(connect(van(10, 480, 1080), visit("1", "A", 7), visit("2", "B", 6)))
                .penalizesBy(3);
    }

    @Test
    void warehouseStockUnpenalizedWhenOnHandCoversAllVehicles() {
        Vehicle a = connect(van(50, 480, 1080), visit("1", "A", 4));
        Vehicle b = connect(new Vehicle("VAN-2", "WH", 0, 50, 480, 1080, TRAVEL), visit("2", "B", 6));
        verifier.verifyThat(EmergencyConstraintProvider::warehouseStock)
                .given(a, b, new StockLimit("WH", "SKU", 10))
                .penalizesBy(0);
    }

    @Test
    void warehouseStockPenalizedWhenTwoVehiclesTogetherShipMoreThanOnHand() {
        Vehicle a = connect(van(50, 480, 1080), visit("1", "A", 4));
        Vehicle b = connect(new Vehicle("VAN-2", "WH", 0, 50, 480, 1080, TRAVEL), visit("2", "B", 6));
        verifier.verifyThat(EmergencyConstraintProvider::warehouseStock)
                .given(a, b, new StockLimit("WH", "SKU", 7))
                .penalizesBy(3);
    }

    @Test
    void supplyingWarehouseUnpenalizedForOwnDepot() {
        verifier.verifyThat(EmergencyConstraintProvider::supplyingWarehouse)
                .given(connect(van(50, 480, 1080), visit("1", "A", 4)))
                .penalizesBy(0);
    }

    @Test
    void supplyingWarehousePenalizedWhenAnotherWarehouseVanLoadsIt() {
        Vehicle other = connect(new Vehicle("VAN-9", "WH2", 3, 50, 480, 1080, TRAVEL), visit("1", "A", 4));
        verifier.verifyThat(EmergencyConstraintProvider::supplyingWarehouse)
                .given(other)
                .penalizesBy(4);
    }

    @Test
    void storeWindowUnpenalizedWhenEarlyVanWaitsForOpening() {
        // leaves 08:00, reaches A at 08:10, store opens 09:00: waiting is allowed
        verifier.verifyThat(EmergencyConstraintProvider::storeWindow)
                .given(connect(van(50, 480, 1080), visit("1", "A", "SKU", 1, true, 540, 1260)))
                .penalizesBy(0);
    }

    @Test
    void storeWindowPenalizedByMinutesAfterClosing() {
        // reaches A 08:10, leaves 08:15, reaches B 08:25; B closed at 08:20
        verifier.verifyThat(EmergencyConstraintProvider::storeWindow)
                .given(connect(van(50, 480, 1080), visit("1", "A", 1), visit("2", "B", "SKU", 1, true, 0, 500)))
                .penalizesBy(5);
    }

    @Test
    void shiftEndUnpenalizedWhenBackInTime() {
        // 08:00 -> A 08:10, leaves 08:15 -> back 08:25
        verifier.verifyThat(EmergencyConstraintProvider::shiftEnd)
                .given(connect(van(50, 480, 505), visit("1", "A", 1)))
                .penalizesBy(0);
    }

    @Test
    void shiftEndPenalizedByMinutesLate() {
        verifier.verifyThat(EmergencyConstraintProvider::shiftEnd)
                .given(connect(van(50, 480, 500), visit("1", "A", 1)))
                .penalizesBy(5);
    }

    @Test
    void unservedUnitsUnpenalizedWhenAllOnVehicles() {
        verifier.verifyThat(EmergencyConstraintProvider::unservedUnits)
                .given(connect(van(50, 480, 1080), visit("1", "A", 3)), connect(Vehicle.standby()))
                .penalizesBy(0);
    }

    @Test
    void unservedEmergencyUnitsWeighMoreThanRegularOnes() {
        verifier.verifyThat(EmergencyConstraintProvider::unservedUnits)
                .given(connect(
                        Vehicle.standby(),
                        visit("1", "A", "SKU", 3, true, 0, 1440),
                        visit("2", "B", "SKU", 4, false, 0, 1440)))
                .penalizesBy(3 * Visit.EMERGENCY_WEIGHT + 4);
    }

    @Test
    void travelMinutesUnpenalizedForIdleVehicle() {
        verifier.verifyThat(EmergencyConstraintProvider::travelMinutes)
                .given(connect(van(50, 480, 1080)))
                .penalizesBy(0);
    }

    @Test
    void travelMinutesCountSameStoreBackToBackOnce() {
        // WH -> A -> A -> B -> WH = 10 + 0 + 10 + 10
        verifier.verifyThat(EmergencyConstraintProvider::travelMinutes)
                .given(connect(van(50, 480, 1080), visit("1", "A", 1), visit("2", "A", 1), visit("3", "B", 1)))
                .penalizesBy(30);
    }

    @Test
    void sameStoreBackToBackSharesOneServiceTime() {
        Vehicle v = connect(van(50, 480, 1080), visit("1", "A", 1), visit("2", "A", 1));
        // 08:00 + 10 = 08:10, one 5-minute service, back 10 minutes later
        Assertions.assertThat(v.returnTime()).isEqualTo(480 + 10 + 5 + 10);
    }
}
