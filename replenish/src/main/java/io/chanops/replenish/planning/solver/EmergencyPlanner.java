package io.chanops.replenish.planning.solver;

import io.chanops.ledger.model.Site;
import io.chanops.replenish.planning.DeliveryOrder;
import io.chanops.replenish.planning.PlanInput;
import io.chanops.replenish.planning.PlanResult;
import io.chanops.replenish.planning.PlanResult.Improvement;
import io.chanops.replenish.planning.PlanResult.Route;
import io.chanops.replenish.planning.PlanResult.Stop;
import io.chanops.replenish.planning.PlanResult.UnservedOrder;
import io.chanops.replenish.planning.VehicleSpec;
import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.RouteTimes;
import io.chanops.replenish.planning.domain.StockLimit;
import io.chanops.replenish.planning.domain.TravelTimes;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Plans an emergency delivery day: orders that no vehicle could ever take (no vehicle at their warehouse, not enough
 * stock, larger than every van, store closed before any van can get there) are set aside with their reason; the rest
 * are solved with OptaPlanner (construction heuristic, then local search) or, for comparison, the greedy
 * nearest-neighbour baseline.
 */
public final class EmergencyPlanner {
    /** How the routes are found. */
    public enum Method {
        SOLVER,
        GREEDY
    }

    private EmergencyPlanner() {}

    public static PlanResult plan(
            PlanInput input, SolverSettings settings, Method method, Consumer<Improvement> onImprovement) {
        Map<String, Long> maxCapacity = new HashMap<>();
        Map<String, Integer> earliestStart = new HashMap<>();
        Map<String, Integer> longestShift = new HashMap<>();
        for (VehicleSpec v : input.vehicles()) {
            maxCapacity.merge(v.depot(), v.capacity(), Math::max);
            earliestStart.merge(v.depot(), minutes(v.shiftStart()), Math::min);
            longestShift.merge(v.depot(), Math.max(0, minutes(v.shiftEnd()) - minutes(v.shiftStart())), Math::max);
        }
        List<UnservedOrder> setAside = new ArrayList<>();
        List<DeliveryOrder> plannable = new ArrayList<>();
        for (DeliveryOrder o : sorted(input.orders())) {
            Optional<String> reason = neverPlannable(o, input, maxCapacity, earliestStart);
            reason.ifPresentOrElse(r -> setAside.add(new UnservedOrder(o, r)), () -> plannable.add(o));
        }
        EmergencyPlan problem = problem(input, plannable);
        // Orders set aside are unserved too: the reported score counts them, as if they had been on the standby
        // vehicle.
        long setAsideWeight = setAside.stream()
                .mapToLong(u -> u.order().qty() * (u.order().emergency() ? Visit.EMERGENCY_WEIGHT : 1))
                .sum();
        List<Improvement> improvements = new CopyOnWriteArrayList<>();
        EmergencyPlan solved;
        SolverFactory<EmergencyPlan> factory = SolverFactory.create(config(settings, DayScale.of(problem)));
        if (method == Method.GREEDY && !plannable.isEmpty()) {
            long start = System.nanoTime();
            solved = NearestNeighbour.plan(problem);
            SolutionManager.create(factory).update(solved);
            Improvement only = measured(
                    (System.nanoTime() - start) / 1_000_000,
                    withSetAside(solved.getScore(), setAsideWeight),
                    solved,
                    setAsideUnits(setAside));
            improvements.add(only);
            onImprovement.accept(only);
        } else if (plannable.isEmpty()) {
            // OptaPlanner refuses an empty value range; with nothing to route every constraint is 0.
            solved = problem;
            solved.setScore(HardMediumSoftLongScore.ZERO);
        } else {
            Solver<EmergencyPlan> solver = factory.buildSolver();
            solver.addEventListener(event -> {
                HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
                if (event.isEveryProblemChangeProcessed() && score.isSolutionInitialized()) {
                    Improvement i = measured(
                            event.getTimeMillisSpent(),
                            withSetAside(score, setAsideWeight),
                            event.getNewBestSolution(),
                            setAsideUnits(setAside));
                    improvements.add(i);
                    onImprovement.accept(i);
                }
            });
            if (settings.tuning().startsFromGreedy()) {
                // Local search then only ever improves on what a dispatcher would do by hand (the
                // construction heuristic's start is far worse on days with opening hours, see docs/BENCHMARKS.md).
                NearestNeighbour.plan(problem);
            }
            solved = solver.solve(problem);
        }
        solved.setScore(withSetAside(solved.getScore(), setAsideWeight));
        return result(input, solved, setAside, improvements);
    }

