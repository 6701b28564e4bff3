package io.chanops.reconcile.match;

/**
 * Counts and amounts per category, and the file totals they must add back to: the platform amounts of the eight
 * reported categories sum to the platform file total (every platform row is in exactly one of them: a kept order in
 * its category, an extra copy in DUPLICATE_PLATFORM); the BOSS amounts of all categories including RESOLVED_LATE sum to
 * the BOSS file total (every BOSS row is in exactly one group or duplicate, and a category's BOSS amount is the net of
 * its groups).
 */
public final class Summary {
    private final long[] count = new long[Category.values().length];
    private final long[] platformFen = new long[Category.values().length];
    private final long[] bossFen = new long[Category.values().length];

    void add(Category category, long platform, long boss) {
        int i = category.ordinal();
        count[i]++;
        platformFen[i] += platform;
        bossFen[i] += boss;
    }

    public long count(Category c) {
        return count[c.ordinal()];
    }

    public long platformFen(Category c) {
        return platformFen[c.ordinal()];
    }

    public long bossFen(Category c) {
        return bossFen[c.ordinal()];
    }

    public long discrepancies() {
        long n = 0;
        for (Category c : Category.values()) {
            if (c.discrepancy()) {
                n += count[c.ordinal()];
            }
        }
        return n;
    }

    /** Sum of the platform amounts of the categories whose platform side comes from this run's platform file. */
    public long platformTotalFen() {
        long t = 0;
        for (Category c : Category.values()) {
            if (c.fromPlatformFile()) {
                t += platformFen[c.ordinal()];
            }
        }
        return t;
    }

    /** Sum of the BOSS amounts of every category. */
    public long bossTotalFen() {
        long t = 0;
        for (long b : bossFen) {
            t += b;
        }
        return t;
    }

    /** Platform rows accounted for: one per item whose platform side is from this run's file. */
    public long platformRows() {
        long n = 0;
        for (Category c : Category.values()) {
            if (c.fromPlatformFile()) {
                n += count[c.ordinal()];
            }
        }
        return n;
    }
}
