package fr.encaisse.dunning;

public enum StepMode {
    /** Sent by the run itself. */
    AUTOMATIC,
    /** Drafted by the run; waits in the review queue until a credit manager approves or skips it. */
    APPROVAL
}
