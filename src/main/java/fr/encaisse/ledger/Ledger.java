package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the rest of Encaisse may ask of the receivables ledger. Every call acts within the
 * current tenant; an id of another tenant is reported as not found.
 */
public interface Ledger {

    Debtor createDebtor(DebtorDraft draft);

    Debtor updateDebtor(UUID id, DebtorDraft draft);

    /** Only a debtor with no invoice, credit note or payment can be deleted. */
    void deleteDebtor(UUID id);

    Debtor debtor(UUID id);

    Optional<Debtor> debtorByReference(String reference);

    Slice<DebtorSummary> debtors(String nameContains, int limit, String after);

    List<DebtorBalance> balances(UUID debtorId);

    Invoice issueInvoice(InvoiceDraft draft);

    /** Amounts may change only while they stay above what was already allocated. */
    Invoice updateInvoice(UUID id, InvoiceDraft draft);

    void deleteInvoice(UUID id);

    Invoice invoice(UUID id);

    Optional<Invoice> invoiceByNumber(String number);

    Slice<Invoice> invoices(InvoiceQuery query);

    CreditNote issueCreditNote(CreditNoteDraft draft);

    CreditNote creditNote(UUID id);

    Optional<CreditNote> creditNoteByNumber(String number);

    Slice<CreditNote> creditNotes(UUID debtorId, int limit, String after);

    void deleteCreditNote(UUID id);

    Payment recordPayment(PaymentDraft draft);

    Payment payment(UUID id);

    Slice<Payment> payments(UUID debtorId, int limit, String after);

    /** Only a payment with no allocation can be deleted; publishes {@link PaymentDeleted}. */
    void deletePayment(UUID id);

    /**
     * Deletes a payment whose money went back to the payer (a direct debit returned by the bank),
     * naming the R-transaction code; otherwise as {@link #deletePayment}.
     */
    void deleteReturnedPayment(UUID id, String returnReason);

    Allocation allocatePayment(UUID paymentId, UUID invoiceId, BigDecimal amount);

    Allocation applyCreditNote(UUID creditNoteId, UUID invoiceId, BigDecimal amount, LocalDate on);

    /** Undoes an allocation: the invoice reopens and the payment or credit note gets the amount back. */
    void reverseAllocation(UUID allocationId);

    Allocation allocation(UUID id);

    List<Allocation> allocationsOfInvoice(UUID invoiceId);

    List<Allocation> allocationsOfPayment(UUID paymentId);
}
