package fr.encaisse.communication;

public enum MessageStatus {
    /** Waiting to be sent. */
    QUEUED,
    /** Claimed by a sender right now. */
    SENDING,
    SENT,
    /** The last attempt failed; retried at {@code nextAttemptAt} (exponential backoff). */
    FAILED,
    /** The server refused the recipient: not retried. */
    BOUNCED,
    /** Given up (too many attempts, or nothing to send it with): in the dead-letter list. */
    DEAD,
    /** Nothing left to say when it was due: everything paid, credited or paused. */
    CANCELLED
}
