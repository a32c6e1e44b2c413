package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How late the invoices settled between {@code from} (exclusive) and {@code to} (inclusive) were
 * paid: {@code averageDaysLate} = Σ(amount incl. tax × (settled on − due date)) ÷ Σ amount, one
 * decimal; negative when paid early on average, null when none was settled. An invoice is settled
 * on the date of its last allocation (payment or credit note), once nothing is left open.
 */
public record PaymentDelay(LocalDate from, LocalDate to, long invoices, BigDecimal amount, BigDecimal averageDaysLate) {
}
