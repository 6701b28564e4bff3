package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * How close a destination (a visit to insert after, or a vehicle to insert at the start of) is to a visit being moved:
 * the minutes from there to the visit's store. Nearby selection then tries mostly short insertions, which is where
 * better routes are.
 */
public final class VisitNearbyMeter implements NearbyDistanceMeter<Visit, Object> {
    @Override
    public double getNearbyDistance(Visit origin, Object destination) {
        if (destination instanceof Visit v) {
            return origin.minutesFrom(v.getSiteIndex());
        }
        Vehicle vehicle = (Vehicle) destination;
        // The standby vehicle is nowhere: moving a visit there is never the short move, so it ranks last.
        return vehicle.isStandby() ? Double.MAX_VALUE : origin.minutesFrom(vehicle.getDepotIndex());
    }
}
