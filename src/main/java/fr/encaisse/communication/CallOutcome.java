package fr.encaisse.communication;

public enum CallOutcome {
    /** Spoke to the debtor; nothing more agreed. */
    REACHED,
    /** The debtor promised to pay by a date: dunning pauses until then. */
    PROMISE,
    /** The debtor contests: a dispute is opened, dunning pauses until it is resolved. */
    DISPUTE,
    NO_ANSWER
}
