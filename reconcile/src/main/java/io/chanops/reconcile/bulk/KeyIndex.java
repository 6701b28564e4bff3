package io.chanops.reconcile.bulk;

import java.util.Arrays;

/**
 * An open-addressing hash index over the rows of a {@link KeyColumn}: which row first held a text. One long per slot
 * (the key's hash and its row), so a probe that meets another key is settled without touching the column, and a
 * keys cost no object.
 */
public final class KeyIndex {
    private static final long EMPTY = -1L;
    private final KeyColumn keys;
    private final long[] slots;
    private final int mask;

    public KeyIndex(KeyColumn keys, int expected) {
        this.keys = keys;
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        this.slots = new long[cap];
        Arrays.fill(slots, EMPTY);
        this.mask = cap - 1;
    }

    /**
     * Indexes {@code row} unless an earlier row holds the same text: returns that row, or -1 when {@code row} is new.
     */
    public int putIfAbsent(int row) {
        int h = keys.hash(row);
        int i = mix(h) & mask;
        while (true) {
            long s = slots[i];
            if (s == EMPTY) {
                slots[i] = ((long) h << 32) | row;
                return -1;
            }
            if ((int) (s >>> 32) == h && keys.sameBytes((int) s, keys, row)) {
                return (int) s;
            }
            i = (i + 1) & mask;
        }
    }

    /** The indexed row holding the text of row {@code row} of {@code other}, or -1. */
    public int find(KeyColumn other, int row) {
        int h = other.hash(row);
        int i = mix(h) & mask;
        while (true) {
            long s = slots[i];
            if (s == EMPTY) {
                return -1;
            }
            if ((int) (s >>> 32) == h && keys.sameBytes((int) s, other, row)) {
                return (int) s;
            }
            i = (i + 1) & mask;
        }
    }

    /** Rows touched ahead at a time by {@link #touch}. */
    public static final int AHEAD = 32;
    /** Where callers leave what {@link #touch} returned, once per loop, so that its reads are not optimised away. */
    private static volatile long touched;

    /**
     * Reads the slots that rows {@code from..to} of {@code column} hash to, so that probing them next finds them in the
     * cache: the reads of a plain loop do not depend on each other, so the processor waits for them together instead of
     * one cache miss per probe (a million-key index is far bigger than the cache). Returns a sum of what it read, for
     * the caller to add up and hand to {@link #keep} after its loop (a shared field written per call would bounce its
     * cache line between the threads probing one index).
     */
    public long touch(KeyColumn column, int from, int to) {
        long sum = 0;
        for (int r = from; r < to; r++) {
            sum += slots[mix(column.hash(r)) & mask];
        }
        return sum;
    }

    /** See {@link #touch}. */
    public static void keep(long sum) {
        touched = sum;
    }

    private static int mix(int h) {
        return (h * 0x9E3779B1) ^ (h >>> 16);
    }
}
