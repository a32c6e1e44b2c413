package fr.encaisse.law;

import fr.encaisse.law.internal.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that reduces what a late invoice still owes: a payment or a credit note. A reduction
 * dated d still leaves day d bearing interest on the former base; the base drops from d + 1.
 *
 * @param date   value date of the payment, or date of the credit note
 * @param amount positive amount in euros (scale ≤ 2)
 * @param kind   payment or credit note
 */
public record Reduction(LocalDate date, BigDecimal amount, Kind kind) {

    public enum Kind {
        /** A payment: allocated to principal or to accrued interest according to {@link Allocation}. */
        PAYMENT,
        /** A credit note (avoir): reduces the invoiced amount itself, never the interest. */
        CREDIT_NOTE
    }

    public Reduction {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a reduction amount must be positive, got " + amount);
        }
        amount = Money.euros(amount);
    }

    public static Reduction payment(LocalDate date, BigDecimal amount) {
        return new Reduction(date, amount, Kind.PAYMENT);
    }

    public static Reduction creditNote(LocalDate date, BigDecimal amount) {
        return new Reduction(date, amount, Kind.CREDIT_NOTE);
    }
}
