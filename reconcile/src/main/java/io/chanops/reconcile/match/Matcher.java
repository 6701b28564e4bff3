package io.chanops.reconcile.match;

import io.chanops.ledger.Futures;
import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.bulk.KeyColumn;
import io.chanops.reconcile.bulk.KeyIndex;
import io.chanops.reconcile.platform.PlatformTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The six deterministic rules of SPEC §7 over two tables (rows in file order). Integer fen throughout; times are local
 * seconds. Same input, same output: every choice has a stated tie-break. Works on row numbers and primitive hash
 * indexes ({@link KeyIndex}), so a million orders against a million BOSS rows take no object per row.
 */
public final class Matcher {
    private final long toleranceFen;
    private final long windowSeconds;

    public Matcher(long toleranceFen, long windowSeconds) {
        if (toleranceFen < 0 || windowSeconds < 0) {
            throw new IllegalArgumentException("tolerance and window must not be negative");
        }
        this.toleranceFen = toleranceFen;
        this.windowSeconds = windowSeconds;
    }

    public Matching match(PlatformTable platform, BossTable boss, List<CarriedOrder> carried) {
        return match(platform, boss, carried, Runnable::run);
    }

    /**
     * As {@link #match(PlatformTable, BossTable, List)}, running the BOSS side (rules 1 and 3) and the platform side
     * (rule 2), then the two halves of the order_ref lookup, as tasks on {@code executor}: the rules are the same.
     */
    public Matching match(PlatformTable platform, BossTable boss, List<CarriedOrder> carried, Executor executor) {
        Matching m = new Matching(platform, boss);
        int nb = boss.size();
        int np = platform.size();
        boolean[] duplicateBoss = m.duplicateBoss;
        boolean[] duplicateOrder = new boolean[np];
        KeyColumn refs = boss.orderRefs();
        int[] groupOfFirstRow = new int[nb];
        List<Integer> withoutRef = new ArrayList<>();
        KeyIndex orderIds = new KeyIndex(platform.orderIds(), np);

        CompletableFuture<KeyIndex> bossSide = CompletableFuture.supplyAsync(
                () -> {
                    // Rule 1: the first copy of a boss_id is kept, later copies are DUPLICATE_BOSS (reported last).
                    KeyIndex bossIds = new KeyIndex(boss.bossIds(), nb);
                    long touched = 0;
                    for (int r = 0; r < nb; r++) {
                        if (r % KeyIndex.AHEAD == 0) {
                            touched += bossIds.touch(boss.bossIds(), r, Math.min(nb, r + KeyIndex.AHEAD));
                        }
                        duplicateBoss[r] = bossIds.putIfAbsent(r) >= 0;
                    }
                    bossIds = null; // collectable before the order_ref index is made: one index less at the peak of
                    // memory
                    KeyIndex refIndex = new KeyIndex(refs, nb);
                    // Rule 3: kept rows with an order_ref form one group per order_ref (reversals and re-submissions
                    // included).
                    for (int r = 0; r < nb; r++) {
                        if (r % KeyIndex.AHEAD == 0) {
                            touched += refIndex.touch(refs, r, Math.min(nb, r + KeyIndex.AHEAD));
                        }
                        if (duplicateBoss[r]) {
                            continue;
                        }
                        if (refs.isEmpty(r)) {
                            withoutRef.add(r);
                            continue;
                        }
                        int first = refIndex.putIfAbsent(r);
                        if (first < 0) {
                            groupOfFirstRow[r] = m.newGroup(r, -1);
                        } else {
                            m.addToGroup(groupOfFirstRow[first], r);
                        }
                    }
                    KeyIndex.keep(touched);
                    return refIndex;
                },
                executor);
        // Rule 2: the first copy of an order_id is kept, later copies are DUPLICATE_PLATFORM.
        CompletableFuture<Void> platformSide = CompletableFuture.runAsync(
                () -> {
                    long touched = 0;
                    for (int i = 0; i < np; i++) {
                        if (i % KeyIndex.AHEAD == 0) {
                            touched += orderIds.touch(platform.orderIds(), i, Math.min(np, i + KeyIndex.AHEAD));
                        }
                        duplicateOrder[i] = orderIds.putIfAbsent(i) >= 0;
                    }
                    KeyIndex.keep(touched);
                },
                executor);
        Futures.join(CompletableFuture.allOf(bossSide, platformSide));
        KeyIndex refIndex = bossSide.join();
        int refGroups = m.groups;

        // Each kept order's group by order_ref, if any (two halves, as two tasks).
        int[] groupOf = m.groupOf;
        int half = np / 2;
        Futures.join(CompletableFuture.allOf(
                CompletableFuture.runAsync(
                        () -> lookUpGroups(0, half, duplicateOrder, refIndex, platform, groupOfFirstRow, groupOf),
                        executor),
                CompletableFuture.runAsync(
                        () -> lookUpGroups(half, np, duplicateOrder, refIndex, platform, groupOfFirstRow, groupOf),
                        executor)));

        // Rule 4: rows without order_ref are matched to kept orders without a group by msisdn + amount + time window.
        boolean[] fallbackMatched = matchFallback(m, withoutRef, duplicateOrder);

        // Rule 5: each platform row, in file order.
        boolean[] claimed = new boolean[m.groups];
        for (int i = 0; i < np; i++) {
            Category c;
            int g = groupOf[i];
            if (duplicateOrder[i]) {
                c = Category.DUPLICATE_PLATFORM;
            } else {
                if (g >= 0) {
                    claimed[g] = true;
                }
                c = categorise(
                        platform.live(i), platform.amountFen(i), g < 0 ? null : m.live(g), g < 0 ? 0 : m.netFen(g));
            }
            m.category[i] = (byte) c.ordinal();
            m.summary.add(c, platform.amountFen(i), g < 0 ? 0 : m.netFen(g));
        }

        // Rule 6: groups and unmatched rows without order_ref that have no platform order, by their first line; --carry
        // gives earlier MISSING_IN_BOSS orders a second chance here, by order_ref.
        Map<String, CarriedOrder> carriedById = carriedById(carried, orderIds);
        List<Integer> orphans = new ArrayList<>(); // groups
        for (int g = 0; g < refGroups; g++) {
            if (!claimed[g]) {
                orphans.add(g);
            }
        }
        for (int r : withoutRef) {
            if (!fallbackMatched[r]) {
                orphans.add(m.newGroup(r, -1));
            }
        }
        orphans.sort(Comparator.comparingLong(g -> boss.line(m.first(g))));
        for (int g : orphans) {
            int first = m.first(g);
            CarriedOrder c = carriedById.isEmpty() || refs.isEmpty(first) ? null : carriedById.get(refs.get(first));
            m.addBossOnly(c == null ? Category.MISSING_IN_PLATFORM : Category.RESOLVED_LATE, g, c);
        }
        for (int r = 0; r < nb; r++) {
            if (duplicateBoss[r]) {
                m.addBossOnly(Category.DUPLICATE_BOSS, m.newGroup(r, -1), null);
            }
        }
        return m;
    }

