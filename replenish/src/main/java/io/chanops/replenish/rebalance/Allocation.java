package io.chanops.replenish.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Allocation of a short warehouse and store-to-store transfers (SPEC §12), as pure logic: orders, warehouse stock and
 * donors in, lines out.
 *
 * <p>For each warehouse and SKU whose demand exceeds what the warehouse has available:
 *
 * <ol>
 *   <li>Orders in allocation order (emergency first, then furthest below L, i.e. on hand - L ascending, then order
 *       id) are taken whole while they fit; one that no longer fits is skipped, a later smaller one may still fit.
 *   <li>Each order left without stock is covered by donors: stores of the same warehouse above S, the largest excess
 *       (on hand - S - what it already promised to other stores) first, ties by site id; a donor is never taken below
 *       S and several donors may share one order. What donors cannot cover is short.
 * </ol>
 *
 * Lines come by warehouse, SKU, then allocation order; an order's transfers in the order its donors gave. A warehouse
 * and SKU with enough stock gives no lines. Donors of one warehouse never give to another's stores.
 */
public final class Allocation {
    /** What a line does: {@code allocate} (warehouse to store), {@code transfer} (store to store), {@code short}. */
    public enum Action {
        ALLOCATE,
        TRANSFER,
        SHORT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return code();
        }
    }

    /** A warehouse and a SKU: where allocation happens. */
    public record Supply(String warehouse, String sku) implements Comparable<Supply> {
        private static final Comparator<Supply> ORDER =
                Comparator.comparing(Supply::warehouse).thenComparing(Supply::sku);

        @Override
        public int compareTo(Supply o) {
            return ORDER.compare(this, o);
        }
    }

    /**
     * An open order still to deliver: {@code units} = qty - received, {@code belowL} = the store's on hand - L (0 for L
     * when it has no policy), {@code warehouse} the site that supplies it.
     */
    public record Demand(
            String orderId, String siteId, String sku, String warehouse, boolean emergency, long units, long belowL) {
        public Supply supply() {
            return new Supply(warehouse, sku);
        }
    }

    /**
     * A store of {@code warehouse} that may give {@code sku}: its on hand, its S and the units it already promised to
     * other stores (open transfers). It may give {@link #excess} units and stays at or above S.
     */
    public record Donor(String siteId, String sku, String warehouse, long onHand, long s, long promised) {
        public long excess() {
            return Math.max(0, onHand - s - promised);
        }

        public Supply supply() {
            return new Supply(warehouse, sku);
        }
    }

    /** One output line; {@code fromSite} is the warehouse (allocate), the donor (transfer) or null (short). */
    public record Line(
            Action action, String warehouse, String orderId, String fromSite, String toSite, String sku, long qty) {}

    /** The allocation order within one warehouse and SKU. */
    public static final Comparator<Demand> ALLOCATION_ORDER = Comparator.comparing((Demand d) -> !d.emergency())
            .thenComparingLong(Demand::belowL)
            .thenComparing(Demand::orderId);

    private static final Comparator<Giver> LARGEST_EXCESS_FIRST =
            Comparator.comparingLong((Giver g) -> -g.left).thenComparing(g -> g.donor.siteId());

    private Allocation() {}

    /**
     * Allocates every short warehouse and SKU. {@code available} is each warehouse's on hand less what its planned and
     * shipped orders still have to deliver (absent: 0).
     */
    public static List<Line> allocate(List<Demand> demand, Map<Supply, Long> available, List<Donor> donors) {
        Map<Supply, List<Demand>> bySupply = new TreeMap<>();
        for (Demand d : demand) {
            if (d.units() > 0) {
                bySupply.computeIfAbsent(d.supply(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<Supply, List<Donor>> donorsBySupply = new HashMap<>();
        for (Donor d : donors) {
            donorsBySupply.computeIfAbsent(d.supply(), k -> new ArrayList<>()).add(d);
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Supply, List<Demand>> e : bySupply.entrySet()) {
            allocateOne(
                    e.getKey(),
                    e.getValue(),
                    Math.max(0, available.getOrDefault(e.getKey(), 0L)),
                    donorsBySupply.getOrDefault(e.getKey(), List.of()),
                    lines);
        }
        return lines;
    }

    private static void allocateOne(
            Supply supply, List<Demand> orders, long available, List<Donor> donors, List<Line> into) {
        long total = 0;
        for (Demand d : orders) {
            total = Math.addExact(total, d.units());
        }
        if (total <= available) {
            return;
        }
        List<Demand> sorted = new ArrayList<>(orders);
        sorted.sort(ALLOCATION_ORDER);
        boolean[] allocated = new boolean[sorted.size()];
        long left = available;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).units() <= left) {
                allocated[i] = true;
                left -= sorted.get(i).units();
            }
        }
        PriorityQueue<Giver> pool = new PriorityQueue<>(LARGEST_EXCESS_FIRST);
        for (Donor d : donors) {
            if (d.excess() > 0) {
                pool.add(new Giver(d, d.excess()));
            }
        }
        String warehouse = supply.warehouse();
        for (int i = 0; i < sorted.size(); i++) {
            Demand o = sorted.get(i);
            if (allocated[i]) {
                into.add(new Line(Action.ALLOCATE, warehouse, o.orderId(), warehouse, o.siteId(), o.sku(), o.units()));
                continue;
            }
            long need = o.units();
            List<Giver> setAside = new ArrayList<>();
            while (need > 0 && !pool.isEmpty()) {
                Giver g = pool.poll();
                if (g.donor.siteId().equals(o.siteId())) {
                    setAside.add(g); // a store does not give to itself
                    continue;
                }
                long take = Math.min(need, g.left);
                into.add(
                        new Line(Action.TRANSFER, warehouse, o.orderId(), g.donor.siteId(), o.siteId(), o.sku(), take));
                need -= take;
                g.left -= take;
                if (g.left > 0) {
                    setAside.add(g);
                }
            }
            pool.addAll(setAside);
            if (need > 0) {
                into.add(new Line(Action.SHORT, warehouse, o.orderId(), null, o.siteId(), o.sku(), need));
            }
        }
    }

    /** A donor and what it may still give in this run. */
    private static final class Giver {
        final Donor donor;
        long left;

        Giver(Donor donor, long left) {
            this.donor = donor;
            this.left = left;
        }
    }
}
