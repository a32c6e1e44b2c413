package fr.encaisse.documents.internal;

import fr.encaisse.documents.internal.Claim.Line;
import fr.encaisse.documents.internal.Claim.RateStatus;
import fr.encaisse.law.Allocation;
import fr.encaisse.law.DebtorPenaltyStatement;
import fr.encaisse.law.HalfYear;
import fr.encaisse.law.InvoicePenaltyStatement;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.shared.ConflictException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the ledger and the penalty statements of {@link Penalties} into a {@link Claim}.
 *
 * <p>When a late day falls in a half-year whose rates are not published yet (2026-S2 at the time of
 * writing) and the tenant did not allow the flagged last-known-rate fallback, the penalty module
 * refuses to price it. A letter cannot wait for the arrêté, so the claim then counts interest up
 * to the last day of the last published half-year, computed by the penalty module itself, and says
 * so in words; the principal and the €40 indemnities (which depend on no rate) are claimed in
 * full. No amount is ever priced with a rate that was not published.
 */
@Component
class ClaimCalculator {

    static final BigDecimal INDEMNITY = new BigDecimal("40.00");

    private final Ledger ledger;
    private final Penalties penalties;
    private final TransactionTemplate isolated;

    ClaimCalculator(Ledger ledger, Penalties penalties, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.penalties = penalties;
        this.isolated = new TransactionTemplate(transactions);
        this.isolated.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.isolated.setReadOnly(true);
    }

    /**
     * A statement that may be refused runs in a transaction of its own: a refusal thrown through the
     * penalty module's transactional proxy would otherwise mark the caller's transaction rollback-only.
     */
    private <T> T isolated(Supplier<T> statement) {
        return isolated.execute(s -> statement.get());
    }

    Claim compute(UUID debtorId, LocalDate asOf) {
        Debtor debtor = ledger.debtor(debtorId);
        List<Invoice> overdue = overdue(debtorId, asOf);
        if (overdue.isEmpty()) {
            throw new ConflictException("Debtor " + debtor.reference() + " has no overdue invoice on " + asOf
                    + ": there is nothing to claim");
        }
        Set<String> currencies = overdue.stream().map(Invoice::currency).collect(Collectors.toCollection(LinkedHashSet::new));
        if (currencies.size() > 1) {
            throw new ConflictException("Debtor " + debtor.reference() + " has overdue invoices in several currencies "
                    + currencies + ": a letter claims one currency; settle or write off the others first");
        }
        TermsOfSale terms = penalties.termsOfSale(debtorId);
        try {
            return fromStatement(debtor, overdue, isolated(() -> penalties.forDebtor(debtorId, asOf)), asOf, terms);
        } catch (RateNotAvailableException e) {
            return untilLastPublished(debtor, overdue, e.halfYear(), asOf, terms);
        }
    }

    private Claim fromStatement(Debtor debtor, List<Invoice> overdue, DebtorPenaltyStatement s, LocalDate asOf,
                                TermsOfSale terms) {
        Map<String, InvoicePenaltyStatement> byId = s.invoices().stream()
                .collect(Collectors.toMap(InvoicePenaltyStatement::invoiceId, Function.identity(), (a, b) -> a));
        List<Line> lines = new ArrayList<>();
        for (Invoice invoice : overdue) {
            InvoicePenaltyStatement st = byId.get(invoice.id().toString());
            if (st == null || st.principalOutstanding().signum() == 0) {
                continue;
            }
            lines.add(new Line(invoice, st.principalOutstanding(), st.daysLate(), st.periods(), st.interestOutstanding(),
                    st.indemnity().add(st.additionalRecoveryCosts())));
        }
        return claim(debtor, asOf, lines, s.usesFallbackRates() ? RateStatus.FALLBACK : RateStatus.PUBLISHED, asOf, null,
                s.legalReferences(), terms);
    }

    private Claim untilLastPublished(Debtor debtor, List<Invoice> overdue, HalfYear missing, LocalDate asOf, TermsOfSale terms) {
        LocalDate cutoff = missing.firstDay().minusDays(1);
        Set<String> references = new LinkedHashSet<>();
        List<Line> lines = new ArrayList<>();
        for (Invoice invoice : overdue) {
            List<fr.encaisse.ledger.Allocation> allocations = ledger.allocationsOfInvoice(invoice.id());
            if (terms.allocation() == Allocation.INTEREST_FIRST && allocations.stream()
                    .anyMatch(a -> a.allocatedOn().isAfter(cutoff) && !a.allocatedOn().isAfter(asOf))) {
                throw new ConflictException("The rates of " + missing + " are not published and invoice " + invoice.number()
                        + " received payments after " + cutoff + " that the terms of sale apply to interest first"
                        + " (C. civ. 1343-1): the claim cannot be split without those rates. Load the rates of " + missing
                        + " (PUT /api/v1/law/rates) or allow the flagged fallback (lastKnownRatesAllowed).");
            }
            BigDecimal settled = allocations.stream().filter(a -> !a.allocatedOn().isAfter(asOf))
                    .map(fr.encaisse.ledger.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal principal = invoice.amountInclTax().subtract(settled);
            if (principal.signum() <= 0) {
                continue;
            }
            InvoicePenaltyStatement st = invoice.dueDate().isBefore(cutoff) ? isolated(() -> penalties.forInvoice(invoice.id(), cutoff)) : null;
            if (st != null) {
                references.addAll(st.legalReferences());
            }
            // D441-5 (CCP D2192-35 for public buyers): €40 per late invoice, whatever the rates; never from a consumer.
            BigDecimal indemnity = debtor.kind() == DebtorKind.B2C ? BigDecimal.ZERO.setScale(2) : INDEMNITY;
            if (indemnity.signum() > 0) {
                references.add(debtor.kind() == DebtorKind.PUBLIC ? "CCP L2192-13, D2192-35" : "C. com. L441-10 II, D441-5");
            }
            lines.add(new Line(invoice, principal, ChronoUnit.DAYS.between(invoice.dueDate(), asOf),
                    st == null ? List.of() : st.periods(), st == null ? BigDecimal.ZERO.setScale(2) : st.interestOutstanding(),
                    indemnity));
        }
        return claim(debtor, asOf, lines, RateStatus.INTEREST_UNTIL_LAST_PUBLISHED, cutoff, missing.toString(),
                List.copyOf(references), terms);
    }

    private static Claim claim(Debtor debtor, LocalDate asOf, List<Line> lines, RateStatus status, LocalDate until,
                               String missing, List<String> references, TermsOfSale terms) {
        if (lines.isEmpty()) {
            throw new ConflictException("Debtor " + debtor.reference() + " owes nothing overdue on " + asOf);
        }
        BigDecimal principal = sum(lines, Line::principalOutstanding);
        BigDecimal interest = sum(lines, Line::interest);
        BigDecimal indemnity = sum(lines, Line::indemnity);
        return new Claim(debtor, asOf, lines.get(0).invoice().currency(), List.copyOf(lines), principal, interest, indemnity,
                principal.add(interest).add(indemnity), status, until, missing, references, terms);
    }

    private static BigDecimal sum(List<Line> lines, Function<Line, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Open invoices due before the date, in due-date order: what {@link Penalties#forDebtor} looks at. */
    List<Invoice> overdue(UUID debtorId, LocalDate asOf) {
        List<Invoice> result = new ArrayList<>();
        String cursor = null;
        do {
            Slice<Invoice> page = ledger.invoices(new InvoiceQuery(null, debtorId, null, asOf.minusDays(1), false, 500, cursor));
            page.items().stream().filter(i -> i.openAmount().signum() > 0).forEach(result::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return result;
    }
}
