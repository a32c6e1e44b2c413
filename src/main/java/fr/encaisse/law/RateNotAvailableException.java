package fr.encaisse.law;

/**
 * A late day falls in a half-year that the {@link RateTable} does not cover, and the caller did not
 * ask for the {@link MissingRatePolicy#LAST_KNOWN_RATE} fallback. Never priced silently.
 */
public class RateNotAvailableException extends RuntimeException {

    private final HalfYear halfYear;

    public RateNotAvailableException(HalfYear halfYear, HalfYear firstCovered, HalfYear lastCovered) {
        super("No late-payment rates for half-year " + halfYear + ": the rate table covers "
                + firstCovered + " to " + lastCovered + ". Load the rates of " + halfYear
                + " (ECB MRO rate in force on " + halfYear.firstDay() + ", legal interest rates)"
                + " or ask explicitly for the LAST_KNOWN_RATE fallback.");
        this.halfYear = halfYear;
    }

    /** The half-year that has no rates. */
    public HalfYear halfYear() {
        return halfYear;
    }
}
