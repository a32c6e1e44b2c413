import fr.encaisse.banking.internal.matching.AccuracyRun;
import fr.encaisse.banking.internal.matching.MatchingEngine;
import fr.encaisse.banking.internal.matching.OpenItemBook;
import fr.encaisse.banking.internal.matching.ReconciliationDataSet;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The matching engine on a generated ledger: by default 100,000 statement lines against
 * 1,000,000 open invoices over 100,000 debtors (see ReconciliationDataSet for the noise). Measures
 * the index build and the matching separately from the data generation and from any database,
 * and checks the targets: at least 99 % of the matchable lines matched automatically and
 * correctly, no wrong automatic match, index build and matching under 10 s.
 *
 * <p>Arguments (all optional): lines, invoices, debtors, threads, seed.
 */
public class ReconciliationBenchmark {

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int debtors = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        Locale.setDefault(Locale.ROOT);

        System.out.printf("banking reconciliation benchmark: %,d lines, %,d open invoices, %,d debtors, %d thread(s), seed %d, %d cores%n",
                lines, invoices, debtors, threads, seed, Runtime.getRuntime().availableProcessors());

        // warm the JIT on smaller, different data sets, as a running server would be: without it,
        // the C2 compiler takes almost as much CPU as the matching itself during the measured run
        for (int round = 0; round < 3; round++) {
            ReconciliationDataSet warm = ReconciliationDataSet.generate(seed + 1 + round, 10_000, 100_000, 30_000);
            AccuracyRun.run(warm, new MatchingEngine(warm.book(), MatchingEngine.DEFAULT_THRESHOLD), threads);
        }

        long t0 = System.nanoTime();
        ReconciliationDataSet set = ReconciliationDataSet.generate(seed, debtors, invoices, lines);
        long generated = System.nanoTime() - t0;
        long heapBefore = usedHeap();

        long p1 = processCpu();
        long t1 = System.nanoTime();
        OpenItemBook book = set.book();
        long built = System.nanoTime() - t1;
        long buildCpu = processCpu() - p1;
        long bookBytes = usedHeap() - heapBefore;

        MatchingEngine engine = new MatchingEngine(book, MatchingEngine.DEFAULT_THRESHOLD);
        long p2 = processCpu();
        AccuracyRun run = AccuracyRun.run(set, engine, threads);
        long matchCpu = processCpu() - p2;
        long heapAfter = usedHeap();

        double matchSeconds = run.nanos / 1e9;
        double total = (built + run.nanos) / 1e9;
        int automatic = run.total(AccuracyRun.AUTOMATIC);
        int correct = run.total(AccuracyRun.CORRECT);
        int wrong = run.total(AccuracyRun.WRONG);
        int matchable = run.total(AccuracyRun.MATCHABLE);

        System.out.println();
        System.out.print(run.table());
        System.out.println();
        System.out.printf("data generation (not measured)   %8.2f s%n", generated / 1e9);
        System.out.printf("index build                      %8.2f s  (process cpu %.2f s)%n", built / 1e9, buildCpu / 1e9);
        System.out.printf("matching                         %8.2f s  %,.0f lines/s  (process cpu %.2f s)%n", matchSeconds,
                lines / matchSeconds, matchCpu / 1e9);
        System.out.printf("index build + matching           %8.2f s%n", total);
        System.out.printf("auto-matched                     %8.2f %%  (%,d of %,d lines)%n", 100.0 * automatic / lines, automatic, lines);
        System.out.printf("  correct                        %,8d%n", correct);
        System.out.printf("  wrong                          %,8d%n", wrong);
        System.out.printf("matchable lines auto-matched correctly %6.2f %%  (%,d matchable)%n", 100 * run.matchableCorrectShare(), matchable);
        System.out.printf("heap: book and indexes ~%,d MB, used after matching %,d MB (max %,d MB)%n",
                bookBytes >> 20, heapAfter >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("load average during the run: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        boolean ok = run.matchableCorrectShare() >= 0.99 && wrong == 0 && total < 10;
        System.out.printf("targets: >= 99 %% matchable auto-correct %s, 0 wrong %s, < 10 s %s%n",
                run.matchableCorrectShare() >= 0.99 ? "OK" : "MISSED", wrong == 0 ? "OK" : "MISSED", total < 10 ? "OK" : "MISSED");
        if (!run.wrong.isEmpty()) {
            System.out.println("first wrong automatic matches:");
            run.wrong.stream().limit(5).forEach(System.out::println);
        }
        System.exit(ok ? 0 : 1);
    }

    /** CPU time of the whole process (all threads, GC included), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
