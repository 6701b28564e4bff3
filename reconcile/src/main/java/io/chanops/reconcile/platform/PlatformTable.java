package io.chanops.reconcile.platform;

import io.chanops.reconcile.bulk.Dictionary;
import io.chanops.reconcile.bulk.KeyColumn;
import io.chanops.reconcile.bulk.RowTable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one platform-orders file in file order, column by column: ids and phone numbers as UTF-8 bytes
 * ({@link KeyColumn}), channel/site/SKU as dictionary codes, numbers in primitive arrays. The orders take no
 * object per row; {@link #order(int)} gives one row as a {@link PlatformOrder} when one is needed.
 */
public final class PlatformTable extends RowTable {
    final KeyColumn orderIds;
    final Dictionary channels;
    final Dictionary skus;
    private int[] qty;
    private byte[] status;
    private int[] channel;
    private int[] sku;

    PlatformTable(String file, Charset dictionaryCharset, int expected) {
        super(file, dictionaryCharset, expected);
        int n = capacity(expected);
        orderIds = new KeyColumn(n);
        channels = new Dictionary(dictionaryCharset);
        skus = new Dictionary(dictionaryCharset);
        qty = new int[n];
        status = new byte[n];
        channel = new int[n];
        sku = new int[n];
    }

    /** A table of the given orders (tests, carried orders): the same columns as read from a file. */
    public static PlatformTable of(String file, List<PlatformOrder> orders) {
        PlatformTable t = new PlatformTable(file, StandardCharsets.UTF_8, orders.size());
        for (PlatformOrder o : orders) {
            t.orderIds.add(o.orderId());
            t.msisdns().add(o.msisdn());
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
        int i = append(created, fen, siteCode, line);
        channel[i] = channelCode;
        sku[i] = skuCode;
        qty[i] = quantity;
        status[i] = (byte) st.ordinal();
    }

    @Override
    protected void grow(int capacity) {
        qty = Arrays.copyOf(qty, capacity);
        status = Arrays.copyOf(status, capacity);
        channel = Arrays.copyOf(channel, capacity);
        sku = Arrays.copyOf(sku, capacity);
    }

    public KeyColumn orderIds() {
        return orderIds;
    }

    public String orderId(int i) {
        return orderIds.get(i);
    }

    public String msisdn(int i) {
        return msisdns().get(i);
    }

    public long createdAt(int i) {
        return at(i);
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

    public int skuCode(int i) {
        return sku[i];
    }

    public String channelOfCode(int code) {
        return channels.value(code);
    }

    public String skuOfCode(int code) {
        return skus.value(code);
    }

    public String channel(int i) {
        return channels.value(channel[i]);
    }

    public String sku(int i) {
        return skus.value(sku[i]);
    }

    public PlatformOrder order(int i) {
        return new PlatformOrder(
                orderId(i),
                createdAt(i),
                channel(i),
                siteId(i),
                msisdn(i),
                sku(i),
                qty[i],
                amountFen(i),
                status(i),
                line(i));
    }
}
