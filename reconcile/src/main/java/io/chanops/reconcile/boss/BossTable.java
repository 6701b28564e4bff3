package io.chanops.reconcile.boss;

import io.chanops.reconcile.bulk.Dictionary;
import io.chanops.reconcile.bulk.KeyColumn;
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
public final class BossTable {
    private final String file;
    final KeyColumn bossIds;
    final KeyColumn orderRefs;
    final KeyColumn msisdns;
    final Dictionary sites;
    private int size;
    private long[] acceptedAt;
    private long[] amountFen;
    private int[] lines; // line numbers of a file fit an int; half the memory of longs
    private boolean[] completed;
    private int[] site;
    private long totalFen;

    BossTable(String file, Charset dictionaryCharset, int expected) {
        this.file = file;
        int n = Math.max(16, expected);
        bossIds = new KeyColumn(n);
        orderRefs = new KeyColumn(n);
        msisdns = new KeyColumn(n);
        sites = new Dictionary(dictionaryCharset);
        acceptedAt = new long[n];
        amountFen = new long[n];
        lines = new int[n];
        completed = new boolean[n];
        site = new int[n];
    }

    /** A table of the given rows (tests): the same columns as read from a file. */
    public static BossTable of(String file, List<BossRow> rows) {
        BossTable t = new BossTable(file, StandardCharsets.UTF_8, rows.size());
        for (BossRow r : rows) {
            t.bossIds.add(r.bossId());
            t.orderRefs.add(r.orderRef());
            t.msisdns.add(r.msisdn());
            t.add(r.acceptedAt(), r.amountFen(), r.completed(), t.sites.code(r.siteId()), r.line());
        }
        return t;
    }

    /** Appends a row whose boss_id, order_ref and msisdn were just added to their key columns. */
    void add(long at, long fen, boolean done, int siteCode, long line) {
        if (size == acceptedAt.length) {
            int n = size + (size >> 1) + 16;
            acceptedAt = Arrays.copyOf(acceptedAt, n);
            amountFen = Arrays.copyOf(amountFen, n);
            lines = Arrays.copyOf(lines, n);
            completed = Arrays.copyOf(completed, n);
            site = Arrays.copyOf(site, n);
        }
        acceptedAt[size] = at;
        amountFen[size] = fen;
        completed[size] = done;
        site[size] = siteCode;
        lines[size] = Math.toIntExact(line);
        totalFen = Math.addExact(totalFen, fen); // amounts are bounded per row: fails only on an absurd file
        size++;
    }

    public String file() {
        return file;
    }

    public int size() {
        return size;
    }

    /** Sum of every row's amount: the reference the reconciliation adds back to. */
    public long totalFen() {
        return totalFen;
    }

    public KeyColumn bossIds() {
        return bossIds;
    }

    public KeyColumn orderRefs() {
        return orderRefs;
    }

    public KeyColumn msisdns() {
        return msisdns;
    }

    public long acceptedAt(int i) {
        return acceptedAt[i];
    }

    public long amountFen(int i) {
        return amountFen[i];
    }

    public boolean completed(int i) {
        return completed[i];
    }

    public int siteCode(int i) {
        return site[i];
    }

    public String siteOfCode(int code) {
        return sites.value(code);
    }

    public String siteId(int i) {
        return sites.value(site[i]);
    }

    public long line(int i) {
        return lines[i];
    }

    public BossRow row(int i) {
        return new BossRow(
                bossIds.get(i),
                orderRefs.get(i),
                msisdns.get(i),
                acceptedAt[i],
                amountFen[i],
                completed[i],
                siteId(i),
                lines[i]);
    }

    /** Every row as a {@link BossRow} (tests and small files). */
    public List<BossRow> rows() {
        List<BossRow> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(i));
        }
        return rows;
    }
}
