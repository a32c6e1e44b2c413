package fr.encaisse.law;

/**
 * Who owes the money, which decides the late-payment regime: Code de commerce L441-10 for
 * professionals, Code de la commande publique L2192-10 to L2192-14 for public buyers, Code civil
 * 1231-6 / 1344-1 for consumers.
 */
public enum DebtorCategory {
    /** A business buying for its business: L441-10 penalties and the €40 indemnity (D441-5). */
    PROFESSIONAL,
    /** A public buyer (State, local authority…): ECB + 8 points (R2192-31) and €40 (D2192-35). */
    PUBLIC_BUYER,
    /** A consumer: no L441-10 penalties, no indemnity; legal-rate interest from the formal notice. */
    CONSUMER
}
