package fr.encaisse.law;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A run of late days with a constant base and rate: interest = base × rate × days / denominator.
 * The interest is kept unrounded (scale 10) for explanation; only the invoice total is rounded
 * to the cent (see {@link InvoicePenaltyStatement#interest()}).
 *
 * @param from          first late day of the period (inclusive)
 * @param to            last day of the period (inclusive)
 * @param days          number of days, {@code to - from + 1}
 * @param base          principal unpaid at the start of each of these days
 * @param ratePercent   annual rate applied, in percent
 * @param source        how the rate was obtained, with its legal basis
 * @param rateHalfYear  half-year whose reference rates were used
 * @param referenceRate the reference behind the rate: ECB MRO rate (ECB + 8/10), legal rate (consumer,
 *                      or the legal rate whose triple is the floor), or the contract rate itself
 * @param dayCount      day-count convention
 * @param denominator   days in the year used by the convention for these days (360, 365 or 366)
 * @param interest      unrounded interest of the period, scale 10
 * @param fallback      true when the half-year was not in the rate table and the last known rates
 *                      were used on request ({@link MissingRatePolicy#LAST_KNOWN_RATE})
 */
public record InterestPeriod(LocalDate from, LocalDate to, long days, BigDecimal base, BigDecimal ratePercent,
                             RateSource source, HalfYear rateHalfYear, BigDecimal referenceRate, DayCount dayCount,
                             int denominator, BigDecimal interest, boolean fallback) {

    /** The legal basis of this period's rate. */
    public String legalBasis() {
        return source.legalBasis();
    }
}
