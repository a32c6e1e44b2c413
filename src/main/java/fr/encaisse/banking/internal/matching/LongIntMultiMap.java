package fr.encaisse.banking.internal.matching;

import java.util.Arrays;

/**
 * A hash multimap from 64-bit keys (hashes of normalised references, amounts in cents) to int
 * values (positions in the book), in two flat arrays: about 12 bytes an entry instead of the ~80
 * of a {@code HashMap<String, List<Integer>>}, which is what lets a million invoices be indexed
 * several ways in a couple of hundred megabytes.
 */
final class LongIntMultiMap {

    private static final int EMPTY = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMultiMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        mask = capacity - 1;
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values are non-negative");
        }
        if ((size + 1) * 10L > keys.length * 7L) {
            grow();
        }
        int slot = slot(key);
        while (values[slot] != EMPTY) {
            if (keys[slot] == key && values[slot] == value) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    /** Calls {@code action} with every value stored under {@code key}; stops early when it returns false. */
    void forEach(long key, IntPredicate action) {
        int slot = slot(key);
        while (values[slot] != EMPTY) {
            if (keys[slot] == key && !action.test(values[slot])) {
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    long bytes() {
        return keys.length * 12L;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    @FunctionalInterface
    interface IntPredicate {
        boolean test(int value);
    }
}
