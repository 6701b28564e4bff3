package io.chanops.reconcile.match;

import io.chanops.reconcile.boss.BossRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The BOSS rows of one platform order (rule 3: same order_ref; rule 4: a fallback-matched row): the original
 * transaction, its reversals (negative amounts) and any re-submission. Its net amount is the sum of the rows; it is
 * live when its latest row (by accepted_at, a later line breaking ties) is completed. Most groups have one row, so the
 * rest are kept in a list only when there are some.
 */
public final class BossGroup {
    private final String orderRef;
    private final boolean fallback;
    private final BossRow first;
    private List<BossRow> more;
    private BossRow latest;
    private long netFen;

    BossGroup(String orderRef, BossRow first, boolean fallback) {
        this.orderRef = orderRef;
        this.first = first;
        this.latest = first;
        this.netFen = first.amountFen();
        this.fallback = fallback;
    }

    void add(BossRow row) {
        if (more == null) {
            more = new ArrayList<>(2);
        }
        more.add(row);
        netFen += row.amountFen();
        if (isLater(row.acceptedAt(), row.line(), latest.acceptedAt(), latest.line())) {
            latest = row;
        }
    }

    /** Rule 3's latest row: a later accepted_at, or the same one on a later line. */
    static boolean isLater(long acceptedAt, long line, long latestAcceptedAt, long latestLine) {
        return acceptedAt > latestAcceptedAt || (acceptedAt == latestAcceptedAt && line > latestLine);
    }

    public String orderRef() {
        return orderRef;
    }

    /** True when the group was formed by rule 4 (msisdn + amount + time) rather than by order_ref. */
    public boolean fallback() {
        return fallback;
    }

    public long netFen() {
        return netFen;
    }

    public BossRow latest() {
        return latest;
    }

    public BossRow first() {
        return first;
    }

    public boolean live() {
        return latest.completed();
    }

    public String status() {
        return latest.status();
    }

    public int size() {
        return more == null ? 1 : 1 + more.size();
    }

    public List<BossRow> rows() {
        if (more == null) {
            return List.of(first);
        }
        List<BossRow> all = new ArrayList<>(1 + more.size());
        all.add(first);
        all.addAll(more);
        return all;
    }

    /** The boss_ids of the group in file order, {@code |}-separated. */
    public String bossIds() {
        if (more == null) {
            return first.bossId();
        }
        StringBuilder s = new StringBuilder(first.bossId());
        for (BossRow r : more) {
            s.append('|').append(r.bossId());
        }
        return s.toString();
    }
}
