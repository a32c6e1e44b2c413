package fr.encaisse.sepa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A pain.008 file of the tenant, stored as written.
 *
 * @param latestSubmissionDate the last day the file may reach the bank for its earliest collection
 * @param blocks               its payment-information blocks ({@code PmtInf})
 */
public record DebitBatch(UUID id, String messageId, PainVersion version, DebitBatchStatus status, LocalDate createdOn,
        long numberOfTransactions, BigDecimal controlSum, LocalDate firstCollectionDate, LocalDate lastCollectionDate,
        LocalDate latestSubmissionDate, String fileName, String sha256, LocalDate submittedOn,
        List<Pain008Summary.PaymentInformation> blocks, OffsetDateTime createdAt, String createdBy) {

    public enum DebitBatchStatus {
        /** Written, waiting to be sent; may be discarded. */
        CREATED,
        /** Marked as sent to the bank. */
        SUBMITTED,
        /** Dropped before sending: its collections went back to the queue. */
        DISCARDED
    }
}
