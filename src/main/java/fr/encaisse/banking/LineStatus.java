package fr.encaisse.banking;

/** Where a statement line stands. */
public enum LineStatus {
    /** Imported, not matched yet (matching runs right after the import). */
    NEW,
    /**
     * A payment was recorded and allocated from it, automatically or by a person; or, with
     * {@code matchedBy = SEPA}, the credit of one of our direct debits was linked to the payment
     * sepa had already booked for it (nothing recorded here).
     */
    MATCHED,
    /** A candidate is likely enough to propose, not enough to apply: a person decides. */
    SUGGESTED,
    /** No likely candidate, or its suggestion was turned down or its match undone. */
    UNMATCHED,
    /** Not a customer payment to match: a debit, a reversal, or an entry not booked. */
    NOT_APPLICABLE,
    /** A credit the bank took back (a later debit line reversed or returned it); its match was undone. */
    REVERSED,
    /**
     * A debit line that reversed or returned a credit matched here; that match was undone (here,
     * or by sepa when the credit was of our direct debit).
     */
    REVERSAL,
    /**
     * A credit whose payment the ledger deleted because the money went back to the payer (sepa
     * applied the return of our direct debit): nothing is left to match.
     */
    RETURNED,
    /** A reversing debit left for a person, closed by one with a reason; it may be reopened. */
    CLOSED
}
