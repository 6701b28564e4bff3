package io.chanops.reconcile.match;

import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.platform.PlatformTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The outcome of the six rules over two tables, kept as arrays so a million findings cost no object each: a category
 * and a BOSS group per platform row, the groups (first, latest and next rows, net amount), and the BOSS-only findings
 * in report order. {@link #items} turns the findings that are wanted as objects (discrepancies, say) into {@link
 * Item}s.
 */
public final class Matching {
    private static final Category[] CATEGORIES = Category.values();
    final PlatformTable platform;
    final BossTable boss;
    final byte[] category;
    final int[] groupOf;
    /** Rule 1: BOSS rows that are extra copies of a boss_id. */
    final boolean[] duplicateBoss;
    // groups: ref groups, fallback groups, and single-row groups for orphan rows without order_ref and duplicates
    int groups;
    int[] groupFirst;
    int[] groupLast;
    int[] groupLatest;
    long[] groupNet;
    int[] groupOrder; // fallback groups: the platform row whose id is the group's order_ref; else -1
    final int[] nextInGroup;
    // BOSS-only findings, in report order
    int bossOnly;
    int[] bossOnlyGroup = new int[16];
    byte[] bossOnlyCategory = new byte[16];
    CarriedOrder[] bossOnlyCarried = new CarriedOrder[16];
    final Summary summary = new Summary();

    Matching(PlatformTable platform, BossTable boss) {
        this.platform = platform;
        this.boss = boss;
        this.category = new byte[platform.size()];
        this.groupOf = new int[platform.size()];
        this.duplicateBoss = new boolean[boss.size()];
        int cap = Math.max(16, boss.size());
        groupFirst = new int[cap];
        groupLast = new int[cap];
        groupLatest = new int[cap];
        groupNet = new long[cap];
        groupOrder = new int[cap];
        nextInGroup = new int[boss.size()];
    }

    public PlatformTable platform() {
        return platform;
    }

    public BossTable boss() {
        return boss;
    }

    public Summary summary() {
        return summary;
    }

    /** Category of platform row {@code i}. */
    public Category category(int i) {
        return CATEGORIES[category[i]];
    }

    /** Group of platform row {@code i}, or -1. */
    public int groupOf(int i) {
        return groupOf[i];
    }

    public long netFen(int group) {
        return groupNet[group];
    }

    /** BOSS row whose status and time stand for the group (its latest row). */
    public int latest(int group) {
        return groupLatest[group];
    }

    public boolean live(int group) {
        return boss.completed(groupLatest[group]);
    }

    public boolean fallback(int group) {
        return groupOrder[group] >= 0;
    }

    /** Rows of a group in file order. */
    public int first(int group) {
        return groupFirst[group];
    }

    /** The row after {@code row} in its group, or -1. */
    public int next(int row) {
        return nextInGroup[row];
    }

    public String matchedBy(int group) {
        return fallback(group) ? "fallback" : "order_ref";
    }

    int newGroup(int firstRow, int orderRow) {
        if (groups == groupFirst.length) {
            int n = groups * 2;
            groupFirst = Arrays.copyOf(groupFirst, n);
            groupLast = Arrays.copyOf(groupLast, n);
            groupLatest = Arrays.copyOf(groupLatest, n);
            groupNet = Arrays.copyOf(groupNet, n);
            groupOrder = Arrays.copyOf(groupOrder, n);
        }
        int g = groups++;
        groupFirst[g] = firstRow;
        groupLast[g] = firstRow;
        groupLatest[g] = firstRow;
        groupNet[g] = boss.amountFen(firstRow);
        groupOrder[g] = orderRow;
        nextInGroup[firstRow] = -1;
        return g;
    }

    void addToGroup(int g, int row) {
        nextInGroup[groupLast[g]] = row;
        nextInGroup[row] = -1;
        groupLast[g] = row;
        groupNet[g] += boss.amountFen(row);
        int latest = groupLatest[g];
        if (BossGroup.isLater(boss.acceptedAt(row), boss.line(row), boss.acceptedAt(latest), boss.line(latest))) {
            groupLatest[g] = row;
        }
    }

    void addBossOnly(Category c, int group, CarriedOrder carried) {
        if (bossOnly == bossOnlyGroup.length) {
            int n = bossOnly * 2;
            bossOnlyGroup = Arrays.copyOf(bossOnlyGroup, n);
            bossOnlyCategory = Arrays.copyOf(bossOnlyCategory, n);
            bossOnlyCarried = Arrays.copyOf(bossOnlyCarried, n);
        }
        bossOnlyGroup[bossOnly] = group;
        bossOnlyCategory[bossOnly] = (byte) c.ordinal();
        bossOnlyCarried[bossOnly] = carried;
        bossOnly++;
        summary.add(c, carried == null ? 0 : carried.order().amountFen(), groupNet[group]);
    }

    /** Group {@code g} as a {@link BossGroup} object. */
    public BossGroup group(int g) {
        int first = groupFirst[g];
        String ref = groupOrder[g] >= 0
                ? platform.orderId(groupOrder[g])
                : boss.orderRefs().get(first);
        BossGroup group = new BossGroup(ref, boss.row(first), groupOrder[g] >= 0);
        for (int r = nextInGroup[first]; r >= 0; r = nextInGroup[r]) {
            group.add(boss.row(r));
        }
        return group;
    }

    /**
     * The findings whose category passes {@code wanted}, as objects: platform-side findings in platform file order,
     * then BOSS-only findings (groups without a platform order by their first line, resolved-late ones among them, then
     * duplicate copies).
     */
    public List<Item> items(Predicate<Category> wanted) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < category.length; i++) {
            Category c = CATEGORIES[category[i]];
            if (wanted.test(c)) {
                items.add(new Item(c, platform.order(i), groupOf[i] >= 0 ? group(groupOf[i]) : null, null));
            }
        }
        for (int k = 0; k < bossOnly; k++) {
            Category c = CATEGORIES[bossOnlyCategory[k]];
            if (wanted.test(c)) {
                CarriedOrder carried = bossOnlyCarried[k];
                items.add(new Item(c, carried == null ? null : carried.order(), group(bossOnlyGroup[k]), carried));
            }
        }
        return items;
    }

    /** Whether BOSS row {@code r} is an extra copy of a boss_id (DUPLICATE_BOSS). */
    public boolean duplicateBoss(int r) {
        return duplicateBoss[r];
    }

    /** Every finding as an object (tests and small files). */
    public List<Item> items() {
        return items(c -> true);
    }
}
