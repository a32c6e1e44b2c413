package fr.encaisse.documents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * LRAR records for the registered letters the outbox sent (keyed by message id), as {@link Documents}
 * keeps them for the letters it writes. Every call acts within the current tenant: another tenant's
 * message is reported as not found. Each recording is journaled (subject: the debtor) in the same
 * transaction; recording the same again changes nothing, a different value is a conflict.
 */
public interface RegisteredLetters {

    /**
     * Records La Poste's tracking number and the posting date.
     *
     * @throws fr.encaisse.shared.InvalidInputException naming {@code trackingNumber} or {@code postedOn}
     * @throws fr.encaisse.shared.ConflictException when the message is not a sent registered letter
     */
    RegisteredLetter recordPosting(UUID messageId, String trackingNumber, LocalDate postedOn);

    /**
     * Records the returned card: its date and what it says ({@code outcome} null = {@link DeliveryOutcome#DELIVERED}).
     * The posting must be recorded first.
     */
    RegisteredLetter recordAcknowledgement(UUID messageId, LocalDate receivedOn, DeliveryOutcome outcome);

    /** The letter and whatever is recorded of it. */
    RegisteredLetter registeredLetter(UUID messageId);
}
