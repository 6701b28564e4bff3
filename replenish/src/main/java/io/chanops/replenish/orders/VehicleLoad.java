package io.chanops.replenish.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The orders planned on a vehicle for one delivery day, in stop order: what the van takes when it leaves that day.
 * {@code day} is null for orders planned before the ledger recorded the day.
 */
public record VehicleLoad(String vehicleId, LocalDate day, List<Order> orders) {
    public VehicleLoad {
        orders = List.copyOf(orders);
    }

    /**
     * {@code planned} (a vehicle's planned orders, in stop order) by delivery day: an unrecorded day, then by date; in
     * stop order within a day (the sort is stable).
     */
    static List<VehicleLoad> byDay(String vehicleId, List<Order> planned) {
        Map<String, List<Order>> byDay = new LinkedHashMap<>();
        planned.stream()
                .sorted(Comparator.comparing(Order::plannedFor, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(o -> byDay.computeIfAbsent(o.plannedFor(), d -> new ArrayList<>())
                        .add(o));
        List<VehicleLoad> loads = new ArrayList<>();
        byDay.forEach((day, orders) ->
                loads.add(new VehicleLoad(vehicleId, day == null ? null : LocalDate.parse(day), orders)));
        return loads;
    }

    /** The day as the messages name it. */
    public String dayText() {
        return day == null ? "a day not recorded (ship those by id)" : day.toString();
    }

    /** "2026-03-02 (3 orders), 2026-03-03 (1 order)". */
    public static String describe(List<VehicleLoad> loads) {
        return loads.stream()
                .map(l -> l.dayText() + " (" + l.orders().size() + (l.orders().size() == 1 ? " order)" : " orders)"))
                .collect(Collectors.joining(", "));
    }
}
