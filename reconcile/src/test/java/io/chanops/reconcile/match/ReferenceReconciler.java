package io.chanops.reconcile.match;

import io.chanops.reconcile.boss.BossRow;
import io.chanops.reconcile.platform.PlatformOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object-per-row implementation of the six rules that chanops used before {@link Matcher}: kept as the oracle of
 * a differential property test (same inputs, same findings). Original documentation follows.
 *
 * The six deterministic rules of SPEC §7, as a pure function of the two files' rows (in file order). Integer fen
 * throughout; times are local seconds. Same input, same output: every choice has a stated tie-break.
 */
final class ReferenceReconciler {
    private final long toleranceFen;
    private final long windowSeconds;

    ReferenceReconciler(long toleranceFen, long windowSeconds) {
        if (toleranceFen < 0 || windowSeconds < 0) {
            throw new IllegalArgumentException("tolerance and window must not be negative");
        }
        this.toleranceFen = toleranceFen;
        this.windowSeconds = windowSeconds;
    }

    public Reconciler.Result reconcile(List<PlatformOrder> platform, List<BossRow> boss) {
        return reconcile(platform, boss, List.of());
    }

    public Reconciler.Result reconcile(List<PlatformOrder> platform, List<BossRow> boss, List<CarriedOrder> carried) {
        List<Item> bossOnly = new ArrayList<>();

        // Rule 1: the first copy of a boss_id is kept, later copies are DUPLICATE_BOSS.
        List<BossRow> keptBoss = new ArrayList<>(boss.size());
        List<Item> duplicateBoss = new ArrayList<>();
        {
            Set<String> seen = new HashSet<>(Math.max(16, boss.size() * 4 / 3 + 1));
            for (BossRow r : boss) {
                if (seen.add(r.bossId())) {
                    keptBoss.add(r);
                } else {
                    duplicateBoss.add(
                            new Item(Category.DUPLICATE_BOSS, null, new BossGroup(r.orderRef(), r, false), null));
                }
            }
        }

        // Rule 2: the first copy of an order_id is kept, later copies are DUPLICATE_PLATFORM.
        Map<String, PlatformOrder> orders = new HashMap<>(Math.max(16, platform.size() * 4 / 3 + 1));
        boolean[] duplicateOrder = new boolean[platform.size()];
        for (int i = 0; i < platform.size(); i++) {
            PlatformOrder o = platform.get(i);
            if (orders.putIfAbsent(o.orderId(), o) != null) {
                duplicateOrder[i] = true;
            }
        }

        // Rule 3: rows with an order_ref form one group per order_ref (reversals and re-submissions included).
        Map<String, BossGroup> groups = new HashMap<>(Math.max(16, keptBoss.size() * 4 / 3 + 1));
        List<BossRow> withoutRef = new ArrayList<>();
        for (BossRow r : keptBoss) {
            if (r.orderRef().isEmpty()) {
                withoutRef.add(r);
                continue;
            }
            BossGroup g = groups.get(r.orderRef());
            if (g == null) {
                groups.put(r.orderRef(), new BossGroup(r.orderRef(), r, false));
            } else {
                g.add(r);
            }
        }

        // Rule 4: rows without order_ref are matched to orders without a group by msisdn + amount + time window.
        Map<String, BossGroup> fallbackGroups = new HashMap<>();
        Set<BossRow> fallbackMatched = matchFallback(withoutRef, orders, groups, fallbackGroups);

        // Rule 5: each kept platform order, in file order.
        Summary summary = new Summary();
        Set<BossGroup> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Item> items = new ArrayList<>(platform.size() + withoutRef.size() + duplicateBoss.size() + 16);
        for (int i = 0; i < platform.size(); i++) {
            PlatformOrder o = platform.get(i);
            Item item;
            if (duplicateOrder[i]) {
                item = new Item(Category.DUPLICATE_PLATFORM, o, null, null);
            } else {
                BossGroup g = groups.get(o.orderId());
                if (g == null) {
                    g = fallbackGroups.get(o.orderId());
                }
                if (g != null) {
                    claimed.add(g);
                }
                item = new Item(categorise(o, g), o, g, null);
            }
            items.add(item);
            summary.add(item.category(), item.platformFen(), item.bossFen());
        }

        // Rule 6: groups and unmatched rows without a platform order; --carry gives earlier MISSING_IN_BOSS orders a
        // second chance here, by order_ref.
        Map<String, CarriedOrder> carriedById = new HashMap<>();
        for (CarriedOrder c : carried) {
            if (!orders.containsKey(c.order().orderId())) {
                carriedById.putIfAbsent(c.order().orderId(), c);
            }
        }
        List<BossGroup> orphans = new ArrayList<>();
        for (BossGroup g : groups.values()) {
            if (!claimed.contains(g)) {
                orphans.add(g);
            }
        }
        for (BossRow r : withoutRef) {
            if (!fallbackMatched.contains(r)) {
                orphans.add(new BossGroup(r.orderRef(), r, false));
            }
        }
        orphans.sort(Comparator.comparingLong(g -> g.first().line()));
        for (BossGroup g : orphans) {
            CarriedOrder c = g.orderRef().isEmpty() ? null : carriedById.get(g.orderRef());
            bossOnly.add(
                    c == null
                            ? new Item(Category.MISSING_IN_PLATFORM, null, g, null)
                            : new Item(Category.RESOLVED_LATE, c.order(), g, c));
        }
        bossOnly.addAll(duplicateBoss);
        for (Item item : bossOnly) {
            items.add(item);
            summary.add(item.category(), item.platformFen(), item.bossFen());
        }
        return new Reconciler.Result(items, summary);
    }

