package io.chanops.replenish.planning;

import java.util.List;

/**
 * A solved plan: one route per vehicle (empty ones included, so the dispatcher sees idle vans), the orders left out
 * with why, the final score and the history of improvements (for the live line and the benchmark).
 */
public record PlanResult(
        List<Route> routes, List<UnservedOrder> unserved, String score, List<Improvement> improvements) {

    /** Minutes after midnight; one stop may unload several orders. */
    public record Stop(int stopNo, String siteId, int arrive, int depart, long load, List<DeliveryOrder> lines) {}

    public record Route(String vehicleId, String depot, int leaves, int returns, long travelMinutes, List<Stop> stops) {
        public long load() {
            return stops.stream().mapToLong(Stop::load).sum();
        }
    }

    public record UnservedOrder(DeliveryOrder order, String reason) {}

    /** A new best score found {@code millis} after solving started. */
    public record Improvement(long millis, String score, boolean feasible) {}

    public long vehiclesUsed() {
        return routes.stream().filter(r -> !r.stops().isEmpty()).count();
    }

    public long stops() {
        return routes.stream().mapToLong(r -> r.stops().size()).sum();
    }

    public long unitsDelivered() {
        return routes.stream().mapToLong(Route::load).sum();
    }

    public long unitsUnserved() {
        return unserved.stream().mapToLong(u -> u.order().qty()).sum();
    }

    public long emergencyUnitsUnserved() {
        return unserved.stream()
                .filter(u -> u.order().emergency())
                .mapToLong(u -> u.order().qty())
                .sum();
    }

    public long totalTravelMinutes() {
        return routes.stream().mapToLong(Route::travelMinutes).sum();
    }
}
