package fr.encaisse.imports.internal;

import fr.encaisse.imports.AccountingEntry;
import fr.encaisse.imports.AccountingEntry.Line;
import fr.encaisse.imports.AccountingEntrySource;
import fr.encaisse.imports.BooksSettings;
import fr.encaisse.imports.CustomerAccount;
import fr.encaisse.imports.ExportContext;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.LedgerActivity;
import fr.encaisse.ledger.LedgerActivity.RecordedAllocation;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.Slice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Payments recorded in Encaisse (not those imported from the books): D bank / C customer. The
 * customer side is split by invoice the payment was allocated to by the end of the period, with
 * the invoice number as PieceRef, so that the accounting software can letter by piece; what is
 * not allocated goes to the debtor's account, or to the suspense account (471) when the payer
 * is unknown.
 */
@Component
@Order(1)
class PaymentEntries implements AccountingEntrySource {

    static final int PAGE = 500;

    private final LedgerActivity activity;
    private final Ledger ledger;

    PaymentEntries(LedgerActivity activity, Ledger ledger) {
        this.activity = activity;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public void entries(ExportContext context, Consumer<AccountingEntry> sink) {
        String after = null;
        do {
            Slice<Payment> page = activity.paymentsRecorded(context.from(), context.to(), PAGE, after);
            Set<UUID> fromBooks = context.fromBooks(page.items().stream().map(Payment::id).toList());
            List<Payment> recorded = page.items().stream().filter(p -> !fromBooks.contains(p.id())).toList();
            Map<UUID, List<RecordedAllocation>> allocations = recorded.isEmpty() ? Map.of()
                    : activity.allocationsOfPayments(recorded.stream().map(Payment::id).toList()).stream()
                    .filter(a -> !a.recordedOn().isAfter(context.to()))
                    .collect(Collectors.groupingBy(a -> a.allocation().paymentId()));
            for (Payment p : recorded) {
                sink.accept(entry(context, p, allocations.getOrDefault(p.id(), List.of())));
            }
            after = page.nextCursor();
        } while (after != null);
    }

    private AccountingEntry entry(ExportContext context, Payment p, List<RecordedAllocation> allocations) {
        BooksSettings books = context.settings();
        String reference = reference(p);
        CustomerAccount payer = p.debtorId() == null ? null : context.customerAccount(p.debtorId());
        String label = "Règlement " + (payer == null ? "à identifier" : name(payer)) + " " + reference;
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(books.bankAccount(), "Banque", p.amount(), label));
        BigDecimal rest = p.amount();
        for (RecordedAllocation a : allocations) {
            Invoice invoice = ledger.invoice(a.allocation().invoiceId());
            lines.add(Line.credit(context.customerAccount(invoice.debtorId()), a.allocation().amount(), invoice.number(),
                    "Règlement facture " + invoice.number()));
            rest = rest.subtract(a.allocation().amount());
        }
        if (rest.signum() > 0) {
            lines.add(payer != null ? Line.credit(payer, rest, reference, label + " (non affecté)")
                    : Line.credit(books.suspenseAccount(), "Encaissements à identifier", rest, label));
        }
        return new AccountingEntry(books.bankJournal(), "Banque", p.receivedOn(), reference, p.receivedOn(), label, lines);
    }

    static String reference(Payment p) {
        return p.reference() != null && !p.reference().isBlank() ? p.reference().trim() : "ENC-" + p.id().toString().substring(0, 8);
    }

    static String name(CustomerAccount a) {
        return a.auxLabel() != null ? a.auxLabel() : a.accountLabel();
    }
}
