package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.StockLimit;
import io.chanops.replenish.planning.domain.TravelTimes;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Ruin and recreate on a plan, in the manner of SISR (Christiaens and Vanden Berghe, "Slack induction by string
 * removals", 2020): take out strings of stops near a random stop from a few routes (or, now and then, a random set of
 * stops), then put every stop taken out, and every stop left unserved, back at its cheapest feasible place.
 * <p>
 * It only proposes new routes: it reads the plan and never changes it; the move that applies the routes is scored like
 * any other, so the score stays the judge. Feasible here means what the hard rules of
 * {@link EmergencyConstraintProvider} say: loaded at the order's warehouse, within the van's capacity, within the
 * depot's stock of a scarce SKU, at no store after closing and back by shift end. A stop that fits nowhere goes to
 * the standby vehicle (unserved).
 */
final class RuinRecreate {
    /** Average number of stops taken out by a string removal (SISR's c-bar). */
    static final int AVERAGE_REMOVED = 10;
    /** Longest string taken out of one route (SISR's L-max). */
    static final int MAX_STRING = 10;
    /** Chance that an insertion position is skipped (SISR's blink rate): varied recreations from one ruin. */
    static final double BLINK = 0.01;
    /** Share of ruins that take out a random set of stops instead of strings of nearby ones. */
    static final double RANDOM_RUIN = 0.1;
    /** Recreations tried from one ruin before it is given up for leaving more units unserved. */
    static final int RECREATE_ATTEMPTS = 3;

    private final EmergencyPlan plan;
    private final Map<Visit, List<Visit>> nearest;

    /** {@code nearest}: for each visit, the other visits by travel minutes from its store, nearest first. */
    RuinRecreate(EmergencyPlan plan, Map<Visit, List<Visit>> nearest) {
        this.plan = plan;
        this.nearest = nearest;
    }

    /** Each visit's neighbours by travel minutes from its store, nearest first; at most {@code keep} each. */
    static Map<Visit, List<Visit>> nearest(List<Visit> visits, int keep) {
        Map<Visit, List<Visit>> nearest = new IdentityHashMap<>();
        for (Visit v : visits) {
            List<Visit> others = new ArrayList<>(visits.size());
            for (Visit o : visits) {
                if (o != v) {
                    others.add(o);
                }
            }
            // stable sort over the plan's visit order: ties keep the same order on every run
            others.sort(Comparator.comparingInt(o -> o.minutesFrom(v.getSiteIndex())));
            nearest.put(v, List.copyOf(others.subList(0, Math.min(keep, others.size()))));
        }
        return nearest;
    }

    /**
     * New visit lists of the vehicles the ruin touched (the standby vehicle among them when it gains or loses stops),
     * in the plan's vehicle order; empty when nothing could be taken out.
     */
    Map<Vehicle, List<Visit>> propose(Random random) {
        List<Vehicle> vehicles = plan.getVehicles();
        Vehicle standby = null;
        Map<Vehicle, List<Visit>> routes = new LinkedHashMap<>();
        Map<Visit, Vehicle> vehicleOf = new IdentityHashMap<>();
        List<Visit> served = new ArrayList<>();
        for (Vehicle v : vehicles) {
            routes.put(v, new ArrayList<>(v.getVisits()));
            for (Visit visit : v.getVisits()) {
                vehicleOf.put(visit, v);
            }
            if (v.isStandby()) {
                standby = v;
            } else {
                served.addAll(v.getVisits());
            }
        }
        if (served.isEmpty()) {
            return Map.of();
        }
        List<Visit> removed = new ArrayList<>();
        Set<Vehicle> touched = new LinkedHashSet<>();
        Ruin ruin = new Ruin(served, vehicleOf, routes, removed, touched);
        if (random.nextDouble() < RANDOM_RUIN) {
            ruinRandom(ruin, random);
        } else {
            ruinStrings(ruin, random);
        }
        if (removed.isEmpty()) {
            return Map.of();
        }
        if (standby != null && !routes.get(standby).isEmpty()) {
            // every unserved stop gets another chance
            removed.addAll(routes.get(standby));
            routes.get(standby).clear();
            touched.add(standby);
        }
        long unservedBefore = standby == null ? 0 : unservedWeight(standby.getVisits());
        Map<Vehicle, List<Visit>> ruined = copyOf(routes);
        List<Visit> takenOut = List.copyOf(removed);
        Set<Vehicle> ruinedVehicles = Set.copyOf(touched);
        for (int attempt = 1; ; attempt++) {
            recreate(removed, routes, standby, touched, random);
            if (standby == null || unservedWeight(routes.get(standby)) <= unservedBefore) {
                break;
            }
            if (attempt == RECREATE_ATTEMPTS) {
                // more left unserved: the score would refuse it, so it is not worth scoring
                return Map.of();
            }
            // in full vans the order of insertion decides what fits: try another order
            routes = copyOf(ruined);
            removed = new ArrayList<>(takenOut);
            touched = new LinkedHashSet<>(ruinedVehicles);
        }
        Map<Vehicle, List<Visit>> changed = new LinkedHashMap<>();
        for (Vehicle v : vehicles) {
            if (touched.contains(v) && !routes.get(v).equals(v.getVisits())) {
                changed.put(v, routes.get(v));
            }
        }
        return changed;
    }

