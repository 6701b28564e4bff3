package io.chanops.reconcile.platform;

import io.chanops.reconcile.bulk.Dictionary;
import io.chanops.reconcile.bulk.KeyColumn;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one platform-orders file in file order, column by column: ids and phone numbers as UTF-8 bytes
 * ({@link KeyColumn}), channel/site/SKU as dictionary codes, numbers in primitive arrays. The orders take no
 * object per row; {@link #order(int)} gives one row as a {@link PlatformOrder} when one is needed.
 */
public final class PlatformTable {
    private final String file;
    final KeyColumn orderIds;
    final KeyColumn msisdns;
    final Dictionary channels;
    final Dictionary sites;
    final Dictionary skus;
    private int size;
    private long[] createdAt;
    private long[] amountFen;
    private int[] lines; // line numbers of a file fit an int; half the memory of longs
    private int[] qty;
    private byte[] status;
    private int[] channel;
    private int[] site;
    private int[] sku;
    private long totalFen;

    PlatformTable(String file, Charset dictionaryCharset, int expected) {
        this.file = file;
        int n = Math.max(16, expected);
        orderIds = new KeyColumn(n);
        msisdns = new KeyColumn(n);
        channels = new Dictionary(dictionaryCharset);
        sites = new Dictionary(dictionaryCharset);
        skus = new Dictionary(dictionaryCharset);
        createdAt = new long[n];
        amountFen = new long[n];
        lines = new int[n];
        qty = new int[n];
        status = new byte[n];
        channel = new int[n];
        site = new int[n];
        sku = new int[n];
    }

    /** A table of the given orders (tests, carried orders): the same columns as read from a file. */
    public static PlatformTable of(String file, List<PlatformOrder> orders) {
        PlatformTable t = new PlatformTable(file, StandardCharsets.UTF_8, orders.size());
        for (PlatformOrder o : orders) {
            t.orderIds.add(o.orderId());
            t.msisdns.add(o.msisdn());
            t.add(
                    o.createdAt(),
                    t.channels.code(o.channel()),
                    t.sites.code(o.siteId()),
                    t.skus.code(o.sku()),
                    o.qty(),
                    o.amountFen(),
                    o.status(),
                    o.line());
        }
        return t;
    }

    /** Appends a row whose order id and msisdn were just added to their key columns. */
    void add(
            long created,
            int channelCode,
            int siteCode,
            int skuCode,
            int quantity,
            long fen,
            PlatformStatus st,
            long line) {
        if (size == createdAt.length) {
            int n = size + (size >> 1) + 16;
            createdAt = Arrays.copyOf(createdAt, n);
            amountFen = Arrays.copyOf(amountFen, n);
            lines = Arrays.copyOf(lines, n);
            qty = Arrays.copyOf(qty, n);
            status = Arrays.copyOf(status, n);
            channel = Arrays.copyOf(channel, n);
            site = Arrays.copyOf(site, n);
            sku = Arrays.copyOf(sku, n);
        }
        createdAt[size] = created;
        channel[size] = channelCode;
        site[size] = siteCode;
        sku[size] = skuCode;
        qty[size] = quantity;
        amountFen[size] = fen;
        status[size] = (byte) st.ordinal();
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

    /** Sum of every row's amount. */
    public long totalFen() {
        return totalFen;
    }

    public KeyColumn orderIds() {
        return orderIds;
    }

    public KeyColumn msisdns() {
        return msisdns;
    }

    public String orderId(int i) {
        return orderIds.get(i);
    }

    public String msisdn(int i) {
        return msisdns.get(i);
    }

    public long createdAt(int i) {
        return createdAt[i];
    }

    public long amountFen(int i) {
        return amountFen[i];
    }

    public int qty(int i) {
        return qty[i];
    }

    public PlatformStatus status(int i) {
        return PlatformStatus.ofOrdinal(status[i]);
    }

    public boolean live(int i) {
        return status(i).live();
    }

    public int channelCode(int i) {
        return channel[i];
    }

    public int siteCode(int i) {
        return site[i];
    }

    public int skuCode(int i) {
        return sku[i];
    }

    public String channelOfCode(int code) {
        return channels.value(code);
    }

    public String siteOfCode(int code) {
        return sites.value(code);
    }

    public String skuOfCode(int code) {
        return skus.value(code);
    }

    public String channel(int i) {
        return channels.value(channel[i]);
    }

    public String siteId(int i) {
        return sites.value(site[i]);
    }

    public String sku(int i) {
        return skus.value(sku[i]);
    }

    public long line(int i) {
        return lines[i];
    }

    public PlatformOrder order(int i) {
        return new PlatformOrder(
                orderId(i),
                createdAt[i],
                channel(i),
                siteId(i),
                msisdn(i),
                sku(i),
                qty[i],
                amountFen[i],
                status(i),
                lines[i]);
    }
}
