package fr.encaisse.law;

/**
 * Facts a statement states in words besides its figures, so that letters and the portal explain
 * why something is (not) claimed.
 */
public enum Remark {
    /** The €40 indemnity was already claimed for this invoice (D441-5: once per invoice). */
    INDEMNITY_ALREADY_CLAIMED,
    /** Consumers owe no L441-10 penalties, no €40 indemnity, no recovery costs (CPCE L111-8). */
    CONSUMER_REGIME,
    /** Consumer debt without formal notice: no moratory interest runs yet (C. civ. 1344-1). */
    NO_FORMAL_NOTICE,
    /** A contract rate was given for a public buyer and ignored: R2192-31 CCP fixes the rate. */
    CONTRACT_RATE_IGNORED_FOR_PUBLIC_BUYER,
    /** Some periods were priced with the last known rates (explicit fallback). */
    FALLBACK_RATES_USED,
    /** Payments or credit notes exceed what was owed; the excess was not applied. */
    UNAPPLIED_EXCESS
}
