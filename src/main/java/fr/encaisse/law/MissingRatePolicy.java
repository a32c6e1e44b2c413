package fr.encaisse.law;

/**
 * What to do when a late day falls in a half-year the {@link RateTable} does not cover (typically
 * the current half-year before its rates were loaded).
 */
public enum MissingRatePolicy {
    /** Throw {@link RateNotAvailableException} naming the half-year. The default. */
    FAIL,
    /**
     * Price the uncovered half-years at the last covered half-year's rates, and flag the periods and
     * the statement ({@link PenaltyStatement#usesFallbackRates()}). Never applies before the first
     * covered half-year.
     */
    LAST_KNOWN_RATE
}
