package io.chanops.replenish.rebalance;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.model.StockLevel;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderIds;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderRepository;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.planning.OrderAsPlanned;
import io.chanops.replenish.planning.OrderChange;
import io.chanops.replenish.policy.PolicyRepository;
import io.chanops.replenish.stock.StockRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code replenish rebalance} (SPEC §12) on the ledger: {@link #propose} reads the open demand, the warehouses'
 * available stock and the donors, and runs the pure {@link Allocation}; {@link #apply} turns the proposal's transfers
 * into orders of kind {@code transfer} and shrinks or cancels the orders they cover, in one write transaction, only if
 * every order the proposal read and every donor's stock are still as read.
 */
public record RebalanceService(
        Ledger ledger,
        OrderRepository orders,
        SiteRepository sites,
        PolicyRepository policies,
        StockRepository stock,
        OperationContext context) {
    /** What was proposed: the lines, and what they were computed from (checked again by {@link #apply}). */
    public record Proposal(
            LocalDate date,
            List<Allocation.Line> lines,
            List<OrderAsPlanned> ordersAsRead,
            Map<Position, Long> donorStockAsRead) {
        // donorStockAsRead: each donor's on hand less what it had promised to other stores, as read
        public Proposal {
            lines = List.copyOf(lines);
            ordersAsRead = List.copyOf(ordersAsRead);
            donorStockAsRead = Map.copyOf(donorStockAsRead);
        }

        public long units(Allocation.Action action) {
            return lines.stream()
                    .filter(l -> l.action() == action)
                    .mapToLong(Allocation.Line::qty)
                    .sum();
        }

        public boolean anyShort() {
            return lines.stream().anyMatch(l -> l.action() == Allocation.Action.SHORT);
        }
    }

    /**
     * What {@link #apply} did: the transfer orders raised (ids in line order), the orders shrunk, those closed as
     * received (part of them received before, the rest now covered) and those cancelled; or,
     * when something changed since the proposal read it, nothing ({@code changed} says what, one line each:
     * {@code order RO-...: qty 5 -> 9}, {@code donor ST-4 PHONE: on hand less promised transfers 16 -> 15}).
     */
    public record Application(List<String> transferIds, int shrunk, int received, int cancelled, List<String> changed) {
        public Application {
            transferIds = List.copyOf(transferIds);
            changed = List.copyOf(changed);
        }

        public boolean refused() {
            return !changed.isEmpty();
        }
    }

    public static RebalanceService of(Ledger ledger, OperationContext context) {
        return new RebalanceService(
                ledger,
                ledger.repository(OrderRepository.class),
                ledger.repository(SiteRepository.class),
                ledger.repository(PolicyRepository.class),
                new StockRepository(ledger),
                context);
    }

    /** The warehouse ids of the ledger (to check a --warehouse option). */
    public Set<String> warehouses() {
        return ledger.read(h -> {
            Set<String> ids = new TreeSet<>();
            sites.list().stream().filter(s -> !s.isStore()).forEach(s -> ids.add(s.siteId()));
            return ids;
        });
    }

    /** Allocates open demand due on or before {@code date}; {@code warehouse} null: every warehouse. */
    public Proposal propose(LocalDate date, String warehouse) {
        return ledger.read(h -> {
            Map<String, Site> byId = sites.byId();
            List<Order> open = new ArrayList<>();
            Map<Allocation.Supply, Long> demandUnits = new HashMap<>();
            Map<String, String> supplierOf = new HashMap<>();
            for (Order o : orders.openDemandUpTo(LocalTimes.format(date))) {
                String supplier = supplierOf(o, byId);
                if (supplier == null || (warehouse != null && !warehouse.equals(supplier))) {
                    continue;
                }
                open.add(o);
                supplierOf.put(o.orderId(), supplier);
                demandUnits.merge(new Allocation.Supply(supplier, o.sku()), o.outstanding(), Math::addExact);
            }
            Map<Allocation.Supply, Long> available = available(byId);
            Set<Allocation.Supply> shortSupplies = new HashSet<>();
            demandUnits.forEach((s, units) -> {
                if (units > Math.max(0, available.getOrDefault(s, 0L))) {
                    shortSupplies.add(s);
                }
            });
            if (shortSupplies.isEmpty()) {
                return new Proposal(date, List.of(), List.of(), Map.of());
            }
            Set<String> shortSkus = new HashSet<>();
            shortSupplies.forEach(s -> shortSkus.add(s.sku()));
            Map<Position, Long> promised = promisedByDonors();
            // on hand - L of every store position of a short SKU, and the stores above S (donors)
            Map<Position, Long> belowL = new HashMap<>();
            List<Allocation.Donor> donors = new ArrayList<>();
            Map<Position, Long> donorStock = new HashMap<>();
            policies.forEachPolicyLevel(shortSkus, p -> {
                Site site = byId.get(p.siteId());
                if (site == null || !site.isStore() || site.warehouse() == null) {
                    return;
                }
                Position position = new Position(p.siteId(), p.sku());
                belowL.put(position, p.onHand() - p.policy().l());
                if (shortSupplies.contains(new Allocation.Supply(site.warehouse(), p.sku()))
                        && p.onHand() > p.policy().s()) {
                    donors.add(new Allocation.Donor(
                            p.siteId(),
                            p.sku(),
                            site.warehouse(),
                            p.onHand(),
                            p.policy().s(),
                            promised.getOrDefault(position, 0L)));
                    donorStock.put(position, p.onHand() - promised.getOrDefault(position, 0L));
                }
            });
            List<Allocation.Demand> demand = new ArrayList<>();
            List<OrderAsPlanned> asRead = new ArrayList<>();
            for (Order o : open) {
                String supplier = supplierOf.get(o.orderId());
                if (!shortSupplies.contains(new Allocation.Supply(supplier, o.sku()))) {
                    continue;
                }
                asRead.add(OrderAsPlanned.of(o));
                demand.add(new Allocation.Demand(
                        o.orderId(),
                        o.siteId(),
                        o.sku(),
                        supplier,
                        o.kind() == OrderKind.EMERGENCY,
                        o.outstanding(),
                        belowL.computeIfAbsent(
                                new Position(o.siteId(), o.sku()),
                                // no policy: L = 0
                                p -> stock.onHand(p.siteId(), p.sku()).orElse(0L))));
            }
            List<Allocation.Line> lines = Allocation.allocate(demand, available, donors);
            Map<Position, Long> used = new HashMap<>();
            for (Allocation.Line l : lines) {
                if (l.action() == Allocation.Action.TRANSFER) {
                    Position p = new Position(l.fromSite(), l.sku());
                    used.put(p, donorStock.get(p));
                }
            }
            return new Proposal(date, lines, asRead, used);
        });
    }

    /**
     * Raises the proposal's transfers (kind transfer, the donor as warehouse, open, due the proposal's date) and
     * shrinks each covered order by what its transfers cover (cancelled when they cover all that was still to come),
     * then runs
     * {@code publish} (the output file), in one write transaction. Under the write lock every order the proposal read
     * and every donor's on hand is read again first; if any differs, nothing is written and the changes are returned.
     */
    public Application apply(Proposal proposal, Runnable publish) {
        String now = LocalTimes.format(context.now());
        return ledger.write(h -> {
            List<String> changed = changedSinceRead(proposal);
            if (!changed.isEmpty()) {
                return new Application(List.of(), 0, 0, 0, changed);
            }
            Map<String, Long> covered = new LinkedHashMap<>();
            Map<String, List<String>> coveredBy = new HashMap<>();
            List<OrderRepository.NewOrder> transfers = new ArrayList<>();
            OrderIds ids = OrderIds.startAt(orders, context.today());
            String due = LocalTimes.format(proposal.date());
            for (Allocation.Line l : proposal.lines()) {
                if (l.action() != Allocation.Action.TRANSFER) {
                    continue;
                }
                String id = ids.next();
                transfers.add(new OrderRepository.NewOrder(
                        id,
                        l.toSite(),
                        l.sku(),
                        OrderKind.TRANSFER,
                        l.qty(),
                        now,
                        due,
                        l.fromSite(),
                        "rebalance: " + l.qty() + " from " + l.fromSite() + " (above S) for order " + l.orderId()
                                + ", warehouse " + l.warehouse() + " short",
                        null));
                covered.merge(l.orderId(), l.qty(), Long::sum);
                coveredBy.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(id);
            }
            orders.raise(transfers);
            Map<String, OrderAsPlanned> read = new HashMap<>();
            proposal.ordersAsRead().forEach(o -> read.put(o.orderId(), o));
            int shrunk = 0;
            int received = 0;
            int cancelled = 0;
            List<OrderRepository.Shrink> shrinks = new ArrayList<>();
            for (Map.Entry<String, Long> e : covered.entrySet()) {
                OrderAsPlanned o = read.get(e.getKey());
                long qty = o.qty() - e.getValue();
                String note = "rebalance: " + e.getValue() + " covered by transfer "
                        + String.join(", ", coveredBy.get(e.getKey()));
                if (qty > o.receivedQty()) {
                    shrinks.add(new OrderRepository.Shrink(o.orderId(), qty, o.status(), now, note));
                    shrunk++;
                } else if (o.receivedQty() > 0) {
                    // what was still to come is covered: the order is done with what it delivered
                    shrinks.add(
                            new OrderRepository.Shrink(o.orderId(), o.receivedQty(), OrderStatus.RECEIVED, now, note));
                    received++;
                } else {
                    shrinks.add(new OrderRepository.Shrink(o.orderId(), o.qty(), OrderStatus.CANCELLED, now, note));
                    cancelled++;
                }
            }
            orders.shrink(shrinks);
            publish.run();
            return new Application(
                    transfers.stream().map(OrderRepository.NewOrder::orderId).toList(),
                    shrunk,
                    received,
                    cancelled,
                    List.of());
        });
    }

    private List<String> changedSinceRead(Proposal proposal) {
        Map<String, Order> now = new HashMap<>();
        for (Order o : orders.openDemandUpTo(LocalTimes.format(proposal.date()))) {
            now.put(o.orderId(), o);
        }
        List<String> changed = new ArrayList<>();
        for (OrderChange c : OrderChange.since(
                proposal.ordersAsRead(), id -> Optional.ofNullable(now.get(id)).or(() -> orders.find(id)))) {
            changed.add(c.toString());
        }
        if (!proposal.donorStockAsRead().isEmpty()) {
            Map<Position, Long> onHand =
                    stock.onHandOf(proposal.donorStockAsRead().keySet());
            Map<Position, Long> promised = promisedByDonors();
            proposal.donorStockAsRead().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(
                            Comparator.comparing(Position::siteId).thenComparing(Position::sku)))
                    .forEach(e -> {
                        long then = e.getValue();
                        long nowFree = onHand.getOrDefault(e.getKey(), 0L) - promised.getOrDefault(e.getKey(), 0L);
                        if (nowFree != then) {
                            changed.add("donor " + e.getKey().siteId() + " "
                                    + e.getKey().sku() + ": on hand less promised transfers " + then + " -> "
                                    + nowFree);
                        }
                    });
        }
        return changed;
    }

    /** Units each store position has promised to other stores in open transfers. */
    private Map<Position, Long> promisedByDonors() {
        Map<Position, Long> promised = new HashMap<>();
        for (OrderRepository.Units u : orders.promisedBySuppliers()) {
            promised.put(new Position(u.siteId(), u.sku()), u.units());
        }
        return promised;
    }

    /** The warehouse of an order: its own, else its store's; null when neither is known. */
    private static String supplierOf(Order o, Map<String, Site> byId) {
        if (o.warehouse() != null && !o.warehouse().isBlank()) {
            return o.warehouse();
        }
        Site s = byId.get(o.siteId());
        return s == null ? null : s.warehouse();
    }

    /** On hand of each warehouse and SKU less what its planned and shipped orders still have to deliver. */
    private Map<Allocation.Supply, Long> available(Map<String, Site> byId) {
        List<String> warehouses = byId.values().stream()
                .filter(s -> !s.isStore())
                .map(Site::siteId)
                .toList();
        Map<Allocation.Supply, Long> available = new HashMap<>();
        for (StockLevel l : stock.levelsAt(warehouses)) {
            available.put(new Allocation.Supply(l.siteId(), l.sku()), l.onHand());
        }
        for (OrderRepository.Units u : orders.committedAtWarehouses()) {
            available.merge(new Allocation.Supply(u.siteId(), u.sku()), -u.units(), Long::sum);
        }
        return available;
    }
}
