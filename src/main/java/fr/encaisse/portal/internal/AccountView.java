package fr.encaisse.portal.internal;

import fr.encaisse.law.DebtorPenaltyStatement;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.PauseReason;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the debtor sees, as of the tenant's today, already in the debtor's language: its open
 * invoices with their dispute and promise marks (the recovery module's pause rule), the total due,
 * and the penalties the penalties module computes.
 */
@Component
public class AccountView {

    public record Account(Locale locale, String creditor, String debtorName, String debtorReference, String today,
                          List<Line> invoices, String totalDue, PenaltySummary penalties) {
    }

    public record Line(UUID id, String number, String issued, String due, String amount, String open, long daysLate,
                       boolean disputed, boolean promised) {
    }

    /** {@code note} alone (figures null) when the rates of a half-year are not published yet. */
    public record PenaltySummary(String interest, String indemnity, String totalClaimable, String legalLine,
                                 String explanation, String note) {
    }

    private final Ledger ledger;
    private final OpenInvoices openInvoices;
    private final Penalties penalties;
    private final DunningPauses pauses;
    private final Tenants tenants;
    private final PortalTexts texts;

    AccountView(Ledger ledger, OpenInvoices openInvoices, Penalties penalties, DunningPauses pauses, Tenants tenants,
                PortalTexts texts) {
        this.ledger = ledger;
        this.openInvoices = openInvoices;
        this.penalties = penalties;
        this.pauses = pauses;
        this.tenants = tenants;
        this.texts = texts;
    }

    public Account read(UUID debtorId) {
        UUID tenantId = TenantContext.tenantId();
        LocalDate today = tenants.today(tenantId);
        Debtor debtor = ledger.debtor(debtorId);
        Locale locale = PortalTexts.localeOf(debtor.language());
        List<Invoice> open = openInvoices.of(debtorId);
        List<Line> lines = open.stream().map(i -> line(i, today, locale)).toList();
        Map<String, BigDecimal> due = open.stream().collect(Collectors.groupingBy(Invoice::currency, TreeMap::new,
                Collectors.reducing(BigDecimal.ZERO, Invoice::openAmount, BigDecimal::add)));
        String totalDue = due.isEmpty() ? Formats.money(BigDecimal.ZERO, "EUR", locale)
                : due.entrySet().stream().map(e -> Formats.money(e.getValue(), e.getKey(), locale)).collect(Collectors.joining(" + "));
        boolean anyLate = open.stream().anyMatch(i -> i.dueDate().isBefore(today));
        return new Account(locale, tenants.get(tenantId).name(), debtor.legalName(), debtor.reference(),
                Formats.date(today, locale), lines, totalDue, anyLate ? penalties(debtorId, today, locale) : null);
    }

    private Line line(Invoice i, LocalDate today, Locale locale) {
        List<PauseReason> why = pauses.ofInvoice(i.id(), today).reasons();
        return new Line(i.id(), i.number(), Formats.date(i.issueDate(), locale), Formats.date(i.dueDate(), locale),
                Formats.money(i.amountInclTax(), i.currency(), locale), Formats.money(i.openAmount(), i.currency(), locale),
                Math.max(0, today.toEpochDay() - i.dueDate().toEpochDay()), why.contains(PauseReason.DISPUTE),
                why.contains(PauseReason.PROMISE_TO_PAY));
    }

    private PenaltySummary penalties(UUID debtorId, LocalDate today, Locale locale) {
        try {
            DebtorPenaltyStatement s = penalties.forDebtor(debtorId, today);
            if (s.invoices().isEmpty()) {
                return null;
            }
            String note = s.usesFallbackRates() ? texts.text("penalties.provisional", locale) : null;
            return new PenaltySummary(Formats.money(s.interestOutstanding(), "EUR", locale),
                    Formats.money(s.indemnity().add(s.additionalRecoveryCosts()), "EUR", locale),
                    Formats.money(s.totalClaimable(), "EUR", locale),
                    texts.text("penalties.legal", locale, String.join(" ; ", s.legalReferences())), s.explain(locale), note);
        } catch (RateNotAvailableException e) {
            return new PenaltySummary(null, null, null, null, null,
                    texts.text("penalties.omitted", locale, e.halfYear().toString()));
        }
    }
}
