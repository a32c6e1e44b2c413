package fr.encaisse.banking.internal.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Open invoices by open amount (cents). Round amounts are shared by thousands of invoices, which
 * a hash table handles badly; so the amounts are kept sorted, with the invoices in the same
 * order, and found by binary search. Amounts that change as payments are applied go to a small
 * overlay; old entries go stale, and readers check the invoice's current amount.
 */
final class AmountIndex {

    private static final int ITEM_BITS = 24;

    private final long[] amounts;
    private final int[] items;
    private final Map<Long, int[]> changed = new HashMap<>();

    AmountIndex(long[] open) {
        int n = 0;
        long max = 0;
        for (long amount : open) {
            if (amount > 0) {
                n++;
                max = Math.max(max, amount);
            }
        }
        amounts = new long[n];
        items = new int[n];
        if (open.length <= 1 << ITEM_BITS && max < 1L << (63 - ITEM_BITS)) {
            // amount and position packed in one long: a primitive sort
            long[] packed = new long[n];
            int k = 0;
            for (int i = 0; i < open.length; i++) {
                if (open[i] > 0) {
                    packed[k++] = open[i] << ITEM_BITS | i;
                }
            }
            Arrays.sort(packed);
            for (k = 0; k < n; k++) {
                amounts[k] = packed[k] >>> ITEM_BITS;
                items[k] = (int) (packed[k] & ((1L << ITEM_BITS) - 1));
            }
        } else {
            Integer[] order = new Integer[n];
            int k = 0;
            for (int i = 0; i < open.length; i++) {
                if (open[i] > 0) {
                    order[k++] = i;
                }
            }
            Arrays.sort(order, (a, b) -> Long.compare(open[a], open[b]));
            for (k = 0; k < n; k++) {
                items[k] = order[k];
                amounts[k] = open[order[k]];
            }
        }
    }

    void add(long amount, int item) {
        changed.merge(amount, new int[] {item}, (a, b) -> {
            int[] more = Arrays.copyOf(a, a.length + 1);
            more[a.length] = b[0];
            return more;
        });
    }

    /** Calls {@code action} with each invoice once filed under {@code amount}; stops when it returns false. */
    void forEach(long amount, LongIntMultiMap.IntPredicate action) {
        int k = Arrays.binarySearch(amounts, amount);
        if (k >= 0) {
            while (k > 0 && amounts[k - 1] == amount) {
                k--;
            }
            for (; k < amounts.length && amounts[k] == amount; k++) {
                if (!action.test(items[k])) {
                    return;
                }
            }
        }
        int[] more = changed.get(amount);
        if (more != null) {
            for (int item : more) {
                if (!action.test(item)) {
                    return;
                }
            }
        }
    }

    long bytes() {
        return amounts.length * 12L;
    }
}
