package io.chanops.replenish.planning.solver;

import io.chanops.replenish.planning.domain.EmergencyPlan;
import io.chanops.replenish.planning.domain.Vehicle;
import io.chanops.replenish.planning.domain.Visit;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale of a day, from which the local search sets its temperatures and limits: {@code nearestMinutes}, the mean
 * travel minutes from a stop to its nearest other place (a store or a depot), the scale of the map (three times it is
 * about SISR's starting temperature of 100 on the CVRPLIB X instances), and the number of stops.
 */
record DayScale(double nearestMinutes, int stops) {
    static DayScale of(EmergencyPlan plan) {
        return new DayScale(nearestMinutes(plan), plan.getVisits().size());
    }

    private static double nearestMinutes(EmergencyPlan plan) {
        List<Integer> places = new ArrayList<>();
        for (Visit v : plan.getVisits()) {
            places.add(v.getSiteIndex());
        }
        for (Vehicle v : plan.getVehicles()) {
            if (!v.isStandby()) {
                places.add(v.getDepotIndex());
            }
        }
        int[] distinct = places.stream().mapToInt(Integer::intValue).distinct().toArray();
        if (distinct.length < 2) {
            return 1;
        }
        long sum = 0;
        int count = 0;
        for (Visit v : plan.getVisits()) {
            int nearest = Integer.MAX_VALUE;
            for (int p : distinct) {
                if (p != v.getSiteIndex()) {
                    nearest = Math.min(nearest, v.minutesFrom(p));
                }
            }
            sum += nearest;
            count++;
        }
        return count == 0 ? 1 : (double) sum / count;
    }
}
