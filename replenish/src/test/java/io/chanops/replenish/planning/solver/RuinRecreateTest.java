package io.chanops.replenish.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.RouteTimes;
import io.chanops.replenish.planning.domain.StockLimit;
import io.chanops.replenish.planning.domain.TravelTimes;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

class RuinRecreateTest {
    private static final int SITES = 13; // the warehouse (0) and 12 stores on a line, 7 minutes apart

    private static TravelTimes travel() {
        List<String> ids = new ArrayList<>();
        int[][] minutes = new int[SITES][SITES];
        for (int i = 0; i < SITES; i++) {
            ids.add(i == 0 ? "WH" : "S" + i);
            for (int j = 0; j < SITES; j++) {
                minutes[i][j] = 7 * Math.abs(i - j);
            }
        }
        return new TravelTimes(ids, minutes);
    }

    /** 12 stores, two orders at the last one (same stop), 3 vans, SKU "B" scarce (10 on hand); 37 units in all. */
    private static EmergencyPlan plan(int shiftEnd, long capacity) {
        TravelTimes t = travel();
        List<Visit> visits = new ArrayList<>();
        for (int s = 1; s < SITES; s++) {
            String sku = s % 4 == 0 ? "B" : "A";
            visits.add(new Visit("E" + s, "S" + s, s, sku, 2 + s % 3, true, "WH", 0, 24 * 60, 5, t));
        }
        visits.add(new Visit("E99", "S12", 12, "A", 1, false, "WH", 0, 24 * 60, 5, t));
        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            vehicles.add(new Vehicle("V" + v, "WH", 0, capacity, 480, shiftEnd, t).withScarceSkus(Set.of("B")));
        }
        vehicles.add(Vehicle.standby());
        EmergencyPlan plan = new EmergencyPlan(vehicles, visits, List.of(new StockLimit("WH", "B", 10)), t);
        NearestNeighbour.plan(plan);
        return plan;
    }

    private static InnerScoreDirector<EmergencyPlan, HardMediumSoftLongScore> scoreDirector(EmergencyPlan plan) {
        SolverConfig config = EmergencyPlanner.config(SolverSettings.of(Duration.ofSeconds(1), 0));
        DefaultSolverFactory<EmergencyPlan> factory =
                (DefaultSolverFactory<EmergencyPlan>) SolverFactory.<EmergencyPlan>create(config);
        InnerScoreDirector<EmergencyPlan, HardMediumSoftLongScore> director =
                factory.<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector(false, false);
        director.setWorkingSolution(plan);
        director.calculateScore();
        return director;
    }

    private static Map<Visit, Integer> placements(EmergencyPlan plan) {
        Map<Visit, Integer> count = new IdentityHashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            v.getVisits().forEach(visit -> count.merge(visit, 1, Integer::sum));
        }
        return count;
    }

    private static List<List<Visit>> routes(EmergencyPlan plan) {
        return plan.getVehicles().stream().map(v -> List.copyOf(v.getVisits())).toList();
    }

    @Test
    void everyVisitStaysOnExactlyOneVehicleAndUndoRestoresThePlan() {
        EmergencyPlan plan = plan(1080, 20);
        var director = scoreDirector(plan);
        EmergencyPlan working = director.getWorkingSolution();
        Map<Visit, List<Visit>> nearest = RuinRecreate.nearest(working.getVisits(), 60);
        Random random = new Random(7);
        int changed = 0;
        for (int i = 0; i < 300; i++) {
            List<List<Visit>> before = routes(working);
            HardMediumSoftLongScore scoreBefore = director.calculateScore();
            RouteListsMove move = new RouteListsMove(new RuinRecreate(working, nearest).propose(random));
            if (!move.isMoveDoable(director)) {
                continue;
            }
            changed++;
            var undo = move.doMove(director);
            director.calculateScore();
            assertThat(placements(working))
                    .hasSize(working.getVisits().size())
                    .allSatisfy((v, n) -> assertThat(n).isOne());
            for (Vehicle v : working.getVehicles()) {
                assertThat(v.getTimes()).isEqualTo(RouteTimes.of(v));
            }
            undo.doMove(director);
            assertThat(routes(working)).isEqualTo(before);
            assertThat(director.calculateScore()).isEqualTo(scoreBefore);
            // keep every third proposal so later ones start from other plans
            if (i % 3 == 0) {
                move.doMove(director);
            }
        }
        assertThat(changed).isGreaterThan(100);
        director.close();
    }

    @Test
    void recreationRespectsCapacityScarceStockAndShiftEnd() {
        // a short shift: 08:00-10:30
        recreationKeepsTheRules(plan(630, 20));
    }

    @Test
    void recreationOfNearlyFullVansRespectsCapacity() {
        // 37 units in 3 vans of 13: most stops taken out fit back in only one or two places
        recreationKeepsTheRules(plan(1080, 13));
    }

    private static void recreationKeepsTheRules(EmergencyPlan plan) {
        var director = scoreDirector(plan);
        EmergencyPlan working = director.getWorkingSolution();
        assertThat(director.calculateScore().hardScore()).isZero();
        Map<Visit, List<Visit>> nearest = RuinRecreate.nearest(working.getVisits(), 60);
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            new RouteListsMove(new RuinRecreate(working, nearest).propose(random)).doMove(director);
            assertThat(director.calculateScore().hardScore()).isZero();
            long scarce = 0;
            for (Vehicle v : working.getVehicles()) {
                if (v.isStandby()) {
                    continue;
                }
                assertThat(v.load()).isLessThanOrEqualTo(v.getCapacity());
                assertThat(v.returnTime()).isLessThanOrEqualTo(v.getShiftEnd());
                scarce += v.getVisits().stream()
                        .filter(x -> x.getSku().equals("B"))
                        .mapToLong(Visit::getQty)
                        .sum();
            }
            assertThat(scarce).isLessThanOrEqualTo(10);
        }
        director.close();
    }

    @Test
    void solvingWithOnlyRuinRecreateMovesPassesOptaPlannersFullAssert() {
        EmergencyPlan start = plan(1080, 20);
        long before =
                start.getVehicles().stream().mapToLong(Vehicle::travelMinutes).sum();
        EmergencyPlan solved = solveWithFullAssert(start);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().mediumScore()).isZero();
        assertThat(-solved.getScore().softScore()).isLessThanOrEqualTo(before);
    }

    @Test
    void nearlyFullVansPassOptaPlannersFullAssertToo() {
        EmergencyPlan solved = solveWithFullAssert(plan(1080, 13));
        assertThat(solved.getScore().hardScore()).isZero();
    }

    @Test
    void movesRebasedOntoMoveThreadsPassFullAssertAndRepeat() {
        // a rebased move must hold the move thread's own vehicles and visits, or FULL_ASSERT finds a corrupt score;
        // and the plan must not depend on which thread scored which move
        EmergencyPlan first = solveWithFullAssert(plan(1080, 20), "2");
        EmergencyPlan second = solveWithFullAssert(plan(1080, 20), "2");
        assertThat(first.getScore().hardScore()).isZero();
        assertThat(second.getScore()).isEqualTo(first.getScore());
        assertThat(routeIds(second)).isEqualTo(routeIds(first));
    }

    private static List<List<String>> routeIds(EmergencyPlan plan) {
        return plan.getVehicles().stream()
                .map(v -> v.getVisits().stream().map(Visit::getOrderId).toList())
                .toList();
    }

    /**
     * FULL_ASSERT recomputes the score from scratch after every move and its undo: a move that forgot to tell the
     * score director of a change, or an undo that does not restore the plan, fails here.
     */
    private static EmergencyPlan solveWithFullAssert(EmergencyPlan start) {
        return solveWithFullAssert(start, SolverConfig.MOVE_THREAD_COUNT_NONE);
    }

    private static EmergencyPlan solveWithFullAssert(EmergencyPlan start, String moveThreadCount) {
        SolverConfig config = new SolverConfig()
                .withMoveThreadCount(moveThreadCount)
                .withSolutionClass(EmergencyPlan.class)
                .withEntityClasses(Vehicle.class)
                .withConstraintProviderClass(EmergencyConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(3L)
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(
                                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RuinRecreateMoves.class))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(20))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                        .withTerminationConfig(new TerminationConfig().withStepCountLimit(100)));
        return SolverFactory.<EmergencyPlan>create(config).buildSolver().solve(start);
    }
}