    private static Map<Vehicle, List<Visit>> copyOf(Map<Vehicle, List<Visit>> routes) {
        Map<Vehicle, List<Visit>> copy = new LinkedHashMap<>();
        routes.forEach((v, visits) -> copy.put(v, new ArrayList<>(visits)));
        return copy;
    }

    private static long unservedWeight(List<Visit> visits) {
        long sum = 0;
        for (Visit v : visits) {
            sum += v.unservedWeight();
        }
        return sum;
    }

    /**
     * What a ruin works on: the served visits and the vehicle of each, the routes it cuts (copies of the plan's), and
     * what it took out and from which vehicles.
     */
    private record Ruin(
            List<Visit> served,
            Map<Visit, Vehicle> vehicleOf,
            Map<Vehicle, List<Visit>> routes,
            List<Visit> removed,
            Set<Vehicle> touched) {}

    /** Takes out strings of consecutive stops from routes near a random seed visit (SISR's string removal). */
    private void ruinStrings(Ruin ruin, Random random) {
        List<Visit> served = ruin.served();
        Map<Vehicle, List<Visit>> routes = ruin.routes();
        Set<Vehicle> touched = ruin.touched();
        int routesUsed = 0;
        for (Vehicle v : routes.keySet()) {
            if (!v.isStandby() && !v.getVisits().isEmpty()) {
                routesUsed++;
            }
        }
        double averageLength = (double) served.size() / Math.max(1, routesUsed);
        double maxString = Math.min(MAX_STRING, averageLength);
        double maxRoutes = 4.0 * AVERAGE_REMOVED / (1 + maxString) - 1;
        int ruinRoutes = (int) (random.nextDouble() * maxRoutes) + 1;
        Visit seed = served.get(random.nextInt(served.size()));
        List<Visit> candidates = new ArrayList<>();
        candidates.add(seed);
        candidates.addAll(nearest.getOrDefault(seed, List.of()));
        for (Visit c : candidates) {
            if (touched.size() >= ruinRoutes) {
                break;
            }
            Vehicle v = ruin.vehicleOf().get(c);
            if (v == null || v.isStandby() || touched.contains(v)) {
                continue;
            }
            List<Visit> route = routes.get(v);
            int at = route.indexOf(c);
            int length = (int) (random.nextDouble() * Math.min(route.size(), maxString)) + 1;
            length = Math.min(length, route.size());
            int lowest = Math.max(0, at - length + 1);
            int highest = Math.min(at, route.size() - length);
            int start = lowest + random.nextInt(highest - lowest + 1);
            List<Visit> string = route.subList(start, start + length);
            ruin.removed().addAll(string);
            string.clear();
            touched.add(v);
        }
    }

    /** Takes out served visits at random, anywhere in the plan. */
    private static void ruinRandom(Ruin ruin, Random random) {
        int count = Math.min(ruin.served().size(), 1 + random.nextInt(2 * AVERAGE_REMOVED));
        List<Visit> pool = new ArrayList<>(ruin.served());
        for (int i = 0; i < count; i++) {
            Visit visit = pool.remove(random.nextInt(pool.size()));
            Vehicle v = ruin.vehicleOf().get(visit);
            ruin.routes().get(v).remove(visit);
            ruin.removed().add(visit);
            ruin.touched().add(v);
        }
    }

