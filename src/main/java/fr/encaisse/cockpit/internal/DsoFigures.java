package fr.encaisse.cockpit.internal;

import fr.encaisse.ledger.PaymentDelay;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Days sales outstanding at {@code asOf} over {@code days} days ({@code dso} = receivables ÷ sales
 * × days, see {@link fr.encaisse.ledger.SalesOutstanding}), and how late the invoices settled in the
 * last 90 days were paid compared with the 90 days before: a higher figure now means customers
 * pay later.
 */
public record DsoFigures(LocalDate asOf, int days, BigDecimal receivables, BigDecimal sales, BigDecimal dso,
                         PaymentDelay last90Days, PaymentDelay previous90Days) {
}
