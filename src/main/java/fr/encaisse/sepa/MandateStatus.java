package fr.encaisse.sepa;

/** Where a mandate stands. Only {@code ACTIVE} and {@code AMENDED} mandates are collected. */
public enum MandateStatus {
    /** Created, its form waiting for the debtor's signature: not usable yet. */
    PENDING_SIGNATURE,
    /** Signed and usable. */
    ACTIVE,
    /**
     * Signed and usable, changed (IBAN, BIC or UMR) since its last collection: the next collection
     * carries the amendment ({@code AmdmntInd = true}), after which it is {@code ACTIVE} again.
     */
    AMENDED,
    /** Revoked by the debtor or the creditor, or after an R-transaction that ends it (MD01, AC04…). */
    REVOKED,
    /** 36 months without a collection (EPC rulebooks): a new mandate is needed. */
    EXPIRED;

    public boolean usable() {
        return this == ACTIVE || this == AMENDED;
    }
}
