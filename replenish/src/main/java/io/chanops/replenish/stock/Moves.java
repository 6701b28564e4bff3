package io.chanops.replenish.stock;

import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The validated moves of one file, held column by column in file order (in arrays instead of a
 * million objects), and their order for writing: by position, each position in time order (file order for equal
 * times). Times are kept as the decimal digits of the stored form, {@code 2026-03-01 08:00:00} as 20260301080000,
 * which orders like the text.
 */
public final class Moves {
    private static final MoveKind[] KINDS = MoveKind.values();

    private int size;
    private int[] position = new int[1024];
    private long[] at = new long[1024];
    private byte[] kind = new byte[1024];
    private long[] qty = new long[1024];
    /**
     * Where each move's document reference starts in {@link #refBytes} (UTF-8), and its length; -1 when it has none.
     */
    private int[] refStart = new int[1024];

    private int[] refLength = new int[1024];
    private int[] line = new int[1024];
    /**
     * The references' bytes, one after the other: a million references in one array instead of a million Strings (no
     * objects for the collector to copy while the file is read, no hashing of new Strings, nothing to encode again
     * for the insert).
     */
    private byte[] refBytes = new byte[8192];

    private int refBytesSize;

    /** Positions by dense number, in the order they first appear; keyed by site number x SKU count + SKU number. */
    private Position[] positions = new Position[256];

    private long[] positionKeys = new long[256];
    private int positionCount;
    private final Map<Long, Integer> positionByKey = new HashMap<>();
    /** Dense number + 1 by key, when sites x SKUs is small enough for a plain array (it usually is). */
    private final int[] positionByIndex;

    private final int siteCount;
    private final int skuCount;

    /**
     * Moves with a document reference, by (position, kind, ref): duplicates of a document. Open addressing, a slot
     * holding the document's hash in its high half and row + 1 in its low half (0 = empty), so that probing compares
     * hashes in the table instead of reading other rows' columns.
     */
    private long[] documents = new long[1 << 12];

    private int documentCount;

    Moves(int siteCount, int skuCount) {
        this.siteCount = siteCount;
        this.skuCount = Math.max(1, skuCount);
        long keys = (long) Math.max(1, siteCount) * this.skuCount;
        this.positionByIndex = keys <= (1 << 22) ? new int[(int) keys] : null;
    }

    /** The dense number of the position (site number, SKU number), created on first use. */
    int position(int site, int sku, String siteId, String skuId) {
        long key = (long) site * skuCount + sku;
        if (positionByIndex != null) {
            int p = positionByIndex[(int) key] - 1;
            if (p >= 0) {
                return p;
            }
            positionByIndex[(int) key] = positionCount + 1;
        } else {
            Integer p = positionByKey.putIfAbsent(key, positionCount);
            if (p != null) {
                return p;
            }
        }
        if (positionCount == positions.length) {
            positions = Arrays.copyOf(positions, positionCount * 2);
            positionKeys = Arrays.copyOf(positionKeys, positionCount * 2);
        }
        positions[positionCount] = new Position(siteId, skuId);
        positionKeys[positionCount] = key;
        return positionCount++;
    }

    /**
     * Adds a move unless it repeats a document already added (same position, kind and non-empty ref): then returns the
     * line of the first one and adds nothing; returns 0 when the move was added.
     */
    int add(int position, long at, MoveKind kind, long qty, String ref, long line) {
        if (ref == null) {
            return add(position, at, kind, qty, null, 0, 0, line);
        }
        byte[] utf8 = ref.getBytes(StandardCharsets.UTF_8);
        return add(position, at, kind, qty, utf8, 0, utf8.length, line);
    }

    /**
     * As {@link #add(int, long, MoveKind, long, String, long)}, the reference being the UTF-8 bytes {@code
     * ref[from..to)}, or none when {@code ref} is null.
     */
    int add(int position, long at, MoveKind kind, long qty, byte[] ref, int from, int to, long line) {
        if (appended) {
            throw new IllegalStateException("moves are only added before another part is appended");
        }
        if (size == this.at.length) {
            grow();
        }
        int row = size;
        this.position[row] = position;
        this.at[row] = at;
        this.kind[row] = (byte) kind.ordinal();
        this.qty[row] = qty;
        this.line[row] = (int) line;
        if (ref == null) {
            refStart[row] = 0;
            refLength[row] = -1;
        } else {
            int n = to - from;
            if (refBytesSize + n > refBytes.length) {
                refBytes = Arrays.copyOf(refBytes, Math.max(refBytes.length * 2, refBytesSize + n));
            }
            System.arraycopy(ref, from, refBytes, refBytesSize, n);
            refStart[row] = refBytesSize;
            refLength[row] = n;
            refBytesSize += n;
            int first = document(row);
            if (first >= 0) {
                refBytesSize -= n;
                return this.line[first];
            }
        }
        size++;
        return 0;
    }

