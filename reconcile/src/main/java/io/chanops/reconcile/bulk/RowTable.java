package io.chanops.reconcile.bulk;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The columns every table of file rows keeps (a BOSS export, a platform-orders file), in file order: the row's time in
 * local seconds, its amount in fen, its msisdn as bytes, its site as a dictionary code and its line number, with the
 * sum of the amounts.
 * A subclass adds its own columns: it grows them in {@link #grow} and fills them at the index {@link #append} gives.
 */
public abstract class RowTable {
    private final String file;
    protected final Dictionary sites;
    private final KeyColumn msisdns;
    private int size;
    private long[] at;
    private long[] amountFen;
    private int[] lines; // line numbers of a file fit an int; half the memory of longs
    private int[] site;
    private long totalFen;

    /** A table for about {@code expected} rows; {@link #capacity} is what the subclass's columns start with. */
    protected RowTable(String file, Charset dictionaryCharset, int expected) {
        this.file = file;
        int n = capacity(expected);
        sites = new Dictionary(dictionaryCharset);
        msisdns = new KeyColumn(n);
        at = new long[n];
        amountFen = new long[n];
        lines = new int[n];
        site = new int[n];
    }

    /** The first length of every column for {@code expected} rows. */
    protected static int capacity(int expected) {
        return Math.max(16, expected);
    }

    /** Makes every column of the subclass {@code capacity} long, keeping its values. */
    protected abstract void grow(int capacity);

    /** The code of the site whose bytes stand in {@code [from, to)} of {@code b} (a new site takes the next code). */
    public final int siteCode(byte[] b, int from, int to) {
        return sites.code(b, from, to);
    }

    /** Appends the shared columns of a row and gives its index, where the subclass then fills its own columns. */
    protected final int append(long time, long fen, int siteCode, long line) {
        if (size == at.length) {
            int n = size + (size >> 1) + 16;
            at = Arrays.copyOf(at, n);
            amountFen = Arrays.copyOf(amountFen, n);
            lines = Arrays.copyOf(lines, n);
            site = Arrays.copyOf(site, n);
            grow(n);
        }
        at[size] = time;
        amountFen[size] = fen;
        site[size] = siteCode;
        lines[size] = Math.toIntExact(line);
        totalFen = Math.addExact(totalFen, fen); // amounts are bounded per row: fails only on an absurd file
        return size++;
    }

    /** The row's time in local seconds (accepted_at of a BOSS row, created_at of an order). */
    protected final long at(int i) {
        return at[i];
    }

    public final String file() {
        return file;
    }

    public final int size() {
        return size;
    }

    /** Sum of every row's amount: the reference the reconciliation adds back to. */
    public final long totalFen() {
        return totalFen;
    }

    /** The msisdns, added by the reader (or {@code of}) before the row's {@link #append}. */
    public final KeyColumn msisdns() {
        return msisdns;
    }

    public final long amountFen(int i) {
        return amountFen[i];
    }

    public final int siteCode(int i) {
        return site[i];
    }

    public final String siteOfCode(int code) {
        return sites.value(code);
    }

    public final String siteId(int i) {
        return sites.value(site[i]);
    }

    public final long line(int i) {
        return lines[i];
    }
}
