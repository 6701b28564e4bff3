package io.chanops.reconcile.run;

import io.chanops.ledger.csv.FormulaGuard;
import io.chanops.reconcile.boss.BossDateTime;
import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.bulk.KeyColumn;
import io.chanops.reconcile.match.Matching;
import io.chanops.reconcile.platform.PlatformTable;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Writes matched.csv, the one report of a million rows, straight from the matching's columns into a byte buffer:
 * ids and phone numbers are copied as the UTF-8 bytes they are held in, dates and amounts are formatted digit by
 * digit, the few distinct channel/site/SKU texts are encoded once. The bytes are those the ledger's {@code CsvSink}
 * would write (UTF-8, optional BOM, CRLF, RFC 4180 minimal quoting, formula guard on text, yuan with two decimals):
 * any cell that needs quoting or guarding takes the general path.
 */
final class MatchedCsv implements Closeable {
    private static final byte[] CRLF = {'\r', '\n'};
    private final OutputStream out;
    private final boolean mask;
    private byte[] buf = new byte[1 << 20];
    private int n;
    private boolean first = true;
    private byte[] scratch = new byte[256];
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    MatchedCsv(OutputStream out, boolean bom, boolean mask) {
        this.out = out;
        this.mask = mask;
        if (bom) {
            put(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
    }

    void header(List<String> names) {
        names.forEach(this::text);
        end();
    }

    private static final byte[] COMPLETED = ascii("completed");
    private static final byte[] CANCELLED = ascii("cancelled");
    private static final byte[] ORDER_REF = ascii("order_ref");
    private static final byte[] FALLBACK = ascii("fallback");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** One MATCHED platform row {@code i} of the matching, in the columns of {@link Reports#MATCHED}. */
    void row(Matching m, int i) {
        PlatformTable p = m.platform();
        BossTable b = m.boss();
        int g = m.groupOf(i);
        int latest = m.latest(g);
        KeyColumn ids = p.orderIds();
        bytes(ids.bytes(), ids.from(i), ids.to(i));
        bossIds(m, g);
        dateTime(p.createdAt(i));
        channels = coded(channels, p.channelCode(i), p, CHANNEL);
        sites = coded(sites, p.siteCode(i), p, SITE);
        KeyColumn msisdns = p.msisdns();
        if (mask) {
            text(Reports.msisdn(p.msisdn(i), true));
        } else {
            bytes(msisdns.bytes(), msisdns.from(i), msisdns.to(i));
        }
        skus = coded(skus, p.skuCode(i), p, SKU);
        number(p.qty(i));
        yuan(p.amountFen(i));
        yuan(m.netFen(g));
        plain(p.status(i).ascii());
        plain(b.completed(latest) ? COMPLETED : CANCELLED);
        dateTime(b.acceptedAt(latest));
        plain(m.fallback(g) ? FALLBACK : ORDER_REF);
        end();
    }

    /** A cell known to need neither quotes nor the guard. */
    private void plain(byte[] e) {
        separate();
        put(e, 0, e.length);
    }

    /** The group's boss_ids in file order, {@code |}-separated. */
    private void bossIds(Matching m, int g) {
        KeyColumn ids = m.boss().bossIds();
        int r = m.first(g);
        if (m.next(r) < 0) {
            bytes(ids.bytes(), ids.from(r), ids.to(r));
            return;
        }
        int len = 0;
        for (; r >= 0; r = m.next(r)) {
            int l = ids.length(r);
            if (len + l + 1 > scratch.length) {
                scratch = Arrays.copyOf(scratch, (len + l + 1) * 2);
            }
            if (len > 0) {
                scratch[len++] = '|';
            }
            System.arraycopy(ids.bytes(), ids.from(r), scratch, len, l);
            len += l;
        }
        bytes(scratch, 0, len);
    }

    /** A text cell from UTF-8 bytes: copied as they are unless the cell needs quoting or the formula guard. */
    void bytes(byte[] b, int from, int to) {
        if (from == to || needsCare(b, from, to)) {
            text(new String(b, from, to - from, StandardCharsets.UTF_8));
            return;
        }
        separate();
        put(b, from, to - from);
    }

    private static boolean needsCare(byte[] b, int from, int to) {
        int c0 = b[from] & 0xff;
        // the guard's characters and its own prefix, or what RFC 4180 quoting minds at the start or the end
        if (FormulaGuard.isGuarded((char) c0) || c0 == '\'' || c0 <= '#' || (b[to - 1] & 0xff) <= ' ') {
            return true;
        }
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static final int CHANNEL = 0;
    private static final int SITE = 1;
    private static final int SKU = 2;
    private byte[][] channels = new byte[16][];
    private byte[][] sites = new byte[16][];
    private byte[][] skus = new byte[16][];

    /**
     * A dictionary-coded text cell of {@code p} ({@code column}: CHANNEL, SITE or SKU), encoded once per code; returns
     * the cache (grown when a code is past its end). A value that needs quotes or the guard takes the general path each
     * time.
     */
    private byte[][] coded(byte[][] cache, int code, PlatformTable p, int column) {
        if (code >= cache.length) {
            cache = Arrays.copyOf(cache, Math.max(code + 1, cache.length * 2));
        }
        byte[] e = cache[code];
        if (e == null) {
            String v =
                    column == CHANNEL ? p.channelOfCode(code) : column == SITE ? p.siteOfCode(code) : p.skuOfCode(code);
            e = v.getBytes(StandardCharsets.UTF_8);
            if (e.length == 0 || needsCare(e, 0, e.length)) {
                text(v);
                return cache;
            }
            cache[code] = e;
        }
        separate();
        put(e, 0, e.length);
        return cache;
    }

    /** Any text cell, with the ledger's quoting and guard rules. */
    void text(String value) {
        boolean newRecord = first;
        separate();
        String v = value == null ? "" : FormulaGuard.guard(value);
        boolean quote;
        if (v.isEmpty()) {
            quote = newRecord;
        } else {
            quote = v.charAt(0) <= '#';
            for (int i = 0; i < v.length() && !quote; i++) {
                char c = v.charAt(i);
                quote = c == ',' || c == '"' || c == '\r' || c == '\n';
            }
            quote = quote || v.charAt(v.length() - 1) <= ' ';
        }
        byte[] e = (quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v).getBytes(StandardCharsets.UTF_8);
        put(e, 0, e.length);
    }

    void number(long value) {
        separate();
        digits(value);
    }

    /** Fen as yuan with exactly two decimals: {@code -5 -> -0.05}. */
    void yuan(long fen) {
        separate();
        if (fen < 0) {
            put((byte) '-');
        }
        long abs = Math.abs(fen);
        digits(abs / 100);
        put((byte) '.');
        int cents = (int) (abs % 100);
        put((byte) ('0' + cents / 10));
        put((byte) ('0' + cents % 10));
    }

    /** Local seconds as {@code YYYY-MM-DD HH:MM:SS}. */
    void dateTime(long localSeconds) {
        separate();
        long day = Math.floorDiv(localSeconds, 86_400L);
        int secs = (int) Math.floorMod(localSeconds, 86_400L);
        if (day != cachedDay) {
            LocalDate d = LocalDate.ofEpochDay(day);
            if (d.getYear() < 0 || d.getYear() > 9999) {
                text(BossDateTime.format(localSeconds));
                return;
            }
            two(cachedDate, 0, d.getYear() / 100);
            two(cachedDate, 2, d.getYear() % 100);
            cachedDate[4] = '-';
            two(cachedDate, 5, d.getMonthValue());
            cachedDate[7] = '-';
            two(cachedDate, 8, d.getDayOfMonth());
            cachedDay = day;
        }
        ensure(19);
        System.arraycopy(cachedDate, 0, buf, n, 10);
        buf[n + 10] = ' ';
        two(buf, n + 11, secs / 3600);
        buf[n + 13] = ':';
        two(buf, n + 14, secs / 60 % 60);
        buf[n + 16] = ':';
        two(buf, n + 17, secs % 60);
        n += 19;
    }

    private static void two(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    void end() {
        put(CRLF, 0, 2);
        first = true;
    }

    private void separate() {
        if (!first) {
            put((byte) ',');
        }
        first = false;
    }

    private final byte[] digitScratch = new byte[20];

    private void digits(long v) {
        if (v < 0) {
            byte[] e = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            put(e, 0, e.length);
            return;
        }
        int k = digitScratch.length;
        while (v >= 100) {
            int r = (int) (v % 100);
            v /= 100;
            digitScratch[--k] = (byte) ('0' + r % 10);
            digitScratch[--k] = (byte) ('0' + r / 10);
        }
        if (v >= 10) {
            digitScratch[--k] = (byte) ('0' + v % 10);
            digitScratch[--k] = (byte) ('0' + v / 10);
        } else {
            digitScratch[--k] = (byte) ('0' + v);
        }
        put(digitScratch, k, digitScratch.length - k);
    }

    private void put(byte b) {
        ensure(1);
        buf[n++] = b;
    }

    private void put(byte[] b) {
        put(b, 0, b.length);
    }

    private void put(byte[] b, int from, int len) {
        ensure(len);
        System.arraycopy(b, from, buf, n, len);
        n += len;
    }

    private void ensure(int len) {
        if (n + len > buf.length) {
            flush();
            if (len > buf.length) {
                buf = new byte[len * 2];
            }
        }
    }

    private void flush() {
        try {
            out.write(buf, 0, n);
            n = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
