package fr.encaisse.communication;

/** How a message reaches the debtor. */
public enum Channel {
    EMAIL, LETTER, REGISTERED_LETTER, CALL_TASK, SMS;

    public boolean isLetter() {
        return this == LETTER || this == REGISTERED_LETTER;
    }
}
