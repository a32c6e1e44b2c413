package fr.encaisse.documents;

/** The court route a recovery dossier is prepared for. */
public enum RecoveryProcedure {
    /** Request for an order to pay to the president of the court (CPC 1405 to 1425). */
    INJONCTION_DE_PAYER,
    /**
     * Simplified recovery of small claims (at most €5,000 in principal and interest) by a
     * commissaire de justice (CPCE L125-1, R125-1 to R125-8).
     */
    SMALL_CLAIMS
}
