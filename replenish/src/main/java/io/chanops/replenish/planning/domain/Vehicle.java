package io.chanops.replenish.planning.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * A van that loads at its depot (a warehouse) at shift start, makes its stops in order and must be back by shift end.
 * <p>
 * OptaPlanner 10.1 has no unassigned values for list variables (Timefold added {@code allowsUnassignedValues} after the
 * fork), so one <em>standby</em> vehicle per plan holds the visits nobody delivers: it never drives, has no capacity
 * or shift, and every unit on it counts as unserved. Times are minutes after midnight of the plan's date.
 */
@PlanningEntity
public class Vehicle {
    public static final String STANDBY_ID = "(unserved)";

    @PlanningId
    private String id;

    private String depot;
    private int depotIndex;
    private long capacity;
    private int shiftStart;
    private int shiftEnd;
    private boolean standby;
    private TravelTimes travel;
    /** SKUs the depot could run short of on this day (null = treat every SKU as scarce). */
    private Set<String> scarceSkus;

    @PlanningListVariable(valueRangeProviderRefs = "visits")
    private List<Visit> visits = new ArrayList<>();

    @ShadowVariable(variableListenerClass = RouteTimesListener.class, sourceVariableName = "visits")
    private RouteTimes times = RouteTimes.NONE;

    public Vehicle() {}

    public Vehicle(
            String id, String depot, int depotIndex, long capacity, int shiftStart, int shiftEnd, TravelTimes travel) {
        this.id = id;
        this.depot = depot;
        this.depotIndex = depotIndex;
        this.capacity = capacity;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.travel = travel;
    }

    /**
     * Only these SKUs can break the warehouse stock rule (the day's whole demand for any other one fits the depot's
     * stock), so {@link #skuLoads()} reports only them and the score skips the rest: most moves then touch no stock
     * bookkeeping at all.
     */
    public Vehicle withScarceSkus(Set<String> skus) {
        this.scarceSkus = Set.copyOf(skus);
        return this;
    }

    public static Vehicle standby() {
        Vehicle v = new Vehicle(STANDBY_ID, null, -1, 0, 0, 0, null);
        v.standby = true;
        return v;
    }

    public String getId() {
        return id;
    }

    public String getDepot() {
        return depot;
    }

    public int getDepotIndex() {
        return depotIndex;
    }

    public long getCapacity() {
        return capacity;
    }

    public int getShiftStart() {
        return shiftStart;
    }

    public int getShiftEnd() {
        return shiftEnd;
    }

    public boolean isStandby() {
        return standby;
    }

    public TravelTimes getTravel() {
        return travel;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    /** Units loaded at the depot for all stops. */
    public long load() {
        long sum = 0;
        for (Visit v : visits) {
            sum += v.getQty();
        }
        return sum;
    }

    /** Minutes driven: depot, every stop (same site back to back is 0), back to depot. */
    public long travelMinutes() {
        if (standby || visits.isEmpty()) {
            return 0;
        }
        long sum = 0;
        int at = depotIndex;
        for (Visit v : visits) {
            sum += travel.minutes(at, v.getSiteIndex());
            at = v.getSiteIndex();
        }
        return sum + travel.minutes(at, depotIndex);
    }

    public RouteTimes getTimes() {
        return times;
    }

    public void setTimes(RouteTimes times) {
        this.times = times;
    }

    /** Minute the vehicle is back at its depot (its shift start when it does not leave). */
    public int returnTime() {
        return standby || visits.isEmpty() ? shiftStart : times.back();
    }

    /** Minutes in all that this vehicle reaches stores after closing. */
    public long lateMinutes() {
        return standby ? 0 : times.lateMinutes();
    }

    /** Weighted units left unserved on the standby vehicle (0 for a real one). */
    public long unservedWeight() {
        if (!standby) {
            return 0;
        }
        long sum = 0;
        for (Visit v : visits) {
            sum += v.unservedWeight();
        }
        return sum;
    }

    /** Units of orders whose supplying warehouse is not this vehicle's depot. */
    public long unitsFromOtherWarehouses() {
        if (standby) {
            return 0;
        }
        long sum = 0;
        for (Visit v : visits) {
            if (!depot.equals(v.getWarehouse())) {
                sum += v.getQty();
            }
        }
        return sum;
    }

    /** Units of each SKU this vehicle loads at its depot, for the warehouse stock rule. */
    public List<SkuLoad> skuLoads() {
        if (standby || visits.isEmpty()) {
            return List.of();
        }
        Map<String, Long> bySku = new TreeMap<>();
        for (Visit v : visits) {
            if (scarceSkus == null || scarceSkus.contains(v.getSku())) {
                bySku.merge(v.getSku(), v.getQty(), Long::sum);
            }
        }
        List<SkuLoad> loads = new ArrayList<>(bySku.size());
        bySku.forEach((sku, qty) -> loads.add(new SkuLoad(depot, sku, qty)));
        return loads;
    }

    /** {@code qty} units of {@code sku} loaded at {@code depot}. */
    public record SkuLoad(String depot, String sku, long qty) {}

    @Override
    public String toString() {
        return id;
    }
}
