package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Fast, read-only views of the current tenant's open items for batch work: the daily dunning
 * run reads invoices due by a date, bank reconciliation indexes every debtor, open invoice and
 * credit note in memory. One forward-only SQL read each, rows handed over one at a time and
 * never kept, so a million invoices never sit in memory here.
 */
public interface OpenItems {

    /**
     * Calls {@code action} for every invoice of the current tenant with something still open and
     * due on or before {@code dueOnOrBefore}, in no particular order.
     *
     * @return the number of rows read
     */
    long forEachOpenInvoice(LocalDate dueOnOrBefore, Consumer<OpenInvoiceRow> action);

    /** The open amounts of these invoices as they are now; ids of other tenants or credit notes are absent. */
    Map<UUID, BigDecimal> openAmounts(Collection<UUID> invoiceIds);

    /** The kind of each of these debtors; ids of other tenants are absent. */
    Map<UUID, DebtorKind> debtorKinds(Collection<UUID> debtorIds);

    // ---- bulk reads for in-memory indexes (bank reconciliation)


    /** Every debtor: id, account code and legal name. */
    void forEachDebtor(Consumer<DebtorName> action);

    /** Every invoice with something still open, grouped by debtor (oldest due date first). */
    void forEachOpenInvoice(Consumer<OpenInvoice> action);

    /** Every credit note with something not yet applied. */
    void forEachOpenCreditNote(Consumer<OpenCreditNote> action);

    /**
     * The payments of this method whose reference is one of these (e.g. the end-to-end ids of
     * direct debits), in a few queries however many references are given.
     */
    List<Payment> paymentsByReference(PaymentMethod method, Collection<String> references);

    record DebtorName(UUID id, String reference, String legalName) {
    }

    record OpenInvoice(UUID id, UUID debtorId, String number, String currency, BigDecimal amountInclTax,
                       BigDecimal openAmount, LocalDate issueDate, LocalDate dueDate) {
    }

    record OpenCreditNote(UUID id, UUID debtorId, String number, String currency, BigDecimal openAmount) {
    }
}