    private static void lookUpGroups(
            int from,
            int to,
            boolean[] duplicateOrder,
            KeyIndex refIndex,
            PlatformTable platform,
            int[] groupOfFirstRow,
            int[] groupOf) {
        long touched = 0;
        for (int i = from; i < to; i++) {
            if ((i - from) % KeyIndex.AHEAD == 0) {
                touched += refIndex.touch(platform.orderIds(), i, Math.min(to, i + KeyIndex.AHEAD));
            }
            int first = duplicateOrder[i] ? -1 : refIndex.find(platform.orderIds(), i);
            groupOf[i] = first < 0 ? -1 : groupOfFirstRow[first];
        }
        KeyIndex.keep(touched);
    }

    /** Rule 5 for a kept order; {@code groupLive} is null when it has no group. */
    Category categorise(boolean platformLive, long platformFen, Boolean groupLive, long netFen) {
        if (groupLive == null) {
            return platformLive ? Category.MISSING_IN_BOSS : Category.OK_CANCELLED;
        }
        if (platformLive != groupLive) {
            return Category.STATUS_MISMATCH;
        }
        if (platformLive && Math.abs(platformFen - netFen) > toleranceFen) {
            return Category.AMOUNT_MISMATCH;
        }
        return Category.MATCHED;
    }

