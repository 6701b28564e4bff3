package io.chanops.replenish.planning.domain;

import java.util.Arrays;
import java.util.List;

/**
 * When a vehicle reaches and leaves each of its visits (minutes after midnight), when it is back at the depot, and
 * how many minutes in all it reaches stores after they close. The vehicle leaves the depot at shift start; a van that
 * comes before opening waits; visits of the same store back to back share the arrival, the departure and one service
 * time.
 */
public record RouteTimes(int[] arrive, int[] depart, int back, long lateMinutes) {
    public static final RouteTimes NONE = new RouteTimes(new int[0], new int[0], 0, 0);

    public static RouteTimes of(Vehicle vehicle) {
        List<Visit> visits = vehicle.getVisits();
        if (vehicle.isStandby()) {
            return NONE;
        }
        int n = visits.size();
        int[] arrive = new int[n];
        int[] depart = new int[n];
        TravelTimes travel = vehicle.getTravel();
        int at = vehicle.getDepotIndex();
        int time = vehicle.getShiftStart();
        long late = 0;
        for (int i = 0; i < n; i++) {
            Visit v = visits.get(i);
            if (i > 0 && visits.get(i - 1).getSiteIndex() == v.getSiteIndex()) {
                arrive[i] = arrive[i - 1];
                depart[i] = depart[i - 1];
                continue;
            }
            arrive[i] = time + travel.minutes(at, v.getSiteIndex());
            depart[i] = Math.max(arrive[i], v.getOpens()) + v.getServiceMinutes();
            late += Math.max(0, arrive[i] - v.getCloses());
            at = v.getSiteIndex();
            time = depart[i];
        }
        int back = n == 0 ? vehicle.getShiftStart() : time + travel.minutes(at, vehicle.getDepotIndex());
        return new RouteTimes(arrive, depart, back, late);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteTimes r
                && back == r.back
                && lateMinutes == r.lateMinutes
                && Arrays.equals(arrive, r.arrive)
                && Arrays.equals(depart, r.depart);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(arrive) + back;
    }

    @Override
    public String toString() {
        return "back " + back + ", late " + lateMinutes;
    }
}