    /**
     * These moves but the rows of {@code left}, in file order, as a new set (without the positions only those rows
     * touched): what an import writes when it leaves out the moves the ledger holds already.
     */
    Moves without(BitSet left) {
        Moves kept = new Moves(siteCount, skuCount);
        for (int r = 0; r < size; r++) {
            if (!left.get(r)) {
                long key = positionKeys[position[r]];
                Position p = positions[position[r]];
                int number = kept.position((int) (key / skuCount), (int) (key % skuCount), p.siteId(), p.sku());
                int from = refStart[r];
                int to = from + Math.max(0, refLength[r]);
                kept.add(number, at[r], KINDS[kind[r]], qty[r], refLength[r] < 0 ? null : refBytes, from, to, line[r]);
            }
        }
        return kept;
    }

    /** Adds {@code lines} to every move's line: for moves read from a later part of the file, numbered from 1. */
    void shiftLines(long lines) {
        for (int r = 0; r < size; r++) {
            line[r] += (int) lines;
        }
    }

    /** The dense number of an existing position by its key, or -1. */
    private int existingPosition(long key) {
        if (positionByIndex != null) {
            return positionByIndex[(int) key] - 1;
        }
        Integer p = positionByKey.get(key);
        return p == null ? -1 : p;
    }

    private boolean appended;

    /**
     * Appends the moves of {@code later}, read from the rest of the same file with the same site and SKU numbers.
     * Returns false, appending nothing, when one of them repeats a document of these (the caller then reads the file
     * in one pass to word the problem). No move is added afterwards.
     */
    boolean append(Moves later) {
        if (documents == null) {
            throw new IllegalStateException("moves sorted into writing order take no more moves");
        }
        for (int r = 0; r < later.size; r++) {
            if (later.refLength[r] >= 0) {
                int p = existingPosition(later.positionKeys[later.position[r]]);
                if (p >= 0
                        && findDocument(p, later.kind[r], later.refBytes, later.refStart[r], later.refLength[r]) >= 0) {
                    return false;
                }
            }
        }
        appended = true;
        int[] number = new int[later.positionCount];
        for (int p = 0; p < later.positionCount; p++) {
            long key = later.positionKeys[p];
            number[p] = position(
                    (int) (key / skuCount),
                    (int) (key % skuCount),
                    later.positions[p].siteId(),
                    later.positions[p].sku());
        }
        int n = size + later.size;
        resize(n);
        for (int r = 0; r < later.size; r++) {
            position[size + r] = number[later.position[r]];
            refStart[size + r] = later.refStart[r] + refBytesSize;
        }
        refBytes = Arrays.copyOf(refBytes, refBytesSize + later.refBytesSize);
        System.arraycopy(later.refBytes, 0, refBytes, refBytesSize, later.refBytesSize);
        refBytesSize += later.refBytesSize;
        System.arraycopy(later.at, 0, at, size, later.size);
        System.arraycopy(later.kind, 0, kind, size, later.size);
        System.arraycopy(later.qty, 0, qty, size, later.size);
        System.arraycopy(later.refLength, 0, refLength, size, later.size);
        System.arraycopy(later.line, 0, line, size, later.size);
        size = n;
        return true;
    }

