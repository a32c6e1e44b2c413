package fr.encaisse.recovery;

/** Why dunning must leave an invoice or a debtor alone for now. */
public enum PauseReason {
    /** The debtor contests the invoice (or the account); until the dispute is resolved. */
    DISPUTE,
    /** The debtor promised to pay by a date; until that date plus a few days' grace. */
    PROMISE_TO_PAY,
    /** An agreed payment plan is running; until it is completed or cancelled. */
    PAYMENT_PLAN,
    /** A SEPA direct debit is on its way; declared and lifted by the module that sends it. */
    DIRECT_DEBIT_PENDING,
    /** The creditor asked to hold dunning (commercial reasons, a call in progress…). */
    TENANT_HOLD;

    /** Pauses other modules or people may declare directly; the others come with their case. */
    public boolean declarable() {
        return this == DIRECT_DEBIT_PENDING || this == TENANT_HOLD;
    }
}
