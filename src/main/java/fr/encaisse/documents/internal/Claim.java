package fr.encaisse.documents.internal;

import fr.encaisse.law.InterestPeriod;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.penalties.TermsOfSale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a letter or a dossier claims from a debtor on a date: the overdue invoices, each with its
 * principal still owed, penalty interest period by period, the €40 indemnity, and the totals.
 *
 * @param rates          how the interest was priced (see {@link RateStatus})
 * @param interestUntil  last day interest is counted for: the as-of date, or the end of the last
 *                       half-year whose rates are published
 * @param missingHalfYear the half-year without published rates, when there is one
 */
record Claim(Debtor debtor, LocalDate asOf, String currency, List<Line> lines, BigDecimal principal,
             BigDecimal interest, BigDecimal indemnity, BigDecimal total, RateStatus rates, LocalDate interestUntil,
             String missingHalfYear, List<String> legalReferences, TermsOfSale terms) {

    enum RateStatus {
        /** Every late day priced with the rates of its half-year. */
        PUBLISHED,
        /** The tenant allowed the last known rates for an unpublished half-year: the statement is provisional. */
        FALLBACK,
        /** A half-year's rates are not published: interest is counted to the end of the previous half-year only. */
        INTEREST_UNTIL_LAST_PUBLISHED
    }

    record Line(Invoice invoice, BigDecimal principalOutstanding, long daysLate, List<InterestPeriod> periods,
                BigDecimal interest, BigDecimal indemnity) {

        BigDecimal total() {
            return principalOutstanding.add(interest).add(indemnity);
        }
    }

    int lateInvoicesWithIndemnity() {
        return (int) lines.stream().filter(l -> l.indemnity().signum() > 0).count();
    }

    /** Principal and interest: the figure the small-claims ceiling of CPCE R125-1 is measured on. */
    BigDecimal principalAndInterest() {
        return principal.add(interest);
    }
}
