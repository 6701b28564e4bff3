package io.chanops.replenish.planning.solver;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionDistributionType;
import org.optaplanner.core.config.heuristic.selector.list.DestinationSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.list.SubListSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Local-search configurations compared by {@code scripts/bench/plan.sh}; {@link #DEFAULT} is the one the
 * measurements in docs/BENCHMARKS.md chose. The others stay selectable (hidden option {@code --tuning}) so the
 * comparison can be re-run.
 */
public enum SolverTuning {
    /**
     * Starts from the greedy nearest-neighbour plan, then simulated annealing over list change (nearby), list swap,
     * sub-list change/swap, k-opt (2..3) and ruin-and-recreate moves ({@link RuinRecreate}), one in six of each kind,
     * starting at the mean minutes from a stop to its nearest other place.
     */
    DEFAULT(true, Acceptor.SIMULATED_ANNEALING, 0, 1.0, 1.0),
    /**
     * DEFAULT with moves scored on two threads (OptaPlanner's multithreaded incremental solving) while the solver
     * thread selects and builds them; without k-opt moves, whose undo fails on a move thread in OptaPlanner 10.1.
     */
    TWO_MOVE_THREADS(true, Acceptor.SIMULATED_ANNEALING, 0, 1.0, 1.0, 2),
    /** DEFAULT starting three times as hot. */
    HOTTER(true, Acceptor.SIMULATED_ANNEALING, 0, 1.0, 3.0),
    /** DEFAULT starting half as hot. */
    COLDER(true, Acceptor.SIMULATED_ANNEALING, 0, 1.0, 0.5),
    /** DEFAULT with ruin and recreate three times as often as each list move kind. */
    MORE_RUIN_RECREATE(true, Acceptor.SIMULATED_ANNEALING, 0, 3.0, 1.0),
    /** DEFAULT with ruin and recreate nearly always (fifty times as often as each list move kind). */
    MOSTLY_RUIN_RECREATE(true, Acceptor.SIMULATED_ANNEALING, 0, 50.0, 1.0),
    /** The same moves with late acceptance (400) instead of simulated annealing. */
    RUIN_RECREATE_LATE_ACCEPTANCE(true, Acceptor.LATE_ACCEPTANCE, 400, 1.0, 0),
    /** The list moves alone (no ruin and recreate) with late acceptance (400): the default before ruin and recreate. */
    LIST_MOVES(true, Acceptor.LATE_ACCEPTANCE, 400),
    /** LIST_MOVES after OptaPlanner's construction heuristic instead of the greedy start. */
    CONSTRUCTION_HEURISTIC(true, Acceptor.LATE_ACCEPTANCE, 400),
    /** LIST_MOVES with a shorter late-acceptance memory. */
    LATE_ACCEPTANCE_100(true, Acceptor.LATE_ACCEPTANCE, 100),
    /** LIST_MOVES with a longer late-acceptance memory. */
    LATE_ACCEPTANCE_2000(true, Acceptor.LATE_ACCEPTANCE, 2000),
    /** LIST_MOVES without nearby selection. */
    NO_NEARBY(false, Acceptor.LATE_ACCEPTANCE, 400),
    /** LIST_MOVES with tabu search instead of late acceptance. */
    TABU(true, Acceptor.TABU, 0),
    /** OptaPlanner's own default local search for list variables (no move configuration). */
    OPTAPLANNER_DEFAULT(false, null, 0);

    enum Acceptor {
        LATE_ACCEPTANCE,
        SIMULATED_ANNEALING,
        TABU
    }

    private final boolean nearby;
    private final Acceptor acceptor;
    private final int lateAcceptanceSize;
    /** How often a ruin-and-recreate move is tried against one of each list move kind (0: never). */
    private final double ruinRecreateWeight;
    /** Simulated annealing's starting temperature in mean minutes from a stop to its nearest other place. */
    private final double temperatureFactor;
    /** Threads that score moves besides the solver thread (0: the solver thread scores them itself). */
    private final int moveThreads;

    SolverTuning(boolean nearby, Acceptor acceptor, int lateAcceptanceSize) {
        this(nearby, acceptor, lateAcceptanceSize, 0, 0);
    }

    SolverTuning(
            boolean nearby,
            Acceptor acceptor,
            int lateAcceptanceSize,
            double ruinRecreateWeight,
            double temperatureFactor) {
        this(nearby, acceptor, lateAcceptanceSize, ruinRecreateWeight, temperatureFactor, 0);
    }

    SolverTuning(
            boolean nearby,
            Acceptor acceptor,
            int lateAcceptanceSize,
            double ruinRecreateWeight,
            double temperatureFactor,
            int moveThreads) {
        this.moveThreads = moveThreads;
        this.temperatureFactor = temperatureFactor;
        this.nearby = nearby;
        this.acceptor = acceptor;
        this.lateAcceptanceSize = lateAcceptanceSize;
        this.ruinRecreateWeight = ruinRecreateWeight;
    }

    /** OptaPlanner's move thread count setting: {@code NONE} or the number of move threads. */
    String moveThreadCount() {
        return moveThreads == 0 ? SolverConfig.MOVE_THREAD_COUNT_NONE : Integer.toString(moveThreads);
    }

    /** Whether local search starts from the greedy nearest-neighbour plan (else from the construction heuristic). */
    boolean startsFromGreedy() {
        return this != CONSTRUCTION_HEURISTIC && this != OPTAPLANNER_DEFAULT;
    }

    /**
     * The local search for a day of this scale: simulated annealing starts at a multiple of the day's mean
     * nearest-place minutes, in travel minutes, and falls to 0 as the time limit (or the step limit) is used up.
     */
    LocalSearchPhaseConfig localSearch(DayScale scale) {
        long temperature = Math.max(1, Math.round(temperatureFactor * scale.nearestMinutes()));
        LocalSearchPhaseConfig phase = new LocalSearchPhaseConfig();
        if (acceptor == null) {
            return phase;
        }
        List<MoveSelectorConfig> moves = new ArrayList<>();
        moves.add(listChange("change"));
        moves.add(new ListSwapMoveSelectorConfig());
        moves.add(new SubListChangeMoveSelectorConfig()
                .withSelectReversingMoveToo(true)
                .withSubListSelectorConfig(
                        new SubListSelectorConfig().withMinimumSubListSize(2).withMaximumSubListSize(8)));
        moves.add(new SubListSwapMoveSelectorConfig()
                .withSelectReversingMoveToo(true)
                .withSubListSelectorConfig(
                        new SubListSelectorConfig().withMinimumSubListSize(1).withMaximumSubListSize(6)));
        if (moveThreads == 0) {
            moves.add(new KOptListMoveSelectorConfig().withMinimumK(2).withMaximumK(3));
        }
        if (ruinRecreateWeight > 0) {
            moves.add(new MoveIteratorFactoryConfig()
                    .withMoveIteratorFactoryClass(RuinRecreateMoves.class)
                    .withFixedProbabilityWeight(ruinRecreateWeight));
        }
        phase.setMoveSelectorConfig(
                new UnionMoveSelectorConfig().withMoveSelectors(moves.toArray(MoveSelectorConfig[]::new)));
        if (acceptor == Acceptor.SIMULATED_ANNEALING) {
            // only worse travel is ever accepted: no broken rule, no unit more unserved
            phase.setAcceptorConfig(new LocalSearchAcceptorConfig()
                    .withSimulatedAnnealingStartingTemperature("0hard/0medium/" + temperature + "soft"));
            phase.setForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        } else if (acceptor == Acceptor.LATE_ACCEPTANCE) {
            phase.setAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(lateAcceptanceSize));
            phase.setForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        } else {
            phase.setAcceptorConfig(new LocalSearchAcceptorConfig().withValueTabuSize(7));
            phase.setForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1000));
        }
        return phase;
    }

    private MoveSelectorConfig listChange(String id) {
        ListChangeMoveSelectorConfig change = new ListChangeMoveSelectorConfig();
        if (nearby) {
            change.withValueSelectorConfig(new ValueSelectorConfig().withId(id))
                    .withDestinationSelectorConfig(new DestinationSelectorConfig()
                            .withNearbySelectionConfig(new NearbySelectionConfig()
                                    .withOriginValueSelectorConfig(new ValueSelectorConfig().withMimicSelectorRef(id))
                                    .withNearbyDistanceMeterClass(VisitNearbyMeter.class)
                                    .withNearbySelectionDistributionType(
                                            NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION)
                                    .withParabolicDistributionSizeMaximum(40)));
        }
        return change;
    }
}
