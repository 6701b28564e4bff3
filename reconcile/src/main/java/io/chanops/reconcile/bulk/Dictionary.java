package io.chanops.reconcile.bulk;

import io.chanops.ledger.csv.ByteCsv;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Codes for the few distinct values of a low-cardinality column (channel, site, SKU): each row keeps an int, each
 * distinct text is decoded once. Looked up by the cell's bytes, so a million rows of "GZ-WEB" cost no decoding.
 */
public final class Dictionary {
    private final List<String> values = new ArrayList<>();
    private final KeyColumn keys = new KeyColumn(64);
    private int[] slots = new int[64];
    private final Charset charset;

    public Dictionary(Charset charset) {
        this.charset = charset;
        Arrays.fill(slots, -1);
    }

    /** The code of the text in {@code [from, to)} of {@code src} (bytes in this dictionary's charset). */
    public int code(byte[] src, int from, int to) {
        int h = KeyColumn.hash(src, from, to);
        int mask = slots.length - 1;
        int i = h & mask;
        while (true) {
            int c = slots[i];
            if (c < 0) {
                break;
            }
            if (keys.hash(c) == h && Arrays.equals(keys.bytes(), keys.from(c), keys.to(c), src, from, to)) {
                return c;
            }
            i = (i + 1) & mask;
        }
        // keep the raw bytes as the lookup key (not re-encoded), and the decoded text as the value
        int c = values.size();
        keys.add(src, from, to, StandardCharsets.UTF_8);
        values.add(
                ByteCsv.ascii(src, from, to)
                        ? new String(src, from, to - from, StandardCharsets.ISO_8859_1)
                        : new String(src, from, to - from, charset));
        slots[i] = c;
        if (values.size() * 2 > slots.length) {
            rehash();
        }
        return c;
    }

    /** The code of {@code text}, added if new. */
    public int code(String text) {
        byte[] b = text.getBytes(charset);
        return code(b, 0, b.length);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int c = 0; c < values.size(); c++) {
            int i = keys.hash(c) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = c;
        }
    }

    public String value(int code) {
        return values.get(code);
    }
}
