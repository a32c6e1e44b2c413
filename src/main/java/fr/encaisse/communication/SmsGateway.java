package fr.encaisse.communication;

/**
 * Port: sends a text message. The built-in one has no provider and refuses (the message goes to the
 * dead-letter list); a provider adapter replaces it by declaring its own bean annotated {@code @Primary}.
 */
public interface SmsGateway {

    /** @throws SmsNotSentException when the provider refuses; {@code permanent} stops retries */
    void send(String phoneNumber, String text);

    class SmsNotSentException extends RuntimeException {
        private final boolean permanent;

        public SmsNotSentException(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
