package fr.encaisse.dunning.internal;

import java.util.UUID;

/**
 * UUID → int, open addressing over primitive arrays: a million invoice states in about 40 MB
 * instead of the ~150 MB a {@code HashMap<UUID, Integer>} takes, and no boxing on the run's hot path.
 */
final class UuidIntMap {

    private long[] hi;
    private long[] lo;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    UuidIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        hi = new long[capacity];
        lo = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    void put(UUID key, int value) {
        put(key.getMostSignificantBits(), key.getLeastSignificantBits(), value);
    }

    private void put(long h, long l, int value) {
        if ((size + 1) * 10L > hi.length * 6L) {
            grow();
        }
        int i = slot(h, l);
        while (used[i]) {
            if (hi[i] == h && lo[i] == l) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        hi[i] = h;
        lo[i] = l;
        values[i] = value;
        size++;
    }

    int get(UUID key, int missing) {
        long h = key.getMostSignificantBits();
        long l = key.getLeastSignificantBits();
        int i = slot(h, l);
        while (used[i]) {
            if (hi[i] == h && lo[i] == l) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return missing;
    }

    private int slot(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return (int) x & mask;
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        int[] ov = values;
        boolean[] ou = used;
        allocate(oh.length * 2);
        for (int i = 0; i < oh.length; i++) {
            if (ou[i]) {
                put(oh[i], ol[i], ov[i]);
            }
        }
    }
}
