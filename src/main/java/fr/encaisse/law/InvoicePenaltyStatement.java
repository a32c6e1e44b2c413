package fr.encaisse.law;

import fr.encaisse.law.internal.StatementWriter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Late-payment claim for one invoice as of a date (C. com. L441-10 II and D441-5; C. civ. 1343-1,
 * 1344-1 for allocation and consumer interest; CCP L2192-13 for public buyers).
 *
 * @param invoiceId                invoice identifier
 * @param asOf                     date of the statement; interest counts days up to and including it
 * @param dueDate                  due date; the first late day is the next day
 * @param terms                    the terms applied
 * @param principal                amount that bore interest originally
 * @param principalOutstanding     principal unpaid on the as-of date
 * @param daysLate                 days from the due date until the principal was settled or the as-of date
 * @param interestFrom             first day that could bear interest (the day after the due date, or
 *                                 after the formal notice for consumers); null when none can run
 * @param periods                  interest periods with a positive base, in date order
 * @param interest                 total interest, rounded HALF_UP to the cent once
 * @param interestPaid             interest settled by payments (interest-first allocation, or excess)
 * @param indemnity                €40 or zero
 * @param additionalRecoveryCosts  documented recovery costs above €40
 * @param unapplied                payments or credit notes in excess of what was owed
 * @param remarks                  facts to state in words
 */
public record InvoicePenaltyStatement(String invoiceId, LocalDate asOf, LocalDate dueDate, PenaltyTerms terms,
                                      BigDecimal principal, BigDecimal principalOutstanding, long daysLate,
                                      LocalDate interestFrom, List<InterestPeriod> periods, BigDecimal interest,
                                      BigDecimal interestPaid, BigDecimal indemnity,
                                      BigDecimal additionalRecoveryCosts, BigDecimal unapplied,
                                      List<Remark> remarks) implements PenaltyStatement {

    public InvoicePenaltyStatement {
        periods = List.copyOf(periods);
        remarks = List.copyOf(remarks);
    }

    @Override
    public BigDecimal interestOutstanding() {
        return interest.subtract(interestPaid);
    }

    @Override
    public BigDecimal totalClaimable() {
        return principalOutstanding.add(interestOutstanding()).add(indemnity).add(additionalRecoveryCosts);
    }

    /** True when the invoice was unpaid after its due date (at least one day late). */
    public boolean isLate() {
        return daysLate > 0;
    }

    @Override
    public boolean usesFallbackRates() {
        return periods.stream().anyMatch(InterestPeriod::fallback);
    }

    @Override
    public List<String> legalReferences() {
        Set<String> refs = new LinkedHashSet<>();
        periods.forEach(p -> refs.add(p.legalBasis()));
        if (terms.allocation() == Allocation.INTEREST_FIRST) {
            refs.add("C. civ. 1343-1");
        }
        if (indemnity.signum() > 0 || additionalRecoveryCosts.signum() > 0
                || remarks.contains(Remark.INDEMNITY_ALREADY_CLAIMED)) {
            refs.add(terms.debtor() == DebtorCategory.PUBLIC_BUYER ? "CCP L2192-13, D2192-35" : "C. com. L441-10 II, D441-5");
        }
        if (remarks.contains(Remark.NO_FORMAL_NOTICE)) {
            refs.add("C. civ. 1231-6, 1344-1 ; CMF L313-2");
        }
        if (remarks.contains(Remark.CONSUMER_REGIME)) {
            refs.add("CPCE L111-8");
        }
        return List.copyOf(refs);
    }

    @Override
    public String explain(Locale locale) {
        return StatementWriter.forLocale(locale).invoice(this);
    }
}