    /** The row holding the document (position, kind, the UTF-8 reference {@code r[from..from+length)}), or -1. */
    private int findDocument(int p, byte k, byte[] r, int from, int length) {
        int hash = documentHash(p, k, r, from, length);
        int mask = documents.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = documents[i];
            if (slot == 0) {
                return -1;
            }
            int row = (int) slot - 1;
            if ((int) (slot >>> 32) == hash && sameDocument(row, p, k, r, from, length)) {
                return row;
            }
        }
    }

    private boolean sameDocument(int row, int p, byte k, byte[] r, int from, int length) {
        return position[row] == p
                && kind[row] == k
                && refLength[row] == length
                && Arrays.equals(refBytes, refStart[row], refStart[row] + length, r, from, from + length);
    }

    /** The row already holding the document of {@code row}, or -1 after recording {@code row} as its holder. */
    private int document(int row) {
        if (documentCount * 2 >= documents.length) {
            long[] old = documents;
            documents = new long[old.length * 2];
            int mask = documents.length - 1;
            for (long slot : old) {
                if (slot != 0) {
                    int i = (int) (slot >>> 32) & mask;
                    while (documents[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    documents[i] = slot;
                }
            }
        }
        int hash = documentHash(position[row], kind[row], refBytes, refStart[row], refLength[row]);
        int mask = documents.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = documents[i];
            if (slot == 0) {
                documents[i] = (long) hash << 32 | (row + 1);
                documentCount++;
                return -1;
            }
            int r = (int) slot - 1;
            if ((int) (slot >>> 32) == hash
                    && sameDocument(r, position[row], kind[row], refBytes, refStart[row], refLength[row])) {
                return r;
            }
        }
    }

    private static int documentHash(int position, byte kind, byte[] ref, int from, int length) {
        int h = 0;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + ref[i];
        }
        // mixed, not 31-summed with the rest: refs like D123456 and dense position numbers would otherwise collide in
        // runs
        h = h * 0x9E3779B1 + position * 0x85EBCA6B + kind;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        return h ^ (h >>> 12);
    }

    private void grow() {
        resize(size * 2);
    }

    /** Makes every row column {@code n} long, keeping the rows. */
    private void resize(int n) {
        position = Arrays.copyOf(position, n);
        at = Arrays.copyOf(at, n);
        kind = Arrays.copyOf(kind, n);
        qty = Arrays.copyOf(qty, n);
        refStart = Arrays.copyOf(refStart, n);
        refLength = Arrays.copyOf(refLength, n);
        line = Arrays.copyOf(line, n);
    }

    /** How many moves. */
    public int size() {
        return size;
    }

    /** How many positions they touch. */
    public int positionCount() {
        return positionCount;
    }

    /** The position of dense number {@code p} (0 to positionCount - 1). */
    Position position(int p) {
        return positions[p];
    }

    Position positionOf(int row) {
        return positions[position[row]];
    }

    int positionNumber(int row) {
        return position[row];
    }

    long at(int row) {
        return at[row];
    }

    MoveKind kind(int row) {
        return KINDS[kind[row]];
    }

    long qty(int row) {
        return qty[row];
    }

    /** The line of the file the move is on. */
    long line(int row) {
        return line[row];
    }

    /** The document reference, or null when the row has none. */
    String ref(int row) {
        return refLength[row] < 0 ? null : new String(refBytes, refStart[row], refLength[row], StandardCharsets.UTF_8);
    }

    /** Whether the row has a document reference ({@link #ref} not null), without decoding it. */
    boolean hasRef(int row) {
        return refLength[row] >= 0;
    }

    /** The document reference as UTF-8 bytes (a new array), or null when the row has none. */
    byte[] refUtf8(int row) {
        return refLength[row] < 0 ? null : Arrays.copyOfRange(refBytes, refStart[row], refStart[row] + refLength[row]);
    }

    /** A time in the stored text form {@code YYYY-MM-DD HH:MM:SS} (a million per import: int arithmetic only). */
    static String atText(long at) {
        return new String(atBytes(at, new byte[AT_TEXT_LENGTH]), StandardCharsets.ISO_8859_1);
    }

    static final int AT_TEXT_LENGTH = 19;

    /** {@link #atText} as ASCII bytes, written into {@code b} (of {@link #AT_TEXT_LENGTH}), which is returned. */
    static byte[] atBytes(long at, byte[] b) {
        int date = (int) (at / 1_000_000);
        int time = (int) (at - date * 1_000_000L);
        int year = date / 10_000;
        int monthDay = date - year * 10_000;
        b[0] = (byte) ('0' + year / 1000);
        b[1] = (byte) ('0' + year / 100 % 10);
        b[2] = (byte) ('0' + year / 10 % 10);
        b[3] = (byte) ('0' + year % 10);
        b[4] = '-';
        twoDigits(b, 5, monthDay / 100);
        b[7] = '-';
        twoDigits(b, 8, monthDay % 100);
        b[10] = ' ';
        twoDigits(b, 11, time / 10_000);
        b[13] = ':';
        twoDigits(b, 14, time / 100 % 100);
        b[16] = ':';
        twoDigits(b, 17, time % 100);
        return b;
    }

    private static void twoDigits(byte[] b, int at, int value) {
        b[at] = (byte) ('0' + value / 10);
        b[at + 1] = (byte) ('0' + value % 10);
    }

    /** The digits of a stored-form time {@code YYYY-MM-DD HH:MM:SS}. */
    static long atDigits(String text) {
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
            }
        }
        return v;
    }

    /**
     * The rows in writing order, and where each position's run of rows starts: positions in (site, SKU) order, each in
     * time order, equal times in file order. A counting sort by position keeps file order; most files are already in
     * time order per position, so the per-position sort usually only checks.
     */
    Order order() {
        Integer[] byName = new Integer[positionCount];
        for (int i = 0; i < positionCount; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, (x, y) -> positions[x].compareTo(positions[y]));
        int[] rank = new int[positionCount];
        for (int r = 0; r < positionCount; r++) {
            rank[byName[r]] = r;
        }
        int[] start = new int[positionCount + 1];
        for (int row = 0; row < size; row++) {
            start[rank[position[row]] + 1]++;
        }
        for (int r = 0; r < positionCount; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, positionCount);
        int[] rows = new int[size];
        for (int row = 0; row < size; row++) {
            rows[fill[rank[position[row]]]++] = row;
        }
        int[] scratch = new int[0];
        for (int r = 0; r < positionCount; r++) {
            int from = start[r];
            int to = start[r + 1];
            if (!inTimeOrder(rows, from, to)) {
                if (scratch.length < to - from) {
                    scratch = new int[to - from];
                }
                sortByTime(rows, from, to, scratch);
            }
        }
        return new Order(rows, start);
    }

    /**
     * Sorts the moves themselves into writing order ({@link #order()}): afterwards row i is the i-th move to write, and
     * the order returned is rows 0..n-1 with the same position runs. The insert, the fold of the levels and the
     * bindings then read every column front to back; through the row numbers of {@link #order()} each value of a
     * million-row column is a jump to another part of memory (a cache miss per value).
     * Nothing is added afterwards.
     */
    Order sortIntoWritingOrder() {
        Order order = order();
        int[] rows = order.rows();
        int n = size;
        int[] newPosition = new int[n];
        long[] newAt = new long[n];
        byte[] newKind = new byte[n];
        long[] newQty = new long[n];
        int[] newRefStart = new int[n];
        int[] newRefLength = new int[n];
        int[] newLine = new int[n];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            newPosition[i] = position[r];
            newAt[i] = at[r];
            newKind[i] = kind[r];
            newQty[i] = qty[r];
            newRefStart[i] = refStart[r];
            newRefLength[i] = refLength[r];
            newLine[i] = line[r];
        }
        position = newPosition;
        at = newAt;
        kind = newKind;
        qty = newQty;
        refStart = newRefStart;
        refLength = newRefLength;
        line = newLine;
        documents = null; // row numbers of the old order
        appended = true; // nothing more is added or appended
        int[] sequential = new int[n];
        for (int i = 0; i < n; i++) {
            sequential[i] = i;
        }
        return new Order(sequential, order.start());
    }

    /**
     * Rows in writing order; the rows of the i-th position (in (site, SKU) order) are {@code
     * rows[start[i]..start[i+1])}.
     */
    record Order(int[] rows, int[] start) {
        int groups() {
            return start.length - 1;
        }
    }

    private boolean inTimeOrder(int[] rows, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (at[rows[i]] < at[rows[i - 1]]) {
                return false;
            }
        }
        return true;
    }

    /** Stable merge sort of {@code rows[from..to)} by time. */
    private void sortByTime(int[] rows, int from, int to, int[] scratch) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int row = rows[i];
                long t = at[row];
                int j = i - 1;
                while (j >= from && at[rows[j]] > t) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sortByTime(rows, from, mid, scratch);
        sortByTime(rows, mid, to, scratch);
        if (at[rows[mid - 1]] <= at[rows[mid]]) {
            return;
        }
        int n = mid - from;
        System.arraycopy(rows, from, scratch, 0, n);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < n && j < to) {
            rows[k++] = at[rows[j]] < at[scratch[i]] ? rows[j++] : scratch[i++];
        }
        while (i < n) {
            rows[k++] = scratch[i++];
        }
    }
}
