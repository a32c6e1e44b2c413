package fr.encaisse.shared;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Money is a {@link BigDecimal} at the scale of its currency (2 for EUR), never a double.
 * This class checks and normalises amounts at the edges of the system.
 */
public final class Amounts {

    private Amounts() {
    }

    /** The ISO 4217 currency, or an error naming the field. */
    public static Currency currency(String code, String field) {
        try {
            return Currency.getInstance(code);
        } catch (RuntimeException e) {
            throw InvalidInputException.of(field, "unknown ISO 4217 currency '" + code + "'");
        }
    }

    /**
     * The amount at its currency's scale; an amount with more decimals than the currency has
     * is refused rather than silently rounded.
     */
    public static BigDecimal inCurrency(BigDecimal amount, String currencyCode, String field) {
        if (amount == null) {
            throw InvalidInputException.of(field, "is required");
        }
        int digits = currency(currencyCode, "currency").getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new InvalidInputException(FieldProblem.of(field, amount.toPlainString(),
                    "has more than " + digits + " decimals for " + currencyCode));
        }
        return amount.setScale(digits);
    }
}
