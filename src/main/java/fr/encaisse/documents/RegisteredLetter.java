package fr.encaisse.documents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered letter with acknowledgement of receipt (LRAR) that the dunning run sent through the
 * communication outbox, with what the user recorded of its posting and its return card. The letter
 * itself (the exact PDF, hashed in the journal's {@code message.sent} entry) stays in the outbox.
 *
 * @param letterDate      the date the letter bears
 * @param contentSha256   SHA-256 of the exact PDF sent
 * @param trackingNumber  La Poste's number, null until the posting is recorded
 * @param acknowledgedOn  the date on the returned card (see {@link DeliveryOutcome}), null until recorded
 * @param outcome         null until the card is recorded
 */
public record RegisteredLetter(UUID messageId, UUID debtorId, String template, LocalDate letterDate, String recipient,
                               String contentSha256, String trackingNumber, LocalDate postedOn, LocalDate acknowledgedOn,
                               DeliveryOutcome outcome) {
}
