package fr.encaisse.sepa;

/** The life of one collection. */
public enum DirectDebitStatus {
    /** Planned for a collection date; the invoice is paused for dunning. */
    PLANNED,
    /** The debtor was sent the pre-notification; waiting for a batch. */
    NOTIFIED,
    /** Written into a pain.008 batch not yet marked submitted. */
    BATCHED,
    /** The batch went to the bank; booked in the ledger on the collection date. */
    SUBMITTED,
    /** Collection date reached: payment recorded and allocated to the invoice in the ledger. */
    SETTLED,
    /** Rejected before settlement (pain.002): nothing was booked. */
    REJECTED,
    /** Returned or refunded after settlement: the allocation was reversed, the invoice reopened. */
    RETURNED,
    /** Dropped before reaching the bank: invoice paid otherwise, mandate revoked, or by hand. */
    CANCELLED;

    /** Still on its way: the invoice stays paused. */
    public boolean pending() {
        return this == PLANNED || this == NOTIFIED || this == BATCHED || this == SUBMITTED;
    }
}
