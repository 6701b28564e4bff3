package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.RouteTimes;
import io.chanops.replenish.planning.domain.StockLimit;
import io.chanops.replenish.planning.domain.TravelTimes;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the solver is measured against: what a dispatcher does by hand. Vehicle after vehicle, drive to the
 * nearest store still waiting that fits in the van, has stock at the depot, is reached before it closes and still lets
 * the van get back by shift end; when nothing fits, the van goes home. What no van took stays unserved.
 */
final class NearestNeighbour {
    private NearestNeighbour() {}

    static EmergencyPlan plan(EmergencyPlan plan) {
        TravelTimes travel = plan.getTravel();
        Map<String, Long> stockLeft = new HashMap<>();
        for (StockLimit s : plan.getStock()) {
            stockLeft.put(s.warehouse() + "\u0000" + s.sku(), s.onHand());
        }
        List<Visit> waiting = new ArrayList<>(plan.getVisits());
        Vehicle standby = null;
        for (Vehicle v : plan.getVehicles()) {
            if (v.isStandby()) {
                standby = v;
                continue;
            }
            List<Visit> route = new ArrayList<>();
            int at = v.getDepotIndex();
            int time = v.getShiftStart();
            long load = 0;
            while (true) {
                Visit best = null;
                int bestTravel = Integer.MAX_VALUE;
                int bestDepart = 0;
                for (Visit c : waiting) {
                    String key = v.getDepot() + "\u0000" + c.getSku();
                    if (!v.getDepot().equals(c.getWarehouse())
                            || load + c.getQty() > v.getCapacity()
                            || stockLeft.getOrDefault(key, Long.MAX_VALUE) < c.getQty()) {
                        continue;
                    }
                    boolean sameStop = !route.isEmpty() && at == c.getSiteIndex();
                    int drive = sameStop ? 0 : travel.minutes(at, c.getSiteIndex());
                    int arrive = time + drive;
                    int depart = sameStop ? time : Math.max(arrive, c.getOpens()) + c.getServiceMinutes();
                    if (!sameStop && arrive > c.getCloses()) {
                        continue;
                    }
                    if (depart + travel.minutes(c.getSiteIndex(), v.getDepotIndex()) > v.getShiftEnd()) {
                        continue;
                    }
                    if (drive < bestTravel) {
                        best = c;
                        bestTravel = drive;
                        bestDepart = depart;
                    }
                }
                if (best == null) {
                    break;
                }
                route.add(best);
                waiting.remove(best);
                load += best.getQty();
                // SKUs without a limit are not scarce: the whole day's demand fits the depot's stock
                long taken = best.getQty();
                stockLeft.computeIfPresent(v.getDepot() + "\u0000" + best.getSku(), (k, left) -> left - taken);
                at = best.getSiteIndex();
                time = bestDepart;
            }
            v.setVisits(route);
            v.setTimes(RouteTimes.of(v));
        }
        if (standby != null) {
            standby.setVisits(new ArrayList<>(waiting));
        }
        return plan;
    }
}
