package io.chanops.replenish.planning;

import java.util.List;

/**
 * A solved plan: one route per vehicle (empty ones included, so the dispatcher sees idle vans), the orders left out
 * with why, the final score and the history of improvements (for the live line and the benchmark).
 */
public record PlanResult(
        List<Route> routes, List<UnservedOrder> unserved, String score, List<Improvement> improvements) {

    /**
     * Minutes after midnight; one stop may unload several orders. {@code waitMinutes}: minutes the van waits there for
     * the store to open (it arrived before its opening hour).
     */
    public record Stop(
            int stopNo, String siteId, int arrive, int depart, long load, List<DeliveryOrder> lines, int waitMinutes) {}

    public record Route(String vehicleId, String depot, int leaves, int returns, long travelMinutes, List<Stop> stops) {
        public long load() {
            return stops.stream().mapToLong(Stop::load).sum();
        }
    }

    public record UnservedOrder(DeliveryOrder order, String reason) {}

    /**
     * A new best score found {@code millis} after solving started, and what it means: how many hard rules the plan
     * breaks (a van over capacity, a late arrival, a shift overrun, a warehouse short of stock, each counted once),
     * the units it leaves unserved and its minutes of driving.
     */
    public record Improvement(
            long millis, String score, boolean feasible, long brokenRules, long unitsUnserved, long travelMinutes) {
        public Improvement(long millis, String score, boolean feasible) {
            this(millis, score, feasible, 0, 0, 0);
        }
    }

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
