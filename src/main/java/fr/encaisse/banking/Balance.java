package fr.encaisse.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A booked balance of a statement: camt {@code Bal} (type OPBD/PRCD for the opening, CLBD for the
 * closing balance) or a CFONB 120 record 01 (previous balance) / 07 (new balance).
 *
 * @param amount      the absolute amount, never negative
 * @param currency    ISO 4217 code
 * @param creditDebit whether the balance is in favour of the holder (credit) or overdrawn (debit)
 * @param date        the date the balance refers to
 */
public record Balance(BigDecimal amount, String currency, CreditDebit creditDebit, LocalDate date) {

    public Balance {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(creditDebit, "creditDebit");
        Objects.requireNonNull(date, "date");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a balance amount is absolute; use creditDebit for the sign");
        }
    }

    /** The amount signed from the holder's point of view: negative when overdrawn. */
    public BigDecimal signedAmount() {
        return creditDebit.signed(amount);
    }
}
