package fr.encaisse.law;

import fr.encaisse.law.internal.StatementWriter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Late-payment claim for all of a debtor's late invoices as of a date: the sum of the invoice
 * statements, each invoice counted once, so the €40 indemnity of D441-5 is never claimed twice
 * for the same invoice.
 *
 * @param debtorId           debtor identifier, for the text
 * @param asOf               date of the statement
 * @param invoices           one statement per distinct invoice id, in the order given
 * @param duplicatesIgnored  invoice ids that were listed more than once and counted once
 */
public record DebtorPenaltyStatement(String debtorId, LocalDate asOf, List<InvoicePenaltyStatement> invoices,
                                     List<String> duplicatesIgnored) implements PenaltyStatement {

    public DebtorPenaltyStatement {
        invoices = List.copyOf(invoices);
        duplicatesIgnored = List.copyOf(duplicatesIgnored);
    }

    private BigDecimal sum(Function<InvoicePenaltyStatement, BigDecimal> f) {
        return invoices.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Override
    public BigDecimal principalOutstanding() {
        return sum(InvoicePenaltyStatement::principalOutstanding);
    }

    /** Sum of the invoices' totals, each already rounded to the cent. */
    @Override
    public BigDecimal interest() {
        return sum(InvoicePenaltyStatement::interest);
    }

    @Override
    public BigDecimal interestPaid() {
        return sum(InvoicePenaltyStatement::interestPaid);
    }

    @Override
    public BigDecimal interestOutstanding() {
        return sum(InvoicePenaltyStatement::interestOutstanding);
    }

    @Override
    public BigDecimal indemnity() {
        return sum(InvoicePenaltyStatement::indemnity);
    }

    @Override
    public BigDecimal additionalRecoveryCosts() {
        return sum(InvoicePenaltyStatement::additionalRecoveryCosts);
    }

    @Override
    public BigDecimal totalClaimable() {
        return sum(InvoicePenaltyStatement::totalClaimable);
    }

    @Override
    public boolean usesFallbackRates() {
        return invoices.stream().anyMatch(InvoicePenaltyStatement::usesFallbackRates);
    }

    @Override
    public List<String> legalReferences() {
        Set<String> refs = new LinkedHashSet<>();
        invoices.forEach(i -> refs.addAll(i.legalReferences()));
        return List.copyOf(refs);
    }

    @Override
    public String explain(Locale locale) {
        return StatementWriter.forLocale(locale).debtor(this);
    }
}