    /** Carried orders by id, leaving out those this run's platform file has again (the file is newer evidence). */
    private static Map<String, CarriedOrder> carriedById(List<CarriedOrder> carried, KeyIndex orderIds) {
        Map<String, CarriedOrder> byId = new HashMap<>();
        if (carried.isEmpty()) {
            return byId;
        }
        KeyColumn ids = new KeyColumn(carried.size());
        for (CarriedOrder c : carried) {
            int k = ids.add(c.order().orderId());
            if (orderIds.find(ids, k) < 0) {
                byId.putIfAbsent(c.order().orderId(), c);
            }
        }
        return byId;
    }

    /**
     * Pairs rows without order_ref with kept orders that have no group: same msisdn, same amount, |accepted_at -
     * created_at| within the window. "Nearest in time wins" is applied globally: all admissible pairs are taken in
     * order of time distance (then order_id, then the row's line), each row and each order at most once. A row's group
     * is that one row, so an order gets at most one fallback row. Returns which BOSS rows were matched.
     */
    private boolean[] matchFallback(Matching m, List<Integer> withoutRef, boolean[] duplicateOrder) {
        BossTable boss = m.boss;
        PlatformTable platform = m.platform;
        boolean[] used = new boolean[boss.size()];
        if (withoutRef.isEmpty()) {
            return used;
        }
        KeyColumn msisdns = boss.msisdns();
        KeyIndex byMsisdn = new KeyIndex(msisdns, withoutRef.size());
        int[] sameMsisdn = new int[boss.size()];
        int[] lastOfFirst = new int[boss.size()];
        for (int r : withoutRef) {
            if (msisdns.isEmpty(r)) {
                continue;
            }
            int first = byMsisdn.putIfAbsent(r);
            sameMsisdn[r] = -1;
            if (first < 0) {
                lastOfFirst[r] = r;
            } else {
                sameMsisdn[lastOfFirst[first]] = r;
                lastOfFirst[first] = r;
            }
        }
        List<long[]> pairs = new ArrayList<>(); // {distance, order row, boss row}
        for (int i = 0; i < platform.size(); i++) {
            if (duplicateOrder[i] || m.groupOf[i] >= 0 || platform.msisdns().isEmpty(i)) {
                continue;
            }
            int r = byMsisdn.find(platform.msisdns(), i);
            for (; r >= 0; r = sameMsisdn[r]) {
                if (boss.amountFen(r) != platform.amountFen(i)) {
                    continue;
                }
                long d = Math.abs(boss.acceptedAt(r) - platform.createdAt(i));
                if (d <= windowSeconds) {
                    pairs.add(new long[] {d, i, r});
                }
            }
        }
        KeyColumn ids = platform.orderIds();
        pairs.sort((a, b) -> {
            int c = Long.compare(a[0], b[0]);
            if (c == 0) {
                c = ids.compare((int) a[1], ids, (int) b[1]);
            }
            return c != 0 ? c : Long.compare(boss.line((int) a[2]), boss.line((int) b[2]));
        });
        boolean[] orderTaken = new boolean[platform.size()];
        for (long[] p : pairs) {
            int i = (int) p[1];
            int r = (int) p[2];
            if (used[r] || orderTaken[i]) {
                continue;
            }
            used[r] = true;
            orderTaken[i] = true;
            m.groupOf[i] = m.newGroup(r, i);
        }
        return used;
    }
}
