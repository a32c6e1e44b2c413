package fr.encaisse.banking;

/** Where a statement line stands. */
public enum LineStatus {
    /** Imported, not matched yet (matching runs right after the import). */
    NEW,
    /** A payment was recorded and allocated from it, automatically or by a person. */
    MATCHED,
    /** A candidate is likely enough to propose, not enough to apply: a person decides. */
    SUGGESTED,
    /** No likely candidate, or its suggestion was turned down or its match undone. */
    UNMATCHED,
    /** Not a customer payment to match: a debit, a reversal, or an entry not booked. */
    NOT_APPLICABLE
}
