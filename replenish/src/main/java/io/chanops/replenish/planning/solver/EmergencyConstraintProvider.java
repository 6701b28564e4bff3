package io.chanops.replenish.planning.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import io.chanops.replenish.planning.domain.StockLimit;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of an emergency delivery day (SPEC §6). Hard: what cannot happen on the road. Medium: units left
 * unserved, an emergency unit weighing {@link Visit#EMERGENCY_WEIGHT} regular ones. Soft: minutes driven.
 */
public final class EmergencyConstraintProvider implements ConstraintProvider {
    public static final String VEHICLE_CAPACITY = "Vehicle capacity";
    public static final String WAREHOUSE_STOCK = "Warehouse stock";
    public static final String SUPPLYING_WAREHOUSE = "Loaded at the supplying warehouse";
    public static final String STORE_WINDOW = "Store opening hours";
    public static final String SHIFT_END = "Back at depot by shift end";
    public static final String UNSERVED_UNITS = "Unserved units";
    public static final String TRAVEL_MINUTES = "Travel minutes";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            // hard
            vehicleCapacity(factory),
            warehouseStock(factory),
            supplyingWarehouse(factory),
            storeWindow(factory),
            shiftEnd(factory),
            // medium
            unservedUnits(factory),
            // soft
            travelMinutes(factory),
        };
    }

    Constraint vehicleCapacity(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> !v.isStandby() && v.load() > v.getCapacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> v.load() - v.getCapacity())
                .asConstraint(VEHICLE_CAPACITY);
    }

    /** Summed over every vehicle of the depot: two vans cannot both take the last handset. */
    Constraint warehouseStock(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .flattenLast(Vehicle::skuLoads)
                .groupBy(Vehicle.SkuLoad::depot, Vehicle.SkuLoad::sku, sumLong(Vehicle.SkuLoad::qty))
                .join(
                        StockLimit.class,
                        Joiners.equal((depot, sku, qty) -> depot, StockLimit::warehouse),
                        Joiners.equal((depot, sku, qty) -> sku, StockLimit::sku))
                .filter((depot, sku, qty, limit) -> qty > limit.onHand())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (depot, sku, qty, limit) -> qty - limit.onHand())
                .asConstraint(WAREHOUSE_STOCK);
    }

    /** The order's warehouse ships it (receiving writes the transfer out of that warehouse). */
    Constraint supplyingWarehouse(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> v.unitsFromOtherWarehouses() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Vehicle::unitsFromOtherWarehouses)
                .asConstraint(SUPPLYING_WAREHOUSE);
    }

    /** Arriving after closing is late by that many minutes; arriving before opening only means waiting. */
    Constraint storeWindow(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> v.lateMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Vehicle::lateMinutes)
                .asConstraint(STORE_WINDOW);
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> !v.isStandby() && v.returnTime() > v.getShiftEnd())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> v.returnTime() - v.getShiftEnd())
                .asConstraint(SHIFT_END);
    }

    Constraint unservedUnits(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> v.unservedWeight() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Vehicle::unservedWeight)
                .asConstraint(UNSERVED_UNITS);
    }

    Constraint travelMinutes(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(v -> !v.isStandby() && !v.getVisits().isEmpty())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Vehicle::travelMinutes)
                .asConstraint(TRAVEL_MINUTES);
    }
}
