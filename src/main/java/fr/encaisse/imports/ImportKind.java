package fr.encaisse.imports;

/** What a CSV file holds. */
public enum ImportKind {
    DEBTORS, INVOICES
}
