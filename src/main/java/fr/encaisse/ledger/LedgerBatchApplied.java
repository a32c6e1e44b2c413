package fr.encaisse.ledger;

import java.util.UUID;

/**
 * A bulk write (a FEC import) changed the ledger. It stands for the many {@link InvoiceIssued},
 * {@link PaymentAllocated} and {@link InvoiceSettled} events it does not publish one by one:
 * a listener that keeps its own view of invoices should re-read the ledger.
 */
public record LedgerBatchApplied(UUID tenantId, UUID batchId, String source, int debtorsCreated, int invoicesIssued,
                                 int creditNotesIssued, int paymentsRecorded, int allocationsMade) {
}
