package fr.encaisse.sepa;

/** What the debtor signed: a mandate for recurrent collections or for a single one. */
public enum MandateType {
    RECURRENT,
    ONE_OFF
}
