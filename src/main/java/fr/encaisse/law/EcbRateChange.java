package fr.encaisse.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A change of the ECB main refinancing operations (MRO) rate, as effective from a date. The
 * history is shipped for explanation and to cross-check each half-year's reference rate
 * (L441-10 II: the rate in force on 1 January / 1 July).
 *
 * @param effectiveFrom first day the new rate applies (the ECB's "with effect from" date)
 * @param ratePercent   annual rate in percent, e.g. {@code 2.15}
 */
public record EcbRateChange(LocalDate effectiveFrom, BigDecimal ratePercent) {
    public EcbRateChange {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(ratePercent, "ratePercent");
    }
}
