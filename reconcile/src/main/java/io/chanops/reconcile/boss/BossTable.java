package io.chanops.reconcile.boss;

import io.chanops.reconcile.bulk.KeyColumn;
import io.chanops.reconcile.bulk.RowTable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one BOSS export in file order, column by column (see {@code PlatformTable}): boss_id, order_ref and
 * msisdn as UTF-8 bytes, the site as a dictionary code, times in local seconds, amounts in fen, the status already
 * mapped through the profile. {@link #row(int)} gives one row as a {@link BossRow} when one is needed.
 */
public final class BossTable extends RowTable {
    final KeyColumn bossIds;
    final KeyColumn orderRefs;
    private boolean[] completed;
    private int totalRowsLeftOut;

    BossTable(String file, Charset dictionaryCharset, int expected) {
        super(file, dictionaryCharset, expected);
        int n = capacity(expected);
        bossIds = new KeyColumn(n);
        orderRefs = new KeyColumn(n);
        completed = new boolean[n];
    }

    /** A table of the given rows (tests): the same columns as read from a file. */
    public static BossTable of(String file, List<BossRow> rows) {
        BossTable t = new BossTable(file, StandardCharsets.UTF_8, rows.size());
        for (BossRow r : rows) {
            t.bossIds.add(r.bossId());
            t.orderRefs.add(r.orderRef());
            t.msisdns().add(r.msisdn());
            t.add(r.acceptedAt(), r.amountFen(), r.completed(), t.sites.code(r.siteId()), r.line());
        }
        return t;
    }

    /** How many total rows of the export its profile's {@code total.label} left out (none without one). */
    public int totalRowsLeftOut() {
        return totalRowsLeftOut;
    }

    void totalRowsLeftOut(int count) {
        totalRowsLeftOut = count;
    }

    /** Appends a row whose boss_id, order_ref and msisdn were just added to their key columns. */
    void add(long at, long fen, boolean done, int siteCode, long line) {
        completed[append(at, fen, siteCode, line)] = done;
    }

    @Override
    protected void grow(int capacity) {
        completed = Arrays.copyOf(completed, capacity);
    }

    public KeyColumn bossIds() {
        return bossIds;
    }

    public KeyColumn orderRefs() {
        return orderRefs;
    }

    public long acceptedAt(int i) {
        return at(i);
    }

    public boolean completed(int i) {
        return completed[i];
    }

    public BossRow row(int i) {
        return new BossRow(
                bossIds.get(i),
                orderRefs.get(i),
                msisdns().get(i),
                acceptedAt(i),
                amountFen(i),
                completed[i],
                siteId(i),
                line(i));
    }

    /** Every row as a {@link BossRow} (tests and small files). */
    public List<BossRow> rows() {
        List<BossRow> rows = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            rows.add(row(i));
        }
        return rows;
    }
}
