package fr.encaisse.communication;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Messages to debtors. {@link #enqueue} joins the caller's transaction (so a dunning run writes
 * its state and its messages together); sending happens later, by the background dispatcher
 * (every few seconds, one node at a time) or by {@link #dispatchDue}. Every call acts within the
 * current tenant.
 */
public interface Outbox {

    /** Queues a message; a second call for the same source and channel returns the first message's id. */
    UUID enqueue(OutboundMessage message);

    /** Sends the current tenant's messages that are due now; returns how many were processed. */
    int dispatchDue();

    /** The same as if the clock read {@code now} (retries whose backoff has elapsed by then are due). */
    int dispatchDue(Instant now);

    Message message(UUID id);

    /** Newest first; {@code status} and {@code debtorId} optional. */
    List<Message> messages(MessageStatus status, UUID debtorId, int limit);

    /**
     * Every message to the debtor, whatever its status, oldest first. No limit: a court file must
     * not silently miss a message (a debtor has tens of them, not thousands).
     */
    List<Message> ofDebtor(UUID debtorId);

    /** DEAD and BOUNCED messages, newest first. */
    List<Message> deadLetters();

    /** How many messages the dead-letter list holds (it shows the newest 500 only). */
    int deadLetterCount();

    /** Puts a failed, dead or bounced message back in the queue, due now. */
    Message retry(UUID id);

    /** Records a bounce reported after the fact (a delivery status notification). */
    Message markBounced(UUID id, String reason);

    /** The exact bytes sent (MIME message, PDF, call script), whose SHA-256 is in the evidence journal. */
    byte[] content(UUID id);

    /** Template names messages may use (each exists in French and English). */
    Set<String> templates();
}
