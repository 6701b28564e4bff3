package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * The ruin-and-recreate moves of local search ({@link RuinRecreate}), endless and random; each is built only when the
 * solver asks for it, from the working plan as it then is.
 */
public final class RuinRecreateMoves implements MoveIteratorFactory<EmergencyPlan, RouteListsMove> {
    /** Neighbours kept per visit: SISR's strings come from the few routes nearest the seed stop. */
    private static final int NEIGHBOURS = 60;

    private Map<Visit, List<Visit>> nearest = Map.of();

    @Override
    public void phaseStarted(ScoreDirector<EmergencyPlan> scoreDirector) {
        nearest = RuinRecreate.nearest(scoreDirector.getWorkingSolution().getVisits(), NEIGHBOURS);
    }

    @Override
    public void phaseEnded(ScoreDirector<EmergencyPlan> scoreDirector) {
        nearest = Map.of();
    }

    @Override
    public long getSize(ScoreDirector<EmergencyPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getVisits().size();
    }

    @Override
    public Iterator<RouteListsMove> createOriginalMoveIterator(ScoreDirector<EmergencyPlan> scoreDirector) {
        throw new UnsupportedOperationException("ruin-and-recreate moves are random only");
    }

    @Override
    public Iterator<RouteListsMove> createRandomMoveIterator(
            ScoreDirector<EmergencyPlan> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RouteListsMove next() {
                EmergencyPlan plan = scoreDirector.getWorkingSolution();
                Map<Vehicle, List<Visit>> lists = new RuinRecreate(plan, nearest).propose(random);
                return new RouteListsMove(lists);
            }
        };
    }
}
