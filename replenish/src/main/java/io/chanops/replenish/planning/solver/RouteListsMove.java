package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives some vehicles new visit lists at once (a ruin-and-recreate proposal, or its undo). The lists must together
 * hold the same visits as the vehicles' current lists, so every visit stays on exactly one vehicle.
 * <p>
 * The score director hears of the change in two rounds: first every vehicle loses the visits it gives away, then each
 * gets its new list. A visit is therefore never on two vehicles at once, which OptaPlanner's inverse and index
 * bookkeeping for list variables requires (a list change move also takes a visit out before it puts it in).
 */
final class RouteListsMove extends AbstractMove<EmergencyPlan> {
    private static final String VISITS = "visits";

    private final Map<Vehicle, List<Visit>> lists;

    RouteListsMove(Map<Vehicle, List<Visit>> lists) {
        this.lists = lists;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<EmergencyPlan> scoreDirector) {
        for (Map.Entry<Vehicle, List<Visit>> e : lists.entrySet()) {
            if (!e.getKey().getVisits().equals(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected RouteListsMove createUndoMove(ScoreDirector<EmergencyPlan> scoreDirector) {
        Map<Vehicle, List<Visit>> before = new LinkedHashMap<>();
        for (Vehicle v : lists.keySet()) {
            before.put(v, List.copyOf(v.getVisits()));
        }
        return new RouteListsMove(before);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<EmergencyPlan> scoreDirector) {
        for (Map.Entry<Vehicle, List<Visit>> e : lists.entrySet()) {
            Vehicle v = e.getKey();
            List<Visit> current = v.getVisits();
            Set<Visit> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.addAll(e.getValue());
            if (kept.containsAll(current)) {
                continue;
            }
            scoreDirector.beforeListVariableChanged(v, VISITS, 0, current.size());
            current.removeIf(visit -> !kept.contains(visit));
            scoreDirector.afterListVariableChanged(v, VISITS, 0, current.size());
        }
        for (Map.Entry<Vehicle, List<Visit>> e : lists.entrySet()) {
            Vehicle v = e.getKey();
            List<Visit> current = v.getVisits();
            if (current.equals(e.getValue())) {
                continue;
            }
            scoreDirector.beforeListVariableChanged(v, VISITS, 0, current.size());
            current.clear();
            current.addAll(e.getValue());
            scoreDirector.afterListVariableChanged(v, VISITS, 0, current.size());
        }
    }

    /** The same new lists on another copy of the plan (a move thread's), as multithreaded solving requires. */
    @Override
    public RouteListsMove rebase(ScoreDirector<EmergencyPlan> destination) {
        Map<Vehicle, List<Visit>> rebased = new LinkedHashMap<>();
        for (Map.Entry<Vehicle, List<Visit>> e : lists.entrySet()) {
            List<Visit> visits = new ArrayList<>(e.getValue().size());
            for (Visit v : e.getValue()) {
                visits.add(destination.lookUpWorkingObject(v));
            }
            rebased.put(destination.lookUpWorkingObject(e.getKey()), visits);
        }
        return new RouteListsMove(rebased);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.copyOf(lists.keySet());
    }

    @Override
    public Collection<?> getPlanningValues() {
        Set<Visit> values = new LinkedHashSet<>();
        lists.values().forEach(values::addAll);
        return new ArrayList<>(values);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RouteListsMove(" + VISITS + ")";
    }

    @Override
    public String toString() {
        return "new routes for " + lists.keySet();
    }
}
