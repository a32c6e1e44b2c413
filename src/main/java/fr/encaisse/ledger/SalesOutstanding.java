package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Days sales outstanding, the standard (count-back-free) method:
 * {@code dso = receivables ÷ sales × days}, one decimal, null when there were no sales.
 *
 * @param receivables open invoices at {@code asOf} minus credit notes not yet applied then (incl. tax)
 * @param sales       invoices minus credit notes issued in the {@code days} days ending on {@code asOf}
 *                    (after {@code asOf − days}, up to {@code asOf} inclusive), incl. tax
 */
public record SalesOutstanding(LocalDate asOf, int days, BigDecimal receivables, BigDecimal sales) {

    public BigDecimal dso() {
        if (sales.signum() <= 0) {
            return null;
        }
        return receivables.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
    }
}
