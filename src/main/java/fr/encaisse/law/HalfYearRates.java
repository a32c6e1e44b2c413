package fr.encaisse.law;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The reference rates of one half-year: the ECB MRO rate in force on its first day (L441-10 II,
 * R2192-31 CCP) and the two legal interest rates fixed by arrêté (Code monétaire et financier
 * L313-2). Rates are annual percentages ({@code 5.07} means 5.07 %).
 *
 * @param halfYear               the half-year
 * @param ecbRatePercent         ECB MRO rate in force on 1 January / 1 July
 * @param legalRateIndividuals   legal rate for creditors who are private persons ("particuliers")
 * @param legalRateOthers        legal rate for all other creditors ("autres cas")
 * @param source                 free text naming where the figures come from (may be empty)
 */
public record HalfYearRates(HalfYear halfYear, BigDecimal ecbRatePercent, BigDecimal legalRateIndividuals,
                            BigDecimal legalRateOthers, String source) {

    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);

    public HalfYearRates {
        Objects.requireNonNull(halfYear, "halfYear");
        Objects.requireNonNull(ecbRatePercent, "ecbRatePercent");
        Objects.requireNonNull(legalRateIndividuals, "legalRateIndividuals");
        Objects.requireNonNull(legalRateOthers, "legalRateOthers");
        source = source == null ? "" : source;
    }

    /** L441-10 II default rate: ECB + 10 points. */
    public BigDecimal defaultPenaltyRate() {
        return ecbRatePercent.add(TEN);
    }

    /** R2192-31 CCP: ECB + 8 points. */
    public BigDecimal publicBuyerRate() {
        return ecbRatePercent.add(EIGHT);
    }

    /** L441-10 II: a contract rate may not be below three times the legal rate ("autres cas"). */
    public BigDecimal contractRateFloor() {
        return legalRateOthers.multiply(THREE);
    }

    public BigDecimal legalRate(CreditorKind creditor) {
        return creditor == CreditorKind.PRIVATE_PERSON ? legalRateIndividuals : legalRateOthers;
    }
}
