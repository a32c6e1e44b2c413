package fr.encaisse.sepa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One collection of one invoice. {@code endToEndId} is what the bank returns with any
 * R-transaction: {@code ENC-<invoice number>-<n>} (see docs/sepa.md), unique per tenant.
 *
 * @param attempt            1 for the first presentation, 2 for the re-presentation after AM04
 * @param representsDebitId the returned collection this one presents again, or null
 * @param sequenceType       decided when batched (FRST, RCUR, FNAL, OOFF), null before
 * @param amended            whether it carries a mandate amendment ({@code AmdmntInd})
 */
public record DirectDebit(UUID id, UUID mandateId, String umr, UUID debtorId, UUID invoiceId, String invoiceNumber,
        String endToEndId, BigDecimal amount, String currency, LocalDate dueDate, LocalDate collectionDate,
        LocalDate prenotifyOn, Scheme scheme, SequenceType sequenceType, DirectDebitStatus status, int attempt,
        UUID representsDebitId, UUID batchId, boolean amended, UUID paymentId, UUID allocationId, LocalDate settledOn,
        String statusReason) {
}
