package io.chanops.reconcile.bulk;

import io.chanops.ledger.csv.ByteCsv;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of short texts (ids, refs, phone numbers) for millions of rows, kept as UTF-8 bytes in one array with an
 * offset per row and a hash per row, instead of a {@code String} object each. Texts from a file in another charset
 * are re-encoded to UTF-8 on the way in (ASCII, the usual case, is copied as it is), so keys from the platform file
 * and from a GB18030 BOSS export compare byte for byte.
 */
public final class KeyColumn {
    private byte[] bytes;
    private int[] offsets;
    private int[] hashes;
    private int size;

    public KeyColumn(int expectedRows) {
        int rows = Math.max(16, expectedRows);
        bytes = new byte[(int) Math.min((long) rows * 12, Integer.MAX_VALUE - 16)];
        offsets = new int[rows + 1];
        hashes = new int[rows];
    }

    /** Appends {@code [from, to)} of {@code src}, bytes in {@code charset}; returns the row. */
    public int add(byte[] src, int from, int to, Charset charset) {
        if (charset != StandardCharsets.UTF_8 && !ByteCsv.ascii(src, from, to)) {
            byte[] utf8 = new String(src, from, to - from, charset).getBytes(StandardCharsets.UTF_8);
            return add(utf8, 0, utf8.length, StandardCharsets.UTF_8);
        }
        int n = to - from;
        int at = offsets[size];
        if (at + n > bytes.length) {
            long grown = Math.max((long) bytes.length * 3 / 2, (long) at + n);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of keys in one column");
            }
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 3 / 2 + 1);
            hashes = Arrays.copyOf(hashes, offsets.length);
        }
        System.arraycopy(src, from, bytes, at, n);
        offsets[size + 1] = at + n;
        hashes[size] = hash(src, from, to);
        return size++;
    }

    public int add(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return add(b, 0, b.length, StandardCharsets.UTF_8);
    }

    public int size() {
        return size;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int from(int row) {
        return offsets[row];
    }

    public int to(int row) {
        return offsets[row + 1];
    }

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    public boolean isEmpty(int row) {
        return offsets[row + 1] == offsets[row];
    }

    public int hash(int row) {
        return hashes[row];
    }

    public String get(int row) {
        int f = offsets[row];
        int t = offsets[row + 1];
        return ByteCsv.ascii(bytes, f, t)
                ? new String(bytes, f, t - f, StandardCharsets.ISO_8859_1)
                : new String(bytes, f, t - f, StandardCharsets.UTF_8);
    }

    /**
     * Whether row {@code a} of this column and row {@code b} of {@code other} hold the same bytes (hashes already
     * compared).
     */
    boolean sameBytes(int a, KeyColumn other, int b) {
        return Arrays.equals(bytes, offsets[a], offsets[a + 1], other.bytes, other.offsets[b], other.offsets[b + 1]);
    }

    /** Compares two rows' texts in UTF-16 order, as {@link String#compareTo} would (ASCII: byte order). */
    public int compare(int a, KeyColumn other, int b) {
        int fa = offsets[a];
        int ta = offsets[a + 1];
        int fb = other.offsets[b];
        int tb = other.offsets[b + 1];
        if (ByteCsv.ascii(bytes, fa, ta) && ByteCsv.ascii(other.bytes, fb, tb)) {
            return Arrays.compare(bytes, fa, ta, other.bytes, fb, tb);
        }
        return get(a).compareTo(other.get(b));
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0x9E3779B9;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int k = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
            k *= 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15) * 0x1b873593;
            h = Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
        }
        for (; i < to; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x01000193;
        }
        h ^= to - from;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
