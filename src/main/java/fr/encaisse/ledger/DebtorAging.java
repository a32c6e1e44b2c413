package fr.encaisse.ledger;

import java.util.UUID;

/** One debtor's line of the aging balance. */
public record DebtorAging(UUID debtorId, String reference, String legalName, AgingBuckets invoices, Bucket openCreditNotes) {
}