    /** Rule 5 for an order that is kept; {@code g} is its group or null. */
    Category categorise(PlatformOrder o, BossGroup g) {
        boolean platformLive = o.status().live();
        if (g == null) {
            return platformLive ? Category.MISSING_IN_BOSS : Category.OK_CANCELLED;
        }
        if (platformLive != g.live()) {
            return Category.STATUS_MISMATCH;
        }
        if (platformLive && Math.abs(o.amountFen() - g.netFen()) > toleranceFen) {
            return Category.AMOUNT_MISMATCH;
        }
        return Category.MATCHED;
    }

    /**
     * Pairs rows without order_ref with orders that have no group: same msisdn, same amount, |accepted_at - created_at|
     * within the window. "Nearest in time wins" is applied globally: all admissible pairs are taken in order of time
     * distance (then order_id, then the row's line), each row and each order at most once. A row's group is that one
     * row, so an order gets at most one fallback row.
     */
    private Set<BossRow> matchFallback(
            List<BossRow> withoutRef,
            Map<String, PlatformOrder> orders,
            Map<String, BossGroup> groups,
            Map<String, BossGroup> fallbackGroups) {
        if (withoutRef.isEmpty()) {
            return Set.of();
        }
        Map<String, List<BossRow>> rowsByKey = new HashMap<>();
        for (BossRow r : withoutRef) {
            if (!r.msisdn().isEmpty()) {
                rowsByKey
                        .computeIfAbsent(key(r.msisdn(), r.amountFen()), k -> new ArrayList<>())
                        .add(r);
            }
        }
        record Pair(BossRow row, PlatformOrder order, long distance) {}
        List<Pair> pairs = new ArrayList<>();
        for (PlatformOrder o : orders.values()) {
            if (o.msisdn().isEmpty() || groups.containsKey(o.orderId())) {
                continue;
            }
            List<BossRow> rows = rowsByKey.get(key(o.msisdn(), o.amountFen()));
            if (rows == null) {
                continue;
            }
            for (BossRow r : rows) {
                long d = Math.abs(r.acceptedAt() - o.createdAt());
                if (d <= windowSeconds) {
                    pairs.add(new Pair(r, o, d));
                }
            }
        }
        pairs.sort(Comparator.comparingLong(Pair::distance)
                .thenComparing(p -> p.order().orderId())
                .thenComparingLong(p -> p.row().line()));
        Set<BossRow> used = new HashSet<>();
        for (Pair p : pairs) {
            if (used.contains(p.row()) || fallbackGroups.containsKey(p.order().orderId())) {
                continue;
            }
            used.add(p.row());
            fallbackGroups.put(p.order().orderId(), new BossGroup(p.order().orderId(), p.row(), true));
        }
        return used;
    }

    private static String key(String msisdn, long amountFen) {
        return msisdn + '\u0000' + amountFen;
    }
}
