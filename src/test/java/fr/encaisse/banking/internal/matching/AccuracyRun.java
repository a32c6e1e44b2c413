package fr.encaisse.banking.internal.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.encaisse.banking.internal.matching.ReconciliationDataSet.Expected;
import fr.encaisse.banking.internal.matching.ReconciliationDataSet.Kind;

/**
 * Runs the engine over a generated data set as the product does (each automatic match is applied
 * to the book before the next credit) and scores every automatic match against what was
 * expected. Shared by the accuracy test and the benchmark.
 */
public final class AccuracyRun {

    /** Per kind: credits, matchable, automatic, automatic and correct, automatic and wrong, matchable and automatic and correct. */
    public final Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
    public final List<String> wrong = new ArrayList<>();
    public final List<String> missed = new ArrayList<>();
    public long nanos;

    public static final int CREDITS = 0;
    public static final int MATCHABLE = 1;
    public static final int AUTOMATIC = 2;
    public static final int CORRECT = 3;
    public static final int WRONG = 4;
    public static final int MATCHABLE_CORRECT = 5;

    public static AccuracyRun run(ReconciliationDataSet set, MatchingEngine engine) {
        return run(set, engine, 1);
    }

    /** With {@code threads} above 1, through {@link MatchingEngine#matchAll}'s parallel first pass. */
    public static AccuracyRun run(ReconciliationDataSet set, MatchingEngine engine, int threads) {
        AccuracyRun run = new AccuracyRun();
        long start = System.nanoTime();
        List<MatchResult> results = engine.matchAll(set.credits, threads);
        run.nanos = System.nanoTime() - start;
        for (int n = 0; n < results.size(); n++) {
            run.score(set.credits.get(n), set.expected.get(n), results.get(n));
        }
        return run;
    }

    private void score(IncomingCredit credit, Expected expected, MatchResult result) {
        int[] c = byKind.computeIfAbsent(expected.kind(), k -> new int[6]);
        c[CREDITS]++;
        if (expected.matchable()) {
            c[MATCHABLE]++;
        }
        if (!result.automatic()) {
            if (expected.matchable() && missed.size() < 200) {
                missed.add(describe(credit, expected, result));
            }
            return;
        }
        c[AUTOMATIC]++;
        Proposal p = result.candidates().get(0);
        if (correct(expected, p)) {
            c[CORRECT]++;
            if (expected.matchable()) {
                c[MATCHABLE_CORRECT]++;
            }
        } else {
            c[WRONG]++;
            if (wrong.size() < 200) {
                wrong.add(describe(credit, expected, result));
            }
        }
    }

    static boolean correct(Expected expected, Proposal p) {
        if (expected.shares().isEmpty()) {
            return false;
        }
        Map<UUID, Long> shares = new HashMap<>();
        for (Proposal.Share s : p.shares()) {
            shares.merge(s.invoiceId(), OpenItemBook.cents(s.amount()), Long::sum);
        }
        Map<UUID, Long> notes = new HashMap<>();
        for (Proposal.CreditNoteUse u : p.creditNotes()) {
            notes.merge(u.creditNoteId(), OpenItemBook.cents(u.amount()), Long::sum);
        }
        return shares.equals(expected.shares()) && notes.equals(expected.creditNotes());
    }

    private static String describe(IncomingCredit credit, Expected expected, MatchResult result) {
        StringBuilder s = new StringBuilder();
        s.append(expected.kind()).append(" matchable=").append(expected.matchable()).append(" amount=")
                .append(credit.amount()).append(" e2e=").append(credit.endToEndId()).append(" refs=")
                .append(credit.structuredReferences()).append(" text=").append(credit.remittance()).append(" payer=")
                .append(credit.payerName()).append(" expected=").append(expected.shares().values()).append('\n');
        for (Proposal p : result.candidates()) {
            s.append("   ").append(p.confidence()).append(' ').append(p.debtorName()).append(' ');
            p.shares().forEach(x -> s.append(x.invoiceNumber()).append('=').append(x.amount()).append(' '));
            p.reasons().forEach(r -> s.append("\n      ").append(r.code()).append(": ").append(r.text()));
            s.append('\n');
        }
        return s.toString();
    }

    public int total(int column) {
        return byKind.values().stream().mapToInt(c -> c[column]).sum();
    }

    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-24s %8s %9s %9s %8s %6s %10s%n",
                "kind", "credits", "matchable", "automatic", "correct", "wrong", "matchable%"));
        byKind.forEach((kind, c) -> s.append(String.format(Locale.ROOT, "%-24s %8d %9d %9d %8d %6d %9.2f%%%n",
                kind, c[CREDITS], c[MATCHABLE], c[AUTOMATIC], c[CORRECT], c[WRONG],
                c[MATCHABLE] == 0 ? 100.0 : 100.0 * c[MATCHABLE_CORRECT] / c[MATCHABLE])));
        s.append(String.format(Locale.ROOT, "%-24s %8d %9d %9d %8d %6d %9.2f%%%n", "total", total(CREDITS),
                total(MATCHABLE), total(AUTOMATIC), total(CORRECT), total(WRONG), matchableCorrectShare() * 100));
        return s.toString();
    }

    public double matchableCorrectShare() {
        return total(MATCHABLE) == 0 ? 1 : (double) total(MATCHABLE_CORRECT) / total(MATCHABLE);
    }
}
