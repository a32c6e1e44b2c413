package fr.encaisse.dunning;

public enum Grouping {
    /** One contact per debtor and day, listing all its overdue invoices (the most advanced step due sets the tone). */
    PER_DEBTOR,
    /** One contact per invoice and step. */
    PER_INVOICE
}
