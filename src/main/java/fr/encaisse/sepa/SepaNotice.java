package fr.encaisse.sepa;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message to a debtor about a collection: its pre-notification ({@code PRENOTIFICATION}) or the
 * notice that it came back unpaid ({@code RETURN}). Status QUEUED, SENT, FAILED (retried), DEAD.
 */
public record SepaNotice(UUID id, UUID debitId, UUID debtorId, String kind, String language, String recipient,
        String subject, String text, String status, int attempts, String lastError, String contentSha256,
        OffsetDateTime createdAt, OffsetDateTime sentAt) {
}
