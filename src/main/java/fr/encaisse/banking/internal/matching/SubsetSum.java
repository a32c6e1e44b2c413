package fr.encaisse.banking.internal.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded subset-sum over a debtor's open invoices: which few of them add up to a payment. The
 * search is depth-first over amounts in decreasing order with sum pruning, capped in items per
 * solution and in steps, and stops at the second solution: a second one is all the engine needs
 * to know that the fit is ambiguous.
 */
final class SubsetSum {

    static final int MAX_ITEMS = 24;
    static final int MAX_STEPS = 5_000;

    private SubsetSum() {
    }

    /**
     * Up to {@code maxSolutions} sets of positions in {@code amounts} (each of 1 to
     * {@code maxSize} positions) whose amounts add up to {@code target}; only the first
     * {@link #MAX_ITEMS} amounts are considered.
     */
    static Result find(long[] amounts, long target, int minSize, int maxSize, int maxSolutions) {
        int n = Math.min(amounts.length, MAX_ITEMS);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(amounts[b], amounts[a]));
        long[] sorted = new long[n];
        long[] suffix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            sorted[i] = amounts[order[i]];
        }
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + sorted[i];
        }
        Search search = new Search(sorted, suffix, order, target, minSize, maxSize, maxSolutions);
        search.run(0, 0, new int[maxSize], 0);
        return new Result(search.solutions, search.steps <= MAX_STEPS && n == amounts.length);
    }

    /**
     * The solutions found; {@code complete} is false when the search stopped on its step budget
     * or left amounts out, so one solution found is not proof that it is the only one.
     */
    record Result(List<int[]> solutions, boolean complete) {

        boolean unique() {
            return solutions.size() == 1 && complete;
        }
    }

    private static final class Search {
        final long[] sorted;
        final long[] suffix;
        final Integer[] order;
        final long target;
        final int minSize;
        final int maxSize;
        final int maxSolutions;
        final List<int[]> solutions = new ArrayList<>();
        int steps;

        Search(long[] sorted, long[] suffix, Integer[] order, long target, int minSize, int maxSize, int maxSolutions) {
            this.sorted = sorted;
            this.suffix = suffix;
            this.order = order;
            this.target = target;
            this.minSize = minSize;
            this.maxSize = maxSize;
            this.maxSolutions = maxSolutions;
        }

        void run(int from, long sum, int[] chosen, int size) {
            if (solutions.size() >= maxSolutions || ++steps > MAX_STEPS) {
                return;
            }
            if (sum == target && size >= minSize) {
                int[] solution = new int[size];
                for (int i = 0; i < size; i++) {
                    solution[i] = order[chosen[i]];
                }
                Arrays.sort(solution);
                solutions.add(solution);
                return;
            }
            if (size == maxSize || sum + suffix[from] < target) {
                return;
            }
            for (int i = from; i < sorted.length; i++) {
                if (sum + sorted[i] > target) {
                    continue;
                }
                if (sum + suffix[i] < target) {
                    return;
                }
                chosen[size] = i;
                run(i + 1, sum + sorted[i], chosen, size + 1);
                if (solutions.size() >= maxSolutions || steps > MAX_STEPS) {
                    return;
                }
            }
        }
    }
}