    private static long setAsideUnits(List<UnservedOrder> setAside) {
        return setAside.stream().mapToLong(u -> u.order().qty()).sum();
    }

    /** An improvement in words: broken hard rules counted one per van and rule (and per short SKU), units, minutes. */
    static Improvement measured(long millis, HardMediumSoftLongScore score, EmergencyPlan plan, long setAsideUnits) {
        long broken = 0;
        long unserved = setAsideUnits;
        long travel = 0;
        Map<String, Long> shipped = new HashMap<>();
        for (Vehicle v : plan.getVehicles()) {
            if (v.isStandby()) {
                unserved += v.getVisits().stream().mapToLong(Visit::getQty).sum();
                continue;
            }
            travel += v.travelMinutes();
            broken += (v.load() > v.getCapacity() ? 1 : 0)
                    + (v.lateMinutes() > 0 ? 1 : 0)
                    + (!v.getVisits().isEmpty() && v.returnTime() > v.getShiftEnd() ? 1 : 0)
                    + (v.unitsFromOtherWarehouses() > 0 ? 1 : 0);
            for (Visit visit : v.getVisits()) {
                shipped.merge(v.getDepot() + "\u0000" + visit.getSku(), visit.getQty(), Long::sum);
            }
        }
        for (StockLimit limit : plan.getStock()) {
            if (shipped.getOrDefault(limit.warehouse() + "\u0000" + limit.sku(), 0L) > limit.onHand()) {
                broken++;
            }
        }
        if (broken == 0 && !score.isFeasible()) {
            broken = 1; // a rule the count above does not know of: never say "0 broken rules" of an infeasible plan
        }
        return new Improvement(millis, score.toString(), score.isFeasible(), broken, unserved, travel);
    }

    private static HardMediumSoftLongScore withSetAside(HardMediumSoftLongScore score, long weight) {
        return HardMediumSoftLongScore.of(score.hardScore(), score.mediumScore() - weight, score.softScore());
    }

    static SolverConfig config(SolverSettings settings) {
        return config(settings, new DayScale(1, 0));
    }

