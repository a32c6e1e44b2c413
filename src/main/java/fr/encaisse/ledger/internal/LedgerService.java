package fr.encaisse.ledger.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.CreditNoteStatus;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorBalance;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorSummary;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.InvoiceIssued;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.InvoiceSettled;
import fr.encaisse.ledger.InvoiceStatus;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentAllocated;
import fr.encaisse.ledger.PaymentDeleted;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.Slice;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's commands and queries. Each command checks its input, changes the rows, writes
 * its evidence entry and publishes its events in one transaction: all or nothing. A query that
 * finds nothing does not doom the caller's transaction: other modules ask "does it still exist?"
 * by catching {@code NotFoundException} in the middle of their own work.
 */
@Service
@Transactional
class LedgerService implements Ledger {

    private final DebtorStore debtors;
    private final OpenItemStore items;
    private final PaymentStore payments;
    private final Evidence evidence;
    private final ApplicationEventPublisher events;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;

    LedgerService(DebtorStore debtors, OpenItemStore items, PaymentStore payments, Evidence evidence,
                  ApplicationEventPublisher events, Tenants tenants, JsonMapper json, Clock clock) {
        this.debtors = debtors;
        this.items = items;
        this.payments = payments;
        this.evidence = evidence;
        this.events = events;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private void journal(String type, UUID subject, String action, Object details) {
        evidence.record(type, subject, action, json.writeValueAsString(details));
    }

    // ---- debtors

    @Override
    public Debtor createDebtor(DebtorDraft draft) {
        DraftChecks.check(draft);
        if (debtors.findByReference(tenant(), draft.reference().trim()).isPresent()) {
            throw new ConflictException("A debtor with reference " + draft.reference() + " already exists");
        }
        UUID id = UUID.randomUUID();
        debtors.insert(tenant(), id, draft, now());
        journal("DEBTOR", id, "debtor.created", draft);
        return debtor(id);
    }

    @Override
    public Debtor updateDebtor(UUID id, DebtorDraft draft) {
        DraftChecks.check(draft);
        debtors.findByReference(tenant(), draft.reference().trim()).filter(d -> !d.id().equals(id)).ifPresent(d -> {
            throw new ConflictException("Another debtor has reference " + draft.reference());
        });
        if (!debtors.update(tenant(), id, draft, now())) {
            throw new NotFoundException("Debtor", id);
        }
        journal("DEBTOR", id, "debtor.updated", draft);
        return debtor(id);
    }

    @Override
    public void deleteDebtor(UUID id) {
        debtor(id);
        if (debtors.hasEntries(tenant(), id)) {
            throw new ConflictException("Debtor " + id + " has invoices or payments and cannot be deleted");
        }
        debtors.delete(tenant(), id);
        journal("DEBTOR", id, "debtor.deleted", Map.of("id", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Debtor debtor(UUID id) {
        return debtors.find(tenant(), id).orElseThrow(() -> new NotFoundException("Debtor", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Optional<Debtor> debtorByReference(String reference) {
        return debtors.findByReference(tenant(), reference);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Slice<DebtorSummary> debtors(String nameContains, int limit, String after) {
        return debtors.list(tenant(), tenants.today(tenant()), nameContains, Cursor.limit(limit),
                after == null ? null : Cursor.decode(after));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public List<DebtorBalance> balances(UUID debtorId) {
        debtor(debtorId);
        return debtors.balances(tenant(), debtorId, tenants.today(tenant()));
    }

    // ---- invoices and credit notes

    @Override
    public Invoice issueInvoice(InvoiceDraft draft) {
        DraftChecks.check(draft);
        requireDebtor(draft.debtorId());
        requireFreeNumber(draft.number());
        UUID id = UUID.randomUUID();
        items.insertInvoice(tenant(), id, draft, now());
        journal("INVOICE", id, "invoice.issued", draft);
        events.publishEvent(new InvoiceIssued(tenant(), id, draft.debtorId(), draft.number(), draft.amountInclTax(),
                draft.currency(), draft.dueDate()));
        return invoice(id);
    }

    @Override
    public Invoice updateInvoice(UUID id, InvoiceDraft draft) {
        DraftChecks.check(draft);
        Invoice current = items.invoice(tenant(), id, true).orElseThrow(() -> new NotFoundException("Invoice", id));
        if (!current.debtorId().equals(draft.debtorId())) {
            throw InvalidInputException.of("debtorId", "an invoice cannot move to another debtor; issue a credit note instead");
        }
        if (!current.number().equals(draft.number().trim())) {
            requireFreeNumber(draft.number());
        }
        BigDecimal allocated = current.amountInclTax().subtract(current.openAmount());
        BigDecimal open = draft.amountInclTax().subtract(allocated);
        if (open.signum() < 0) {
            throw InvalidInputException.of("amountInclTax", "is below the " + allocated + " already settled");
        }
        if (!current.currency().equals(draft.currency()) && allocated.signum() > 0) {
            throw InvalidInputException.of("currency", "cannot change once part of the invoice is settled");
        }
        items.updateInvoice(tenant(), id, draft, open, InvoiceStatus.of(open, draft.amountInclTax()), now());
        journal("INVOICE", id, "invoice.updated", draft);
        Invoice updated = invoice(id);
        if (updated.status() == InvoiceStatus.PAID && current.status() != InvoiceStatus.PAID) {
            settled(updated, tenants.today(tenant()));
        }
        return updated;
    }

    @Override
    public void deleteInvoice(UUID id) {
        invoice(id);
        if (!payments.allocationsWhere(tenant(), "invoice_id", id).isEmpty()) {
            throw new ConflictException("Invoice " + id + " has allocations; reverse them first");
        }
        items.delete(tenant(), id, OpenItemStore.INVOICE);
        journal("INVOICE", id, "invoice.deleted", Map.of("id", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Invoice invoice(UUID id) {
        return items.invoice(tenant(), id, false).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Optional<Invoice> invoiceByNumber(String number) {
        return items.invoiceByNumber(tenant(), number);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Slice<Invoice> invoices(InvoiceQuery q) {
        return items.invoices(tenant(), q, tenants.today(tenant()), Cursor.limit(q.limit()),
                q.after() == null ? null : Cursor.decode(q.after()));
    }

    @Override
    public CreditNote issueCreditNote(CreditNoteDraft draft) {
        DraftChecks.check(draft);
        requireDebtor(draft.debtorId());
        requireFreeNumber(draft.number());
        UUID id = UUID.randomUUID();
        items.insertCreditNote(tenant(), id, draft, now());
        journal("CREDIT_NOTE", id, "credit-note.issued", draft);
        return creditNote(id);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public CreditNote creditNote(UUID id) {
        return items.creditNote(tenant(), id, false).orElseThrow(() -> new NotFoundException("Credit note", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Optional<CreditNote> creditNoteByNumber(String number) {
        return items.creditNoteByNumber(tenant(), number);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Slice<CreditNote> creditNotes(UUID debtorId, int limit, String after) {
        return items.creditNotes(tenant(), debtorId, Cursor.limit(limit), after == null ? null : Cursor.decode(after));
    }

    @Override
    public void deleteCreditNote(UUID id) {
        creditNote(id);
        if (!payments.allocationsWhere(tenant(), "credit_note_id", id).isEmpty()) {
            throw new ConflictException("Credit note " + id + " is applied to invoices; reverse that first");
        }
        items.delete(tenant(), id, OpenItemStore.CREDIT_NOTE);
        journal("CREDIT_NOTE", id, "credit-note.deleted", Map.of("id", id));
    }

    // ---- payments and allocations

    @Override
    public Payment recordPayment(PaymentDraft draft) {
        DraftChecks.check(draft);
        if (draft.debtorId() != null) {
            requireDebtor(draft.debtorId());
        }
        UUID id = UUID.randomUUID();
        payments.insert(tenant(), id, draft, now());
        journal("PAYMENT", id, "payment.recorded", draft);
        for (PaymentDraft.Share share : draft.allocations()) {
            allocatePayment(id, share.invoiceId(), share.amount());
        }
        return payment(id);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Payment payment(UUID id) {
        return payments.find(tenant(), id, false).orElseThrow(() -> new NotFoundException("Payment", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Slice<Payment> payments(UUID debtorId, int limit, String after) {
        return payments.list(tenant(), debtorId, Cursor.limit(limit), after == null ? null : Cursor.decode(after));
    }

    @Override
    public void deletePayment(UUID id) {
        delete(id, null);
    }

    @Override
    public void deleteReturnedPayment(UUID id, String returnReason) {
        if (returnReason == null || returnReason.isBlank()) {
            throw InvalidInputException.of("returnReason", "is required");
        }
        delete(id, returnReason);
    }

    private void delete(UUID id, String returnReason) {
        Payment p = payment(id);
        if (!payments.allocationsWhere(tenant(), "payment_id", id).isEmpty()) {
            throw new ConflictException("Payment " + id + " is allocated to invoices; reverse that first");
        }
        payments.delete(tenant(), id);
        journal("PAYMENT", id, "payment.deleted", returnReason == null ? Map.of("id", id)
                : Map.of("id", id, "returnReason", returnReason));
        events.publishEvent(new PaymentDeleted(tenant(), id, p.debtorId(), p.amount(), p.currency(), p.method(), p.reference(),
                returnReason));
    }

    @Override
    public Allocation allocatePayment(UUID paymentId, UUID invoiceId, BigDecimal amount) {
        // Lock order (payment, then invoice) is the same everywhere, so two allocations never deadlock.
        Payment payment = payments.find(tenant(), paymentId, true).orElseThrow(() -> new NotFoundException("Payment", paymentId));
        Invoice invoice = items.invoice(tenant(), invoiceId, true).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        BigDecimal scaled = checkShare(amount, invoice, payment.currency(), payment.unallocatedAmount(), "payment");
        if (payment.debtorId() != null && !payment.debtorId().equals(invoice.debtorId())) {
            throw InvalidInputException.of("invoiceId", "belongs to another debtor than the payment");
        }
        payments.setUnallocated(tenant(), paymentId, payment.unallocatedAmount().subtract(scaled));
        Allocation a = new Allocation(UUID.randomUUID(), invoiceId, paymentId, null, scaled, payment.receivedOn());
        return applyToInvoice(a, invoice);
    }

    @Override
    public Allocation applyCreditNote(UUID creditNoteId, UUID invoiceId, BigDecimal amount, LocalDate on) {
        CreditNote note = items.creditNote(tenant(), creditNoteId, true).orElseThrow(() -> new NotFoundException("Credit note", creditNoteId));
        Invoice invoice = items.invoice(tenant(), invoiceId, true).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        BigDecimal scaled = checkShare(amount, invoice, note.currency(), note.openAmount(), "credit note");
        if (!note.debtorId().equals(invoice.debtorId())) {
            throw InvalidInputException.of("invoiceId", "belongs to another debtor than the credit note");
        }
        BigDecimal noteOpen = note.openAmount().subtract(scaled);
        items.setOpen(tenant(), creditNoteId, noteOpen, CreditNoteStatus.of(noteOpen, note.amountInclTax()).name(), now());
        LocalDate date = on != null ? on : tenants.today(tenant());
        Allocation a = new Allocation(UUID.randomUUID(), invoiceId, null, creditNoteId, scaled, date);
        return applyToInvoice(a, invoice);
    }

    private BigDecimal checkShare(BigDecimal amount, Invoice invoice, String currency, BigDecimal available, String source) {
        if (amount == null || amount.signum() <= 0) {
            throw InvalidInputException.of("amount", "must be greater than zero");
        }
        if (!invoice.currency().equals(currency)) {
            throw InvalidInputException.of("amount", "the " + source + " is in " + currency + ", the invoice in " + invoice.currency());
        }
        BigDecimal scaled = fr.encaisse.shared.Amounts.inCurrency(amount, currency, "amount");
        if (scaled.compareTo(available) > 0) {
            throw InvalidInputException.of("amount", "exceeds the " + available + " left on the " + source);
        }
        if (scaled.compareTo(invoice.openAmount()) > 0) {
            throw InvalidInputException.of("amount", "exceeds the " + invoice.openAmount() + " still open on invoice " + invoice.number());
        }
        return scaled;
    }

    private Allocation applyToInvoice(Allocation a, Invoice invoice) {
        BigDecimal open = invoice.openAmount().subtract(a.amount());
        InvoiceStatus status = InvoiceStatus.of(open, invoice.amountInclTax());
        items.setOpen(tenant(), invoice.id(), open, status.name(), now());
        payments.insertAllocation(tenant(), a, now());
        journal("INVOICE", invoice.id(), "invoice.allocated", a);
        events.publishEvent(new PaymentAllocated(tenant(), a.id(), invoice.id(), a.paymentId(), a.creditNoteId(), a.amount(), open));
        if (status == InvoiceStatus.PAID) {
            settled(invoice, a.allocatedOn());
        }
        return a;
    }

    private void settled(Invoice invoice, LocalDate on) {
        journal("INVOICE", invoice.id(), "invoice.settled", Map.of("settledOn", on.toString()));
        events.publishEvent(new InvoiceSettled(tenant(), invoice.id(), invoice.debtorId(), on));
    }

    @Override
    public void reverseAllocation(UUID allocationId) {
        Allocation a = allocation(allocationId);
        if (a.paymentId() != null) {
            Payment p = payments.find(tenant(), a.paymentId(), true).orElseThrow();
            payments.setUnallocated(tenant(), p.id(), p.unallocatedAmount().add(a.amount()));
        } else {
            CreditNote note = items.creditNote(tenant(), a.creditNoteId(), true).orElseThrow();
            BigDecimal open = note.openAmount().add(a.amount());
            items.setOpen(tenant(), note.id(), open, CreditNoteStatus.of(open, note.amountInclTax()).name(), now());
        }
        Invoice invoice = items.invoice(tenant(), a.invoiceId(), true).orElseThrow();
        BigDecimal open = invoice.openAmount().add(a.amount());
        items.setOpen(tenant(), invoice.id(), open, InvoiceStatus.of(open, invoice.amountInclTax()).name(), now());
        payments.deleteAllocation(tenant(), allocationId);
        journal("INVOICE", invoice.id(), "invoice.allocation-reversed", a);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Allocation allocation(UUID id) {
        return payments.allocation(tenant(), id).orElseThrow(() -> new NotFoundException("Allocation", id));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public List<Allocation> allocationsOfInvoice(UUID invoiceId) {
        invoice(invoiceId);
        return payments.allocationsWhere(tenant(), "invoice_id", invoiceId);
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public List<Allocation> allocationsOfPayment(UUID paymentId) {
        payment(paymentId);
        return payments.allocationsWhere(tenant(), "payment_id", paymentId);
    }

    private void requireDebtor(UUID debtorId) {
        if (debtors.find(tenant(), debtorId).isEmpty()) {
            throw InvalidInputException.of("debtorId", "no debtor " + debtorId);
        }
    }

    private void requireFreeNumber(String number) {
        if (items.numberTaken(tenant(), number)) {
            throw new ConflictException("Number " + number.trim() + " is already used by another invoice or credit note");
        }
    }
}
