package fr.encaisse.penalties;

import fr.encaisse.law.DebtorPenaltyStatement;
import fr.encaisse.law.InvoicePenaltyStatement;
import fr.encaisse.law.PaymentTermVerdict;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.law.RateTable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What may be claimed, by law and the tenant's terms, on the current tenant's invoices. The one
 * place that turns ledger facts into penalty statements: letters, the portal and the API all use it.
 */
public interface Penalties {

    /**
     * Interest, indemnity and total claimable on one invoice as of a date.
     *
     * @throws RateNotAvailableException when the rate table lacks a half-year of the lateness and
     *                                   the tenant has not allowed the flagged last-known-rate fallback
     */
    InvoicePenaltyStatement forInvoice(UUID invoiceId, LocalDate asOf);

    /** The same for every overdue open invoice of a debtor, the €40 counted once per invoice. */
    DebtorPenaltyStatement forDebtor(UUID debtorId, LocalDate asOf);

    /** Does the invoice's payment term respect L441-10 I under the terms of sale? */
    PaymentTermVerdict termCheck(UUID invoiceId);

    /** The tenant's terms, or the debtor's override when there is one. */
    TermsOfSale termsOfSale(UUID debtorIdOrNull);

    void setTermsOfSale(UUID debtorIdOrNull, TermsOfSale terms);

    /** The rate table in force for everyone. */
    RateTable rates();

    /** Replaces the rate table for every node (operators only: the table is the same for all tenants). */
    void loadRates(String text, String operator);
}
