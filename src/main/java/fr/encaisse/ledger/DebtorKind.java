package fr.encaisse.ledger;

/** Who the debtor is in law: it decides which late-payment rules apply. */
public enum DebtorKind {
    /** A professional: L441-10 penalties and the €40 indemnity apply. */
    B2B,
    /** A consumer: no L441-10 penalties, no indemnity. */
    B2C,
    /** A public-sector buyer: public procurement payment rules. */
    PUBLIC
}
