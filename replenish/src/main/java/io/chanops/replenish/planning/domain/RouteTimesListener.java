package io.chanops.replenish.planning.domain;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps a vehicle's {@link RouteTimes} shadow variable in step with its list of visits.
 * <p>
 * Why on the vehicle and not an arrival-time chain on each visit: in OptaPlanner 10.1.0,
 * {@code SolutionDescriptor.countUnassignedValues} reads the list variable of <em>every</em> planning entity, so
 * making the visits planning entities (needed for per-visit shadow variables) fails at solve start with "Can not set
 * java.util.List field Vehicle.visits to Visit". Recomputing one route on each change costs O(route length), the same
 * as the route's travel and load sums that are recomputed anyway.
 */
public final class RouteTimesListener implements ListVariableListener<EmergencyPlan, Vehicle, Visit> {
    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<EmergencyPlan> scoreDirector, Visit visit) {}

    @Override
    public void beforeListVariableChanged(
            ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle, int from, int to) {}

    @Override
    public void afterListVariableChanged(
            ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle, int from, int to) {
        update(scoreDirector, vehicle);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle) {}

    @Override
    public void afterEntityAdded(ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle) {
        update(scoreDirector, vehicle);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle) {}

    @Override
    public void afterEntityRemoved(ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle) {}

    private static void update(ScoreDirector<EmergencyPlan> scoreDirector, Vehicle vehicle) {
        RouteTimes times = RouteTimes.of(vehicle);
        scoreDirector.beforeVariableChanged(vehicle, "times");
        vehicle.setTimes(times);
        scoreDirector.afterVariableChanged(vehicle, "times");
    }
}