    /** Greedy insertion at the cheapest feasible position, in one of SISR's orders; no fit means unserved. */
    private void recreate(
            List<Visit> removed,
            Map<Vehicle, List<Visit>> routes,
            Vehicle standby,
            Set<Vehicle> touched,
            Random random) {
        TravelTimes travel = plan.getTravel();
        int order = random.nextInt(11);
        if (order < 4) {
            Collections.shuffle(removed, random);
        } else if (order < 8) {
            removed.sort(Comparator.comparingLong(Visit::getQty).reversed());
        } else {
            // far from its warehouse first (order 8, 9) or near first (order 10)
            Comparator<Visit> byDistance = Comparator.comparingInt(v -> v.minutesFrom(travel.index(v.getWarehouse())));
            removed.sort(order < 10 ? byDistance.reversed() : byDistance);
        }
        Map<String, Long> stockLeft = stockLeft(routes);
        Map<Vehicle, Long> loads = new HashMap<>();
        for (Map.Entry<Vehicle, List<Visit>> e : routes.entrySet()) {
            long load = 0;
            for (Visit v : e.getValue()) {
                load += v.getQty();
            }
            loads.put(e.getKey(), load);
        }
        for (Visit visit : removed) {
            Vehicle bestVehicle = null;
            int bestAt = -1;
            long bestCost = Long.MAX_VALUE;
            for (Map.Entry<Vehicle, List<Visit>> e : routes.entrySet()) {
                Vehicle v = e.getKey();
                if (v.isStandby()
                        || !v.getDepot().equals(visit.getWarehouse())
                        || loads.get(v) + visit.getQty() > v.getCapacity()) {
                    continue;
                }
                List<Visit> route = e.getValue();
                int prev = v.getDepotIndex();
                for (int at = 0; at <= route.size(); at++) {
                    int next = at < route.size() ? route.get(at).getSiteIndex() : v.getDepotIndex();
                    long cost = travel.minutes(prev, visit.getSiteIndex())
                            + travel.minutes(visit.getSiteIndex(), next)
                            - travel.minutes(prev, next);
                    prev = next;
                    if (cost >= bestCost || random.nextDouble() < BLINK) {
                        continue;
                    }
                    if (fitsInTime(v, route, at, visit)) {
                        bestVehicle = v;
                        bestAt = at;
                        bestCost = cost;
                    }
                }
            }
            String key = visit.getWarehouse() + "\u0000" + visit.getSku();
            Long left = stockLeft.get(key);
            if (bestVehicle == null || (left != null && left < visit.getQty())) {
                if (standby != null) {
                    routes.get(standby).add(visit);
                    touched.add(standby);
                }
                continue;
            }
            routes.get(bestVehicle).add(bestAt, visit);
            loads.merge(bestVehicle, visit.getQty(), Long::sum);
            if (left != null) {
                stockLeft.put(key, left - visit.getQty());
            }
            touched.add(bestVehicle);
        }
    }

    /** What each depot has left of each scarce SKU after the routes as they are (only scarce SKUs have a limit). */
    private Map<String, Long> stockLeft(Map<Vehicle, List<Visit>> routes) {
        Map<String, Long> left = new HashMap<>();
        for (StockLimit s : plan.getStock()) {
            left.put(s.warehouse() + "\u0000" + s.sku(), s.onHand());
        }
        for (Map.Entry<Vehicle, List<Visit>> e : routes.entrySet()) {
            if (e.getKey().isStandby()) {
                continue;
            }
            for (Visit v : e.getValue()) {
                left.computeIfPresent(e.getKey().getDepot() + "\u0000" + v.getSku(), (k, l) -> l - v.getQty());
            }
        }
        return left;
    }

    /**
     * Whether the route with {@code visit} inserted at {@code at} reaches no store after closing and is back by shift
     * end, with the timing rules of {@link io.chanops.replenish.planning.domain.RouteTimes}. A route that already
     * broke those rules may take the stop if it breaks them no more than before.
     */
    static boolean fitsInTime(Vehicle vehicle, List<Visit> route, int at, Visit visit) {
        long[] with = timing(vehicle, route, at, visit);
        if (with[0] == 0 && with[1] <= vehicle.getShiftEnd()) {
            return true;
        }
        long[] without = timing(vehicle, route, -1, null);
        return with[0] <= without[0]
                && Math.max(0, with[1] - vehicle.getShiftEnd()) <= Math.max(0, without[1] - vehicle.getShiftEnd());
    }

    /** {late minutes, return time} of the route with {@code extra} inserted at {@code at} (none when at is -1). */
    private static long[] timing(Vehicle vehicle, List<Visit> route, int at, Visit extra) {
        TravelTimes travel = vehicle.getTravel();
        int n = route.size() + (at >= 0 ? 1 : 0);
        int site = vehicle.getDepotIndex();
        int time = vehicle.getShiftStart();
        int previousSite = -1;
        long late = 0;
        for (int i = 0; i < n; i++) {
            Visit v;
            if (at < 0) {
                v = route.get(i);
            } else {
                v = i < at ? route.get(i) : i == at ? extra : route.get(i - 1);
            }
            if (i > 0 && previousSite == v.getSiteIndex()) {
                continue;
            }
            int arrive = time + travel.minutes(site, v.getSiteIndex());
            late += Math.max(0, arrive - v.getCloses());
            time = Math.max(arrive, v.getOpens()) + v.getServiceMinutes();
            site = v.getSiteIndex();
            previousSite = site;
        }
        int back = n == 0 ? vehicle.getShiftStart() : time + travel.minutes(site, vehicle.getDepotIndex());
        return new long[] {late, back};
    }
}
