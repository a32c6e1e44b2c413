package fr.encaisse.imports.internal;

import fr.encaisse.imports.AccountingEntry;
import fr.encaisse.imports.AccountingEntry.Line;
import fr.encaisse.imports.AccountingEntrySource;
import fr.encaisse.imports.BooksSettings;
import fr.encaisse.imports.CustomerAccount;
import fr.encaisse.imports.ExportContext;
import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.LedgerActivity;
import fr.encaisse.ledger.LedgerActivity.RecordedAllocation;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.Slice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Allocations recorded in Encaisse that the payment entries of the same export do not carry
 * already: a credit note applied to an invoice, or a payment posted earlier (or imported from
 * the books) allocated now. They move the amount from the piece that paid to the invoice's
 * piece — D customer (payment or credit note reference) / C customer (invoice number) — so the
 * accountant can letter both; a payment from an unknown payer leaves the suspense account (D 471).
 * Allocations made by a FEC import come from the books' own lettering and are left out.
 */
@Component
@Order(2)
class AllocationEntries implements AccountingEntrySource {

    private final LedgerActivity activity;
    private final Ledger ledger;

    AllocationEntries(LedgerActivity activity, Ledger ledger) {
        this.activity = activity;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "allocations";
    }

    @Override
    public void entries(ExportContext context, Consumer<AccountingEntry> sink) {
        String after = null;
        do {
            Slice<RecordedAllocation> page = activity.allocationsRecorded(context.from(), context.to(), PaymentEntries.PAGE, after);
            Set<UUID> fromBooks = context.allocationsFromBooks(page.items().stream().map(a -> a.allocation().id()).toList());
            List<UUID> paymentIds = page.items().stream().map(a -> a.allocation().paymentId()).filter(Objects::nonNull).distinct().toList();
            Set<UUID> paymentsFromBooks = context.fromBooks(paymentIds);
            Map<UUID, LocalDate> paymentRecorded = paymentIds.isEmpty() ? Map.of() : activity.paymentsRecordedOn(paymentIds);
            for (RecordedAllocation recorded : page.items()) {
                Allocation a = recorded.allocation();
                if (fromBooks.contains(a.id())) {
                    continue;
                }
                if (a.paymentId() != null && !paymentsFromBooks.contains(a.paymentId())
                        && within(paymentRecorded.get(a.paymentId()), context)) {
                    continue; // carried by the payment's own entry in this export
                }
                sink.accept(entry(context, recorded));
            }
            after = page.nextCursor();
        } while (after != null);
    }

    private AccountingEntry entry(ExportContext context, RecordedAllocation recorded) {
        BooksSettings books = context.settings();
        Allocation a = recorded.allocation();
        Invoice invoice = ledger.invoice(a.invoiceId());
        CustomerAccount owes = context.customerAccount(invoice.debtorId());
        Line from;
        String label;
        if (a.paymentId() != null) {
            Payment p = ledger.payment(a.paymentId());
            String reference = PaymentEntries.reference(p);
            label = "Affectation règlement " + reference + " à la facture " + invoice.number();
            from = p.debtorId() == null
                    ? Line.debit(books.suspenseAccount(), "Encaissements à identifier", a.amount(), label)
                    : Line.debit(context.customerAccount(p.debtorId()), a.amount(), reference, label);
        } else {
            CreditNote note = ledger.creditNote(a.creditNoteId());
            label = "Imputation avoir " + note.number() + " sur facture " + invoice.number();
            from = Line.debit(context.customerAccount(note.debtorId()), a.amount(), note.number(), label);
        }
        return new AccountingEntry(books.miscJournal(), "Opérations diverses", recorded.recordedOn(), invoice.number(),
                a.allocatedOn(), label, List.of(from, Line.credit(owes, a.amount(), invoice.number(), label)));
    }

    private static boolean within(LocalDate day, ExportContext context) {
        return day != null && !day.isBefore(context.from()) && !day.isAfter(context.to());
    }
}
