package fr.encaisse.ledger;

/** Why we would call this person. */
public enum ContactRole {
    ACCOUNTS_PAYABLE, PURCHASING, MANAGEMENT, LEGAL, OTHER
}
