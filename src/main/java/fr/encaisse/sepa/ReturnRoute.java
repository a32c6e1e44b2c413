package fr.encaisse.sepa;

/** What happens to an invoice after its direct debit came back unpaid. */
public enum ReturnRoute {
    /** Presented again after the configured delay (insufficient funds, first time). */
    REPRESENT,
    /** No new debit: the pending-debit pause is lifted and dunning takes the invoice over. */
    RESUME_DUNNING
}
