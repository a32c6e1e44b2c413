package fr.encaisse.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * Open invoices by the week their payment is expected: at the due date shifted by the debtor's
 * average delay ({@link PaymentDelay} over the year before {@code asOf}, rounded to whole days),
 * or the tenant's average when the debtor settled nothing that year, or 0 when nobody did.
 *
 * @param overdueExpected expected before {@code asOf} and still open: late beyond the usual delay
 * @param weeks           week {@code i} starts on {@code asOf + 7i} and lasts 7 days
 * @param later           expected after the last week
 * @param held            left out of the forecast (invoices under dispute), their open amounts
 * @param tenantDelayDays the fallback delay used for debtors with no history
 */
public record CashInForecast(LocalDate asOf, Bucket overdueExpected, List<Week> weeks, Bucket later, Bucket held,
                             int tenantDelayDays) {

    public record Week(LocalDate startsOn, LocalDate endsOn, Bucket expected) {
    }
}
