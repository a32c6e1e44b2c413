package fr.encaisse.law;

/**
 * Where a period's annual rate comes from, with the legal basis quoted in statements.
 */
public enum RateSource {
    /** Contract rate of the terms of sale, not below the floor (C. com. L441-10 II). */
    CONTRACT("C. com. L441-10 II"),
    /** The contract rate was below 3× the legal rate: the floor applies (C. com. L441-10 II). */
    CONTRACT_FLOOR("C. com. L441-10 II"),
    /** No rate stipulated: ECB MRO rate of the half-year + 10 points (C. com. L441-10 II). */
    ECB_PLUS_10("C. com. L441-10 II"),
    /** Public buyer: ECB MRO rate + 8 points (CCP L2192-13, R2192-31). */
    ECB_PLUS_8("CCP L2192-13, R2192-31"),
    /** Consumer: legal interest rate from the formal notice (C. civ. 1231-6, 1344-1; CMF L313-2). */
    LEGAL_RATE("C. civ. 1231-6, 1344-1 ; CMF L313-2"),
    /** Consumer: rate and start stipulated by the contract (C. civ. 1103, 1344). */
    CONSUMER_CONTRACT("C. civ. 1103, 1344");

    private final String legalBasis;

    RateSource(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