    static SolverConfig config(SolverSettings settings, DayScale scale) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.timeLimit());
        LocalSearchPhaseConfig localSearch = settings.tuning().localSearch(scale);
        if (settings.maxSteps() != null) {
            localSearch.setTerminationConfig(new TerminationConfig().withStepCountLimit(settings.maxSteps()));
        } else {
            termination.setUnimprovedSpentLimit(settings.unimprovedFor(scale.stops()));
        }
        return new SolverConfig()
                .withSolutionClass(EmergencyPlan.class)
                .withEntityClasses(Vehicle.class)
                .withConstraintProviderClass(EmergencyConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(settings.seed())
                .withMoveThreadCount(settings.tuning().moveThreadCount())
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch);
    }

    private static List<DeliveryOrder> sorted(List<DeliveryOrder> orders) {
        // Input order must not change the plan: the solver sees visits in order id order.
        return orders.stream()
                .sorted(Comparator.comparing(DeliveryOrder::orderId))
                .toList();
    }

    private static Optional<String> neverPlannable(
            DeliveryOrder o, PlanInput input, Map<String, Long> maxCapacity, Map<String, Integer> earliestStart) {
        if (!maxCapacity.containsKey(o.warehouse())) {
            return Optional.of("no vehicle: none based at " + o.warehouse());
        }
        long available = input.available(o.warehouse(), o.sku());
        if (available < o.qty()) {
            return Optional.of("no stock: " + o.warehouse() + " has " + Math.max(0, available) + " of " + o.sku());
        }
        if (o.qty() > maxCapacity.get(o.warehouse())) {
            return Optional.of("no capacity: " + o.qty() + " units, largest vehicle at " + o.warehouse() + " takes "
                    + maxCapacity.get(o.warehouse()));
        }
        Site site = input.sites().get(o.siteId());
        TravelTimes t = input.travel();
        int there = t.minutes(t.index(o.warehouse()), t.index(o.siteId()));
        int arrive = earliestStart.get(o.warehouse()) + there;
        if (arrive > closes(site)) {
            return Optional.of("window/shift: "
                    + tooFar(o, input)
                            .orElse("the earliest van arrives " + clock(arrive) + ", the store closes at "
                                    + clock(closes(site))));
        }
        return Optional.empty();
    }

    static EmergencyPlan problem(PlanInput input, List<DeliveryOrder> orders) {
        TravelTimes travel = input.travel();
        List<Vehicle> vehicles = new ArrayList<>();
        for (VehicleSpec v : input.vehicles()) {
            vehicles.add(new Vehicle(
                    v.vehicleId(),
                    v.depot(),
                    travel.index(v.depot()),
                    v.capacity(),
                    minutes(v.shiftStart()),
                    minutes(v.shiftEnd()),
                    travel));
        }
        vehicles.add(Vehicle.standby());
        List<Visit> visits = new ArrayList<>();
        Map<String, Long> demand = new LinkedHashMap<>();
        for (DeliveryOrder o : orders) {
            Site site = input.sites().get(o.siteId());
            visits.add(new Visit(
                    o.orderId(),
                    o.siteId(),
                    travel.index(o.siteId()),
                    o.sku(),
                    o.qty(),
                    o.emergency(),
                    o.warehouse(),
                    opens(site),
                    closes(site),
                    input.serviceMinutes(),
                    travel));
            demand.merge(o.sku(), o.qty(), Long::sum);
        }
        // A SKU is scarce at a depot when the day's whole demand for it exceeds the depot's stock; only those get a
        // stock limit (a missing stock row counts as 0 on hand).
        List<StockLimit> stock = new ArrayList<>();
        Map<String, Set<String>> scarce = new HashMap<>();
        for (Vehicle v : vehicles) {
            if (v.isStandby() || scarce.containsKey(v.getDepot())) {
                continue;
            }
            Set<String> skus = new TreeSet<>();
            demand.forEach((sku, qty) -> {
                long onHand = input.available(v.getDepot(), sku);
                if (qty > onHand) {
                    skus.add(sku);
                    stock.add(new StockLimit(v.getDepot(), sku, onHand));
                }
            });
            scarce.put(v.getDepot(), skus);
        }
        for (Vehicle v : vehicles) {
            if (!v.isStandby()) {
                v.withScarceSkus(scarce.get(v.getDepot()));
            }
        }
        return new EmergencyPlan(vehicles, visits, stock, travel);
    }

    private static PlanResult result(
            PlanInput input, EmergencyPlan solved, List<UnservedOrder> setAside, List<Improvement> improvements) {
        Map<String, DeliveryOrder> byId = new HashMap<>();
        input.orders().forEach(o -> byId.put(o.orderId(), o));
        List<Route> routes = new ArrayList<>();
        Map<String, Long> shipped = new HashMap<>();
        Map<String, Long> spare = new HashMap<>();
        List<Visit> left = new ArrayList<>();
        for (Vehicle v : solved.getVehicles()) {
            if (v.isStandby()) {
                left.addAll(v.getVisits());
                continue;
            }
            List<Stop> stops = new ArrayList<>();
            List<DeliveryOrder> lines = new ArrayList<>();
            RouteTimes times = RouteTimes.of(v);
            List<Visit> route = v.getVisits();
            for (int i = 0; i < route.size(); i++) {
                Visit visit = route.get(i);
                lines.add(byId.get(visit.getOrderId()));
                shipped.merge(v.getDepot() + "\u0000" + visit.getSku(), visit.getQty(), Long::sum);
                boolean lastOfStop = i + 1 == route.size() || route.get(i + 1).getSiteIndex() != visit.getSiteIndex();
                if (lastOfStop) {
                    long load = lines.stream().mapToLong(DeliveryOrder::qty).sum();
                    stops.add(new Stop(
                            stops.size() + 1,
                            visit.getSiteId(),
                            times.arrive()[i],
                            times.depart()[i],
                            load,
                            List.copyOf(lines),
                            Math.max(0, visit.getOpens() - times.arrive()[i])));
                    lines = new ArrayList<>();
                }
            }
            spare.merge(v.getDepot(), v.getCapacity() - v.load(), Math::max);
            int back = route.isEmpty() ? v.getShiftStart() : times.back();
            routes.add(
                    new Route(v.getId(), v.getDepot(), v.getShiftStart(), back, v.travelMinutes(), List.copyOf(stops)));
        }
        List<UnservedOrder> unserved = new ArrayList<>(setAside);
        for (Visit visit : left) {
            DeliveryOrder o = byId.get(visit.getOrderId());
            long stockLeft = input.available(o.warehouse(), o.sku())
                    - shipped.getOrDefault(o.warehouse() + "\u0000" + o.sku(), 0L);
            String reason;
            if (stockLeft < o.qty()) {
                reason = "no stock: " + o.warehouse() + " has " + stockLeft + " of " + o.sku()
                        + " left after the planned deliveries";
            } else if (spare.getOrDefault(o.warehouse(), 0L) < o.qty()) {
                reason = "no capacity: the most room left on a vehicle at " + o.warehouse() + " is "
                        + spare.getOrDefault(o.warehouse(), 0L);
            } else {
                reason = "window/shift: "
                        + tooFar(o, input)
                                .orElse("no vehicle can reach the store while it is open and be back by shift end");
            }
            unserved.add(new UnservedOrder(o, reason));
        }
        unserved.sort(Comparator.comparing((UnservedOrder u) -> !u.order().emergency())
                .thenComparing(u -> u.order().orderId()));
        return new PlanResult(
                List.copyOf(routes),
                List.copyOf(unserved),
                String.valueOf(solved.getScore()),
                List.copyOf(improvements));
    }

    static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    private static int opens(Site s) {
        return s.opens() == null ? 0 : minutes(s.opens());
    }

    /** A store without hours takes deliveries all day; 23:59 means "until midnight". */
    private static int closes(Site s) {
        if (s.closes() == null) {
            return 24 * 60;
        }
        int c = minutes(s.closes());
        return c == 23 * 60 + 59 ? 24 * 60 : c;
    }

    /** {@code HH:MM}; past midnight shown as 24:10 etc. so a late arrival is never mistaken for a morning one. */
    /**
     * Why no van serves {@code o} when the direct trip there, the stop and the trip back take longer than the longest
     * shift of the warehouse's vans: most often a store placed far from its warehouse by its coordinates.
     */
    private static Optional<String> tooFar(DeliveryOrder o, PlanInput input) {
        int longestShift = input.vehicles().stream()
                .filter(v -> v.depot().equals(o.warehouse()))
                .mapToInt(v -> Math.max(0, minutes(v.shiftEnd()) - minutes(v.shiftStart())))
                .max()
                .orElse(0);
        TravelTimes t = input.travel();
        int roundTrip = t.minutes(t.index(o.warehouse()), t.index(o.siteId()))
                + input.serviceMinutes()
                + t.minutes(t.index(o.siteId()), t.index(o.warehouse()));
        if (roundTrip <= longestShift) {
            return Optional.empty();
        }
        return Optional.of("the round trip from " + o.warehouse() + " takes " + duration(roundTrip)
                + " with the stop, longer than the longest shift of its vans (" + duration(longestShift) + ")"
                + (roundTrip > 24 * 60 ? ": are the store's lat and lon right?" : ""));
    }

    /** {@code 33 h 14 min}: a length of time in minutes. */
    static String duration(int minutes) {
        return String.format("%d h %02d min", minutes / 60, minutes % 60);
    }

    public static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
