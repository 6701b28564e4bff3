package io.chanops.replenish.orders;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.Problem;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.stock.StockRepository;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Orders after they are raised: list, ship, receive (with the stock moves, in the same transaction), cancel. Every
 * change is one write transaction that re-reads the order under the write lock, so two people shipping or
 * receiving the same order cannot both succeed. Changes are stamped with the context's time and user.
 */
public record OrderService(Ledger ledger, OrderRepository orders, StockRepository stock, OperationContext context) {
    public static final String RECEIPT_BATCH_KIND = "order-receipt";

    /**
     * Filters of {@code replenish orders}; null = any. {@code site} is the store an order is for, {@code warehouse}
     * the site it is supplied from (a warehouse, or the store a transfer leaves). With a {@code vehicle}, its orders
     * come in the order it delivers them: by delivery day, then stop.
     */
    public record Filter(
            OrderStatus status,
            OrderKind kind,
            LocalDate due,
            String site,
            String sku,
            Long run,
            String vehicle,
            String warehouse) {
        /** Any order. */
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null);
    }

    /**
     * What cancelling a check run's orders did: the run ({@code "at (scope)"}), the orders cancelled, and those of the
     * run left as they were (shipped, received, or cancelled before).
     */
    public record RunCancellation(String run, List<Order> cancelled, List<Order> left) {}

    /** What a receipt did: the order after it, and the quantity moved. */
    public record Receipt(Order order, long qty, long batchId) {}

    /** The service on {@code ledger}'s repositories. */
    public static OrderService of(Ledger ledger, OperationContext context) {
        return new OrderService(ledger, ledger.repository(OrderRepository.class), new StockRepository(ledger), context);
    }

    public List<Order> list(Filter f) {
        return ledger.read(h -> {
            if (f.run() != null) {
                requireRun(f.run());
            }
            if (f.vehicle() != null) {
                requireVehicle(f.vehicle());
            }
            return orders.list(
                    f.status(),
                    f.kind(),
                    f.due() == null ? null : f.due().toString(),
                    f.site(),
                    f.sku(),
                    f.run(),
                    f.vehicle(),
                    f.warehouse());
        });
    }

    /** Open or planned -> shipped. */
    public Order ship(String id) {
        return ship(List.of(id)).get(0);
    }

    /** Open or planned -> cancelled. A shipped order is on its way and must be received (possibly in part). */
    public Order cancel(String id) {
        return cancel(List.of(id)).get(0);
    }

    /**
     * Cancels every order of {@code ids} (each open or planned) in one transaction: an id that is not an order, or an
     * order that cannot be cancelled, cancels none, and every such id is named.
     */
    public List<Order> cancel(List<String> ids) {
        return changeAll(ids, "cancel", NOT_YET_SHIPPED, (id, now) -> setStatus(id, OrderStatus.CANCELLED, now));
    }

    /** Ships every order of {@code ids} (each open or planned) in one transaction, as {@link #cancel(List)} cancels. */
    public List<Order> ship(List<String> ids) {
        return changeAll(ids, "ship", NOT_YET_SHIPPED, (id, now) -> setStatus(id, OrderStatus.SHIPPED, now));
    }

    /**
     * Ships the orders planned on {@code vehicleId} (by {@code replenish plan --apply}) for delivery day {@code day},
     * in stop order, in one transaction: the van leaves with that day's load. With {@code day} null, the van's only
     * load; a van holding the loads of several days (tomorrow planned before today's van was shipped) is refused
     * rather than shipping tomorrow's orders today, as is a van with no planned order (exit 4).
     */
    public List<Order> shipVehicle(String vehicleId, LocalDate day) {
        return changeLoad(vehicleId, day, (id, now) -> setStatus(id, OrderStatus.SHIPPED, now));
    }

    /**
     * Takes every order of {@code ids} (each planned) off its vehicle, open again, in one transaction, all or none as
     * {@link #cancel(List)}: for a van that will not leave (broken down, or a plan applied with the wrong vehicles),
     * whose orders {@code replenish plan --apply} can then plan again. Returns the orders as they were planned.
     */
    public List<Order> unplan(List<String> ids) {
        return changeAll(ids, "unplan", EnumSet.of(OrderStatus.PLANNED), this::unplanned);
    }

    /** Takes a vehicle's load of a day off it, as {@link #shipVehicle} chooses the load and {@link #unplan} does. */
    public List<Order> unplanVehicle(String vehicleId, LocalDate day) {
        return changeLoad(vehicleId, day, this::unplanned);
    }

    /** A change of one order at a time, inside the write transaction; returns the order to report. */
    @FunctionalInterface
    private interface Change {
        Order apply(String orderId, LocalDateTime now);
    }

    private Order unplanned(String id, LocalDateTime now) {
        Order planned = orders.find(id).orElseThrow();
        orders.markOpen(id, LocalTimes.format(now));
        return planned;
    }

    /** {@code change} for every order of {@code ids}, each in {@code from}, in one transaction; any problem, none. */
    private List<Order> changeAll(List<String> ids, String action, Set<OrderStatus> from, Change change) {
        LocalDateTime now = context.now();
        List<String> distinct = ids.stream().distinct().toList();
        return ledger.write(h -> {
            List<Problem> problems = new ArrayList<>();
            for (String id : distinct) {
                try {
                    require(id, from, action);
                } catch (InputRejectedException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new InputRejectedException(problems);
            }
            return distinct.stream().map(id -> change.apply(id, now)).toList();
        });
    }

    /** {@code change} for every order of a vehicle's load of {@code day} (its only load when null), in stop order. */
    private List<Order> changeLoad(String vehicleId, LocalDate day, Change change) {
        LocalDateTime now = context.now();
        return ledger.write(h -> load(vehicleId, day).orders().stream()
                .map(o -> change.apply(o.orderId(), now))
                .toList());
    }

    /** The load of {@code day} planned on {@code vehicleId}; with {@code day} null, its only load. */
    private VehicleLoad load(String vehicleId, LocalDate day) {
        List<VehicleLoad> loads = orders.loadsOf(vehicleId);
        if (loads.isEmpty()) {
            List<String> planned = orders.vehiclesPlanned();
            throw refusedVehicle(
                    vehicleId,
                    "no order is planned on it"
                            + (planned.isEmpty()
                                    ? " (replenish plan --apply plans the day's emergency orders)"
                                    : new KnownIds(planned)
                                            .hint(
                                                    vehicleId,
                                                    "; vans with planned orders: " + Named.firstOf(planned, 10))));
        }
        if (day != null) {
            return loads.stream()
                    .filter(l -> day.equals(l.day()))
                    .findFirst()
                    .orElseThrow(() -> refusedVehicle(
                            vehicleId,
                            "no order is planned on it for " + day + "; it holds orders planned for "
                                    + VehicleLoad.describe(loads)));
        }
        if (loads.size() > 1) {
            throw refusedVehicle(
                    vehicleId,
                    "it holds the orders of " + loads.size() + " delivery days: " + VehicleLoad.describe(loads)
                            + "; give --date D to choose one day's load");
        }
        return loads.get(0);
    }

    private static InputRejectedException refusedVehicle(String vehicleId, String problem) {
        return InputRejectedException.of(Problem.ofFile("vehicle " + vehicleId, problem));
    }

    /**
     * Cancels the open and planned orders check run {@code runId} raised, in one transaction: the way back from a
     * check run on wrong policies or levels. Its orders that were shipped, received or cancelled since are left.
     */
    public RunCancellation cancelRun(long runId) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            String run = requireRun(runId);
            List<Order> cancelled = new ArrayList<>();
            List<Order> left = new ArrayList<>();
            for (Order o : orders.raisedBy(runId)) {
                if (NOT_YET_SHIPPED.contains(o.status())) {
                    cancelled.add(setStatus(o.orderId(), OrderStatus.CANCELLED, now));
                } else {
                    left.add(o);
                }
            }
            return new RunCancellation(run, cancelled, left);
        });
    }

    /** An order may be shipped or cancelled until it is shipped; then it is on its way and must be received. */
    private static final Set<OrderStatus> NOT_YET_SHIPPED = EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED);

    /** Refuses (exit 4) a vehicle no order was ever planned on, naming those that have orders. */
    private void requireVehicle(String vehicleId) {
        List<String> vehicles = orders.vehicles();
        if (!vehicles.contains(vehicleId)) {
            throw InputRejectedException.of(Problem.ofFile(
                    "vehicle " + vehicleId,
                    "no order was ever planned on it"
                            + (vehicles.isEmpty()
                                    ? " (replenish plan --apply plans orders on vans)"
                                    : new KnownIds(vehicles)
                                            .hint(vehicleId, "; vans with orders: " + Named.firstOf(vehicles, 10)))));
        }
    }

    private String requireRun(long runId) {
        return orders.run(runId)
                .orElseThrow(() -> InputRejectedException.of(Problem.ofFile(
                        "check run " + runId,
                        "no such check run ("
                                + orders.lastRunId()
                                        .map(last -> "the last is run " + last + "; ")
                                        .orElse("no check has run yet; ")
                                + "a check prints its run number on its last line)")));
    }

    private Order setStatus(String id, OrderStatus to, LocalDateTime now) {
        orders.setStatus(id, to, LocalTimes.format(now));
        return orders.find(id).orElseThrow();
    }

    /** As {@link #receive(String, Long, boolean)} writing the receipt's moves. */
    public Receipt receive(String id, Long qty) {
        return receive(id, qty, false);
    }

    /**
     * Receives {@code qty} units (all outstanding when null): writes {@code transfer_out} at the warehouse and
     * {@code transfer_in} at the store, updates both on-hand levels, and closes the order when nothing is left
     * outstanding; a partial receipt leaves the rest on order with the status it had.
     *
     * <p>A delivery a feed booked at the store already ({@code transfer_in} moves with the order id as ref, beyond what
     * the order received) is refused: receiving it again would count it twice. With {@code booked}, those moves are the
     * receipt (all of them when {@code qty} is null): the order records them, and only the supplier's
     * {@code transfer_out} its feed did not book is written.
     */
    public Receipt receive(String id, Long qty, boolean booked) {
        LocalDateTime now = context.now();
        return ledger.write(h -> {
            Order o = require(id, EnumSet.of(OrderStatus.OPEN, OrderStatus.PLANNED, OrderStatus.SHIPPED), "receive");
            if (o.warehouse() == null) {
                throw rejected(id, "the order has no supplying warehouse to take the stock from");
            }
            long bookedIn = stock.bookedUnder(o.siteId(), o.sku(), MoveKind.TRANSFER_IN, id);
            long unaccounted = bookedIn - o.receivedQty();
            if (booked && unaccounted <= 0) {
                throw rejected(
                        id,
                        "--booked: no transfer_in with ref " + id + " is booked at " + o.siteId() + " beyond the "
                                + o.receivedQty() + " the order received; receive it without --booked");
            }
            if (!booked && unaccounted > 0) {
                throw rejected(
                        id,
                        Named.count(unaccounted, "unit") + " booked at " + o.siteId() + " as transfer_in with ref " + id
                                + " already, beyond the " + o.receivedQty() + " the order received (a feed booked"
                                + " the delivery): receiving them would count them twice; 'replenish receive " + id
                                + " --booked' records them on the order");
            }
            long most = booked ? Math.min(unaccounted, o.outstanding()) : o.outstanding();
            long n = qty == null ? most : qty;
            if (n <= 0) {
                throw rejected(id, "--qty must be a positive whole number");
            }
            if (n > most) {
                throw rejected(
                        id,
                        "--qty " + n + " is more than the " + Named.count(most, "unit")
                                + (booked ? " booked and outstanding" : " outstanding on the order"));
            }
            String at = LocalTimes.format(now);
            long received = o.receivedQty() + n;
            long batch = ImportBatches.record(
                    h, RECEIPT_BATCH_KIND, Path.of(id), id + "#" + received, 2, 2, now, context.user(), false);
            if (booked) {
                // the store's side is booked; the supplier's as far as its own feed did not book it
                long bookedOut = stock.bookedUnder(o.warehouse(), o.sku(), MoveKind.TRANSFER_OUT, id);
                if (received > bookedOut) {
                    stock.book(o.warehouse(), MoveKind.TRANSFER_OUT, o.sku(), received - bookedOut, id, at, batch);
                }
            } else {
                stock.transfer(o.warehouse(), o.siteId(), o.sku(), n, id, at, batch);
            }
            orders.setReceived(id, received, received >= o.qty() ? OrderStatus.RECEIVED : o.status(), at);
            return new Receipt(orders.find(id).orElseThrow(), n, batch);
        });
    }

    private Order require(String id, Set<OrderStatus> allowed, String action) {
        Order o = orders.find(id).orElseThrow(() -> rejected(id, OrderIds.whyUnknown(orders, id)));
        if (!allowed.contains(o.status())) {
            throw rejected(id, "cannot " + action + " an order that is " + o.status());
        }
        return o;
    }

    private static InputRejectedException rejected(String id, String message) {
        return InputRejectedException.of(Problem.ofFile("order " + id, message));
    }
}
