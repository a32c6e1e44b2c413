package fr.encaisse.imports;

import fr.encaisse.shared.FieldProblem;
import java.util.List;
import java.util.UUID;

/**
 * What a FEC import did, or, when {@code errors} is not empty, why it wrote nothing.
 *
 * @param dueDates      how due dates were set: the FEC carries none
 * @param unchanged     customer lines already imported, with the same lettering
 * @param skipped       customer lines that are not in the ledger, by reason
 * @param warnings      things to check (the first ones; {@code warningCount} says how many)
 * @param errors        the first problems, each naming line and column; {@code errorCount} says how many
 */
public record FecImportReport(
        UUID importId,
        String fileName,
        String sha256,
        String encoding,
        String separator,
        String amountColumns,
        long lines,
        long entries,
        long customerLines,
        int termDays,
        String dueDates,
        Created created,
        Updated updated,
        long unchanged,
        List<Skipped> skipped,
        List<String> warnings,
        long warningCount,
        boolean dryRun,
        boolean applied,
        List<FieldProblem> errors,
        long errorCount,
        long millis) {

    public boolean ok() {
        return errors.isEmpty();
    }

    /** New ledger rows. {@code allocations} counts settlements, from lettering and from references. */
    public record Created(int debtors, int invoices, int creditNotes, int payments, int allocations) {
    }

    /**
     * Changes to what was there: lines lettered since the last import, invoices and payments already
     * in Encaisse that the books' lines were matched to, invoices that this import settled in full.
     */
    public record Updated(long newlyLettered, int matchedInvoices, int matchedPayments, int invoicesSettled) {
    }

    public record Skipped(String reason, long lines, List<Long> firstLines) {
    }
}
