package fr.encaisse.law;

/**
 * How a partial payment is split between principal and accrued penalty interest. Code civil
 * 1343-1 applies a payment to interest first unless the creditor agrees otherwise; most creditors
 * (and the default here) apply payments to the invoice itself, which is also what debtors expect.
 */
public enum Allocation {
    /** A payment reduces the principal; any excess over the principal pays accrued interest. */
    PRINCIPAL_FIRST,
    /** Code civil 1343-1: a payment first settles the interest accrued to its date, then principal. */
    INTEREST_FIRST
}
