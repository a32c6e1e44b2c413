package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One bulk write (see {@link LedgerBatches}). Writes are queued and flushed in batches, debtors
 * first so that every foreign key holds; reads flush first, so they see what the batch wrote.
 * An allocation to or from a row still queued settles it in memory: the row is inserted with
 * its final open amount, and needs no update afterwards.
 * Drafts break the same rules as with {@link Ledger} ({@code InvalidInputException}); an
 * allocation larger than what is open is a programming error ({@code IllegalStateException}),
 * since the caller reads {@link #open} before allocating.
 */
public interface LedgerBatch {

    /** Debtor ids by reference, for the references that exist. */
    Map<String, UUID> debtorIds(Collection<String> references);

    /** Invoices and credit notes by number, for the numbers that exist. */
    Map<String, Item> items(Collection<String> numbers);

    /** Payments of these debtors received on these dates. */
    List<Payment> payments(Collection<UUID> debtorIds, Collection<LocalDate> receivedOn);

    /** How many payments the tenant has. */
    long paymentCount();

    /**
     * What is open: of invoices and credit notes their open amount, of payments their unallocated
     * amount, including rows of this batch not inserted yet.
     */
    Map<UUID, BigDecimal> open(Collection<UUID> ids);

    UUID createDebtor(DebtorDraft draft);

    UUID issueInvoice(InvoiceDraft draft);

    /** With an id chosen by the caller, who records it before the row exists (a mapping of the books' lines). */
    UUID issueInvoice(UUID id, InvoiceDraft draft);

    UUID issueCreditNote(CreditNoteDraft draft);

    UUID issueCreditNote(UUID id, CreditNoteDraft draft);

    /** A payment without allocations (allocate it with {@link #allocatePayment}). */
    UUID recordPayment(PaymentDraft draft);

    UUID recordPayment(UUID id, PaymentDraft draft);

    /** Returns the allocation's id; {@code on} is the settlement date (the ledger's own commands use the day received). */
    UUID allocatePayment(UUID paymentId, UUID invoiceId, BigDecimal amount, LocalDate on);

    UUID applyCreditNote(UUID creditNoteId, UUID invoiceId, BigDecimal amount, LocalDate on);

    void flush();

    /**
     * Flushes, then refreshes the database's statistics on the ledger's tables. A bulk load
     * outgrows them, and PostgreSQL, which plans lookups by them, would go on reading whole
     * tables: call it now and then (say each time the rows written have grown fourfold). Inside
     * the transaction, PostgreSQL's ANALYZE counts the transaction's own rows. Does nothing on H2.
     */
    void refreshStatistics();

    /**
     * Flushes the rest and, when the batch wrote anything, records its evidence entry (counts,
     * SHA-256 of the rows, and the caller's {@code details}) and publishes {@link LedgerBatchApplied}.
     *
     * @param details what the caller wants in the evidence entry (e.g. the file's name and hash)
     */
    Summary close(Map<String, Object> details);

    /** An invoice or credit note as a batch needs to know it. */
    record Item(UUID id, boolean creditNote, UUID debtorId, String number, BigDecimal amountInclTax,
                BigDecimal openAmount, String currency) {
    }

    /** What a batch wrote; {@code sha256} digests every row written, in order. */
    record Summary(UUID batchId, int debtors, int invoices, int creditNotes, int payments, int allocations,
                   String sha256) {

        public boolean empty() {
            return debtors + invoices + creditNotes + payments + allocations == 0;
        }
    }
}
