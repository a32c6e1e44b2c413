package fr.encaisse.banking;

/**
 * What checking the reversing debits of an import did: reversals applied (the credit's match
 * undone, or already undone by sepa's return) and debits left {@code UNMATCHED} for a person.
 */
public record ReversalCounts(int applied, int leftForPerson) {

    public static final ReversalCounts NONE = new ReversalCounts(0, 0);
}
