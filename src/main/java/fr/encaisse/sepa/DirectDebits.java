package fr.encaisse.sepa;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The current tenant's direct-debit collections: planning invoices of debtors with a usable
 * mandate, pre-notifications, pain.008 batches, booking in the ledger at the collection date, and
 * the R-transactions read from pain.002 and camt.054 files. Every call acts within the current
 * tenant; another tenant's ids are reported as not found. Dates default to today in the tenant's
 * zone.
 */
public interface DirectDebits {

    /**
     * Plans a collection for each open EUR invoice of the debtor (or of every debtor) with a usable
     * mandate, due up to the planning horizon, that has no collection under way: at its due date
     * moved to the next TARGET2 business day, but never sooner than the pre-notification period and
     * the scheme's lead time allow. Declares a {@code DIRECT_DEBIT_PENDING} pause on each invoice.
     */
    PlanReport plan(LocalDate asOf, UUID debtorId);

    /**
     * The day's work: lapse mandates 36 months without a collection, plan, queue the
     * pre-notifications due, move collections whose submission date passed, book the collections
     * whose date came, then send the queued notices.
     */
    SepaRunReport run(LocalDate asOf);

    /** Newest collection date first; filters optional; at most {@code limit} (1-500). */
    List<DirectDebit> debits(DirectDebitStatus status, UUID invoiceId, UUID mandateId, int limit);

    DirectDebit debit(UUID id);

    /** Cancels a collection not yet submitted to the bank and lifts its pause. */
    DirectDebit cancel(UUID id, String reason);

    /** Writes the collections that may be submitted on the day into a new pain.008 file and stores it. */
    DebitBatch createBatch(BatchRequest request);

    List<DebitBatch> batches();

    DebitBatch batch(UUID id);

    BatchFile batchFile(UUID id);

    /** Records that the file was sent to the bank on {@code submittedOn} (null: today). */
    DebitBatch submit(UUID id, LocalDate submittedOn);

    /** Drops a batch not yet submitted; its collections wait for the next batch. */
    DebitBatch discard(UUID id);

    /**
     * Reads a pain.002 (status report) or camt.054 (debit/credit notification) and applies each
     * R-transaction to its collection, matched by end-to-end id: the ledger allocation reversed,
     * the bank fee kept, then re-presentation (AM04, once) or dunning, the debtor told, the
     * mandate revoked for MD01/AC04/MD07/AG01. All or nothing.
     */
    ReturnImport importReturns(String fileName, byte[] content, LocalDate receivedOn);

    List<DebitReturn> returns(int limit);

    /** Notices of one collection, or (null) the latest of the tenant. */
    List<SepaNotice> notices(UUID debitId);

    /** Sends the current tenant's queued notices now; returns how many were sent. */
    int sendNotices();
}
