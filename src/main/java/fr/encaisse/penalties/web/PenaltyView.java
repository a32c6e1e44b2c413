package fr.encaisse.penalties.web;

import fr.encaisse.law.DebtorPenaltyStatement;
import fr.encaisse.law.InterestPeriod;
import fr.encaisse.law.InvoicePenaltyStatement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A penalty statement as the API shows it: the figures, each period's basis, and the explanation in words. */
record PenaltyView(String subjectId, LocalDate asOf, BigDecimal principalOutstanding, long daysLate,
                   List<Period> periods, BigDecimal interest, BigDecimal interestPaid, BigDecimal interestOutstanding,
                   BigDecimal indemnity, BigDecimal additionalRecoveryCosts, BigDecimal totalClaimable,
                   boolean provisional, List<String> legalReferences, List<PenaltyView> invoices, String explanation) {

    record Period(LocalDate from, LocalDate to, long days, BigDecimal base, BigDecimal ratePercent, String rateHalfYear,
                  String dayCount, String legalBasis, BigDecimal interest, boolean lastKnownRate) {
    }

    static PenaltyView of(InvoicePenaltyStatement s, Locale locale) {
        return new PenaltyView(s.invoiceId(), s.asOf(), s.principalOutstanding(), s.daysLate(),
                s.periods().stream().map(PenaltyView::period).toList(), s.interest(), s.interestPaid(), s.interestOutstanding(),
                s.indemnity(), s.additionalRecoveryCosts(), s.totalClaimable(), s.usesFallbackRates(), s.legalReferences(),
                List.of(), s.explain(locale));
    }

    static PenaltyView of(DebtorPenaltyStatement s, Locale locale) {
        return new PenaltyView(s.debtorId(), s.asOf(), s.principalOutstanding(), 0, List.of(), s.interest(), s.interestPaid(),
                s.interestOutstanding(), s.indemnity(), s.additionalRecoveryCosts(), s.totalClaimable(), s.usesFallbackRates(),
                s.legalReferences(), s.invoices().stream().map(i -> of(i, locale)).toList(), s.explain(locale));
    }

    private static Period period(InterestPeriod p) {
        return new Period(p.from(), p.to(), p.days(), p.base(), p.ratePercent(), p.rateHalfYear().toString(),
                p.dayCount().label(), p.legalBasis(), p.interest(), p.fallback());
    }
}
