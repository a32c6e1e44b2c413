package fr.encaisse.law.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euro amounts: BigDecimal at scale 2, rounded HALF_UP when rounding is due. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    public static final BigDecimal FORTY = new BigDecimal("40.00");

    private Money() {
    }

    /** An input amount in euros; rejects sub-cent precision rather than rounding it silently. */
    public static BigDecimal euros(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException("euro amounts have at most 2 decimals, got " + amount.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
