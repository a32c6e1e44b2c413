package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A debtor's account in one currency. {@code balance} = open invoices − unapplied credit notes
 * − unallocated payments; negative means the tenant owes the debtor.
 */
public record DebtorBalance(
        UUID debtorId,
        String currency,
        BigDecimal openInvoices,
        BigDecimal overdue,
        BigDecimal unappliedCredits,
        BigDecimal unallocatedPayments,
        BigDecimal balance,
        int openInvoiceCount) {
}
