package fr.encaisse.imports.internal;

import fr.encaisse.shared.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gathers FEC lines into entries (same JournalCode and EcritureNum) and hands on each balanced
 * entry. Lines of an entry are normally contiguous; when they are not, the unbalanced part waits
 * until the rest arrives, so only entries still unbalanced at the end of the file are reported.
 * Memory holds the entry being read and the unbalanced ones, never the file.
 */
final class FecEntries {

    /** Beyond this many unbalanced entries the file is not worth reading further. */
    static final int MAX_PENDING = 10_000;

    private final Consumer<List<FecLine>> sink;
    private final FecReader.Problems problems;
    private final String debitColumn;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private String currentKey;
    private Pending current;
    private long entries;
    private boolean keepLines = true;

    private static final class Pending {
        final List<FecLine> lines = new ArrayList<>(4);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        long firstLine;
        long lastLine;
        String journal;
        String number;

        void add(FecLine l, boolean keep) {
            if (keep) {
                lines.add(l);
            }
            if (firstLine == 0) {
                firstLine = l.line();
                journal = l.journalCode();
                number = l.ecritureNum();
            }
            lastLine = l.line();
            debit = debit.add(l.debit());
            credit = credit.add(l.credit());
        }

        void merge(Pending other) {
            lines.addAll(other.lines);
            debit = debit.add(other.debit);
            credit = credit.add(other.credit);
            lastLine = other.lastLine;
        }

        boolean balanced() {
            return debit.compareTo(credit) == 0;
        }
    }

    FecEntries(Consumer<List<FecLine>> sink, FecReader.Problems problems, String debitColumn) {
        this.sink = sink;
        this.problems = problems;
        this.debitColumn = debitColumn;
    }

    long entries() {
        return entries;
    }

    /** Once the import cannot be written any more, entries are only checked, not kept. */
    void stopKeepingLines() {
        keepLines = false;
        current = null;
        currentKey = null;
        pending.values().forEach(p -> p.lines.clear());
    }

    /** False when there are so many unbalanced entries that reading should stop. */
    boolean accept(FecLine line) {
        String key = line.entryKey();
        if (!key.equals(currentKey)) {
            finishCurrent();
            currentKey = key;
            current = new Pending();
        }
        current.add(line, keepLines);
        return pending.size() <= MAX_PENDING;
    }

    /** Ends the file: what is still unbalanced is reported. */
    void end() {
        finishCurrent();
        for (Pending p : pending.values()) {
            problems.add(new FieldProblem((int) p.lastLine, debitColumn, p.debit.subtract(p.credit).toPlainString(),
                    "entry " + p.journal + " " + p.number + " (line" + (p.firstLine == p.lastLine ? " " + p.firstLine
                            : "s " + p.firstLine + " to " + p.lastLine) + ") is not balanced: debit "
                            + p.debit.toPlainString() + ", credit " + p.credit.toPlainString()));
        }
        if (pending.size() > MAX_PENDING) {
            problems.add(new FieldProblem(null, null, null, "more than " + MAX_PENDING
                    + " entries are unbalanced: reading stopped; is the Debit/Credit or Montant/Sens layout right?"));
        }
        pending.clear();
    }

    private void finishCurrent() {
        if (current == null) {
            return;
        }
        Pending done = current;
        String key = currentKey;
        current = null;
        currentKey = null;
        Pending waiting = pending.remove(key);
        if (waiting != null) {
            waiting.merge(done);
            done = waiting;
        }
        if (done.balanced()) {
            entries++;
            if (keepLines) {
                sink.accept(done.lines);
            }
        } else {
            pending.put(key, done);
        }
    }

    /** For tests: entries waiting for the rest of their lines. */
    Iterator<String> pendingKeys() {
        return pending.keySet().iterator();
    }
}
