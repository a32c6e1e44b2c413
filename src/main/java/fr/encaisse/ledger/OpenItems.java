package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Bulk reads of the current tenant's receivables, for engines that index them in memory (bank
 * reconciliation): every row streamed once, without paging. Each call reads within one
 * read-only transaction.
 */
public interface OpenItems {

    /** Every debtor: id, account code and legal name. */
    void forEachDebtor(Consumer<DebtorName> action);

    /** Every invoice with something still open, grouped by debtor (oldest due date first). */
    void forEachOpenInvoice(Consumer<OpenInvoice> action);

    /** Every credit note with something not yet applied. */
    void forEachOpenCreditNote(Consumer<OpenCreditNote> action);

    record DebtorName(UUID id, String reference, String legalName) {
    }

    record OpenInvoice(UUID id, UUID debtorId, String number, String currency, BigDecimal amountInclTax,
                       BigDecimal openAmount, LocalDate issueDate, LocalDate dueDate) {
    }

    record OpenCreditNote(UUID id, UUID debtorId, String number, String currency, BigDecimal openAmount) {
    }
}
