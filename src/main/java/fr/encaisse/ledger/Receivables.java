package fr.encaisse.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Aggregate reads over the current tenant's receivables for the credit team's dashboard, each a
 * few SQL aggregates whatever the number of invoices. "Open at a date" is the amount incl. tax of
 * an item issued by then minus its allocations dated by then, so a past date gives the figures
 * as they were (as far as the allocations recorded since tell). Amounts are summed across
 * currencies, as in the debtors list: the tenant's own currency is assumed.
 */
public interface Receivables {

    Aging aging(LocalDate asOf);

    /**
     * Debtors with open invoices at {@code asOf}, most overdue first (then by reference);
     * {@code offset} rows skipped, at most {@code limit} returned.
     */
    List<DebtorAging> agingByDebtor(LocalDate asOf, int limit, int offset);

    SalesOutstanding salesOutstanding(LocalDate asOf, int days);

    /** Invoices settled after {@code from} and up to {@code to}. */
    PaymentDelay paymentDelay(LocalDate from, LocalDate to);

    /**
     * The cash-in forecast for {@code weeks} weeks from {@code asOf}; invoices in {@code heldInvoices}
     * or of a debtor in {@code heldDebtors} are left out and summed in {@link CashInForecast#held()}.
     */
    CashInForecast forecast(LocalDate asOf, int weeks, Set<UUID> heldInvoices, Set<UUID> heldDebtors);
}
