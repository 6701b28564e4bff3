package io.chanops.replenish.planning;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.model.StockLevel;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderRepository;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.orders.VehicleLoad;
import io.chanops.replenish.stock.StockRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ledger side of planning: what is to be delivered on a date and what the warehouses can ship, read in one go;
 * and {@link #apply}, which marks the planned orders in one transaction, only if no order changed since it was read.
 * <p>
 * Available stock of a warehouse = on hand minus what planned or shipped orders from it have not yet delivered:
 * a shipped order leaves the warehouse's books only when it is received, and re-planning must not promise those units
 * twice.
 */
public record DeliveryDay(
        Ledger ledger, OrderRepository orders, SiteRepository sites, StockRepository stock, OperationContext context) {
    /**
     * What was read: the orders to deliver (and each as stored, to check again before applying), every site, and
     * available units by warehouse and SKU.
     */
    public record Snapshot(
            List<DeliveryOrder> orders,
            List<OrderAsPlanned> ordersAsRead,
            Map<String, Site> sites,
            Map<String, Map<String, Long>> available) {}

    /**
     * What {@link #apply} did: the orders it marked, and the loads of other days still planned on the plan's vehicles
     * (not shipped yet); or nothing, when some orders changed since the plan read them ({@code changed}) or a vehicle
     * of the plan already carries a load planned for the same day ({@code sameDay}: the plan did not count it, and
     * would load the vehicle again beyond its capacity).
     */
    public record Application(
            int marked, List<OrderChange> changed, List<VehicleLoad> sameDay, List<VehicleLoad> otherDays) {
        public Application {
            changed = List.copyOf(changed);
            sameDay = List.copyOf(sameDay);
            otherDays = List.copyOf(otherDays);
        }

        public boolean refused() {
            return !changed.isEmpty() || !sameDay.isEmpty();
        }
    }

    /**
     * The loads already planned for the plan's day on the vehicles its routes use: a plan counts only open orders, so
     * such a vehicle would be loaded twice.
     */
    public List<VehicleLoad> sameDayLoads(DayPlan plan) {
        return ledger.read(h -> sameDay(plan));
    }

    private List<VehicleLoad> sameDay(DayPlan plan) {
        List<VehicleLoad> loads = new ArrayList<>();
        for (PlanResult.Route route : plan.result().routes()) {
            if (!route.stops().isEmpty()) {
                orders.loadsOf(route.vehicleId()).stream()
                        .filter(load -> plan.date().equals(load.day()))
                        .forEach(loads::add);
            }
        }
        return loads;
    }

    /** The delivery day on {@code ledger}'s repositories. */
    public static DeliveryDay of(Ledger ledger, OperationContext context) {
        return new DeliveryDay(
                ledger,
                ledger.repository(OrderRepository.class),
                ledger.repository(SiteRepository.class),
                new StockRepository(ledger),
                context);
    }

    /** The days open emergency orders are due, with how many are due each day: where a plan of a day finds none. */
    public SortedMap<LocalDate, Long> openEmergencyDueDays() {
        return ledger.read(h ->
                orders.list(OrderStatus.OPEN, OrderKind.EMERGENCY, null, null, null, null, null, null).stream()
                        .collect(Collectors.groupingBy(
                                o -> LocalDate.parse(o.dueDate()), TreeMap::new, Collectors.counting())));
    }

    public Snapshot load(LocalDate date, boolean includeRegular) {
        return ledger.read(h -> {
            Map<String, Site> byId = sites.byId();
            List<OrderAsPlanned> asRead = new ArrayList<>();
            List<DeliveryOrder> toDeliver = new ArrayList<>();
            for (Order o : orders.toDeliver(LocalTimes.format(date), includeRegular)) {
                OrderAsPlanned stored = OrderAsPlanned.of(o);
                asRead.add(stored);
                String warehouse = stored.warehouse();
                if (warehouse == null || warehouse.isBlank()) {
                    Site s = byId.get(o.siteId());
                    warehouse = s == null ? null : s.warehouse();
                }
                toDeliver.add(new DeliveryOrder(
                        stored.orderId(),
                        o.siteId(),
                        o.sku(),
                        stored.kind() == OrderKind.EMERGENCY,
                        stored.qty() - stored.receivedQty(),
                        warehouse,
                        stored.dueDate()));
            }
            Map<String, Map<String, Long>> available = new HashMap<>();
            List<String> warehouses = byId.values().stream()
                    .filter(s -> !s.isStore())
                    .map(Site::siteId)
                    .toList();
            for (StockLevel l : stock.levelsAt(warehouses)) {
                available.computeIfAbsent(l.siteId(), w -> new HashMap<>()).put(l.sku(), l.onHand());
            }
            for (OrderRepository.Units u : orders.committedAtWarehouses()) {
                available.computeIfAbsent(u.siteId(), w -> new HashMap<>()).merge(u.sku(), -u.units(), Long::sum);
            }
            return new Snapshot(toDeliver, asRead, byId, available);
        });
    }

    /**
     * Marks every routed order {@code planned} with its vehicle and stop, then runs {@code publish} (the plan's files),
     * all in one write transaction: a failure in {@code publish} marks nothing. Under the write lock every order the
     * plan read is read again first; if any is no longer exactly as read (SPEC §6), or a vehicle of the plan already
     * carries a load planned for the day, nothing is marked, {@code publish} does not run, and the changed orders or
     * those loads are returned.
     */
    public Application apply(DayPlan plan, Runnable publish) {
        String now = LocalTimes.format(context.now());
        return ledger.write(h -> {
            List<OrderChange> changed = OrderChange.since(plan.ordersAsRead(), orders::find);
            List<VehicleLoad> sameDay = sameDay(plan);
            if (!changed.isEmpty() || !sameDay.isEmpty()) {
                return new Application(0, changed, sameDay, List.of());
            }
            int marked = 0;
            List<VehicleLoad> otherDays = new ArrayList<>();
            for (PlanResult.Route route : plan.result().routes()) {
                for (PlanResult.Stop stop : route.stops()) {
                    for (DeliveryOrder o : stop.lines()) {
                        marked += orders.markPlanned(o.orderId(), route.vehicleId(), plan.date(), stop.stopNo(), now);
                    }
                }
                if (!route.stops().isEmpty()) {
                    orders.loadsOf(route.vehicleId()).stream()
                            .filter(load -> !plan.date().equals(load.day()))
                            .forEach(otherDays::add);
                }
            }
            publish.run();
            return new Application(marked, List.of(), List.of(), otherDays);
        });
    }
}
