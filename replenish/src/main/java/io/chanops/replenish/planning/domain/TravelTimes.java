package io.chanops.replenish.planning.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whole travel minutes between the places of one plan (warehouses and stores), by index: the matrix is filled once
 * before solving so the solver never looks up a map or computes a great-circle distance inside a move.
 */
public final class TravelTimes {
    private final List<String> siteIds;
    private final Map<String, Integer> indexOf;
    private final int[][] minutes;

    public TravelTimes(List<String> siteIds, int[][] minutes) {
        if (minutes.length != siteIds.size()) {
            throw new IllegalArgumentException("matrix size " + minutes.length + " for " + siteIds.size() + " sites");
        }
        this.siteIds = List.copyOf(siteIds);
        this.indexOf = this.siteIds.stream().collect(Collectors.toMap(Function.identity(), siteIds::indexOf));
        this.minutes = Arrays.stream(minutes).map(int[]::clone).toArray(int[][]::new);
    }

    public int index(String siteId) {
        Integer i = indexOf.get(siteId);
        if (i == null) {
            throw new IllegalArgumentException("no travel times for site " + siteId);
        }
        return i;
    }

    public String siteId(int index) {
        return siteIds.get(index);
    }

    public int size() {
        return siteIds.size();
    }

    public int minutes(int from, int to) {
        return minutes[from][to];
    }
}
