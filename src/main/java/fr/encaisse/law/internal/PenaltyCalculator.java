package fr.encaisse.law.internal;

import fr.encaisse.law.Allocation;
import fr.encaisse.law.DebtorCategory;
import fr.encaisse.law.HalfYear;
import fr.encaisse.law.HalfYearRates;
import fr.encaisse.law.InterestPeriod;
import fr.encaisse.law.InvoicePenaltyStatement;
import fr.encaisse.law.LateInvoice;
import fr.encaisse.law.MissingRatePolicy;
import fr.encaisse.law.PenaltyTerms;
import fr.encaisse.law.RateFixing;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.law.RateSource;
import fr.encaisse.law.RateTable;
import fr.encaisse.law.Reduction;
import fr.encaisse.law.Remark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Computes one invoice's penalty statement (C. com. L441-10 II, D441-5; C. civ. 1343-1, 1344-1;
 * CCP L2192-13, R2192-31).
 *
 * <p>The definition is day by day: each calendar day d with interestFrom ≤ d ≤ asOf bears
 * base(d) × rate(d) / 100 / denominator(d), where base(d) is the principal unpaid at the start of
 * day d. The computation walks periods on which base, rate and denominator are constant (split
 * at 30 June / 31 December and after each reduction date), which gives the same sum.
 *
 * <p>To round only once, interest is accumulated exactly as an integer-scaled numerator over
 * {@link #SCALE}: every denominator (360, 365, 366) divides 1 603 080, so a period's interest is
 * base × rate × days × (1 603 080 / denominator) / (100 × 1 603 080), exactly.
 */
public final class PenaltyCalculator {

    private static final long LCM_OF_YEAR_LENGTHS = 1_603_080L; // lcm(360, 365, 366)
    /** Interest = numerator / SCALE (the 100 turns a percentage into a fraction). */
    static final BigDecimal SCALE = BigDecimal.valueOf(100L * LCM_OF_YEAR_LENGTHS);
    private static final int PERIOD_SCALE = 10;

    private final RateTable table;

    public PenaltyCalculator(RateTable table) {
        this.table = table;
    }

    public InvoicePenaltyStatement compute(LateInvoice invoice, PenaltyTerms terms, LocalDate asOf) {
        return new Run(invoice, terms, asOf).execute();
    }

    /** Mutable state of one computation; never shared. */
    private final class Run {
        private final LateInvoice invoice;
        private final PenaltyTerms terms;
        private final LocalDate asOf;
        private final Set<Remark> remarks = EnumSet.noneOf(Remark.class);
        private final List<InterestPeriod> periods = new ArrayList<>();

        private BigDecimal principal;
        private BigDecimal accruedUnpaid = BigDecimal.ZERO; // exact numerator, may dip a fraction of a cent below 0
        private BigDecimal totalNumerator = BigDecimal.ZERO;
        private BigDecimal interestPaid = Money.ZERO;
        private BigDecimal unapplied = Money.ZERO;
        private LocalDate lastLateDay;

        Run(LateInvoice invoice, PenaltyTerms terms, LocalDate asOf) {
            this.invoice = invoice;
            this.terms = terms;
            this.asOf = asOf;
            this.principal = invoice.principal();
        }

        InvoicePenaltyStatement execute() {
            LocalDate due = invoice.dueDate();
            LocalDate interestFrom = interestFrom();
            List<Reduction> reductions = invoice.reductions().stream()
                    .filter(r -> !r.date().isAfter(asOf)).toList();
            int next = 0;
            // Reductions up to the due date come before any lateness.
            while (next < reductions.size() && !reductions.get(next).date().isAfter(due)) {
                apply(reductions.get(next++));
            }
            LocalDate day = due.plusDays(1);
            while (!day.isAfter(asOf)) {
                LocalDate end = HalfYear.of(day).lastDay();
                if (end.isAfter(asOf)) {
                    end = asOf;
                }
                if (next < reductions.size() && reductions.get(next).date().isBefore(end)) {
                    end = reductions.get(next).date();
                }
                if (interestFrom != null && day.isBefore(interestFrom) && !end.isBefore(interestFrom)) {
                    end = interestFrom.minusDays(1);
                }
                if (principal.signum() > 0) {
                    lastLateDay = end;
                    if (interestFrom != null && !day.isBefore(interestFrom)) {
                        accrue(day, end, interestFrom);
                    }
                }
                while (next < reductions.size() && reductions.get(next).date().equals(end)) {
                    apply(reductions.get(next++));
                }
                day = end.plusDays(1);
            }
            return statement(interestFrom);
        }

        /** First day that may bear interest, or null when none may (consumer without notice). */
        private LocalDate interestFrom() {
            LocalDate dayAfterDue = invoice.dueDate().plusDays(1);
            if (terms.debtor() != DebtorCategory.CONSUMER || terms.contractRate() != null) {
                return dayAfterDue;
            }
            LocalDate notice = invoice.formalNoticeDate();
            if (notice == null) {
                return null;
            }
            // C. civ. 1344-1: the formal notice starts moratory interest; counted like L441-10 II
            // from the following day, and never before the debt is due.
            LocalDate dayAfterNotice = notice.plusDays(1);
            return dayAfterNotice.isAfter(dayAfterDue) ? dayAfterNotice : dayAfterDue;
        }

        private void accrue(LocalDate from, LocalDate to, LocalDate interestFrom) {
            HalfYear priced = terms.effectiveRateFixing() == RateFixing.FIRST_LATE_HALF_YEAR
                    ? HalfYear.of(interestFrom) : HalfYear.of(from);
            ResolvedRate rate = resolve(priced);
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            int denominator = terms.dayCount().denominator(from);
            BigDecimal numerator = principal.multiply(rate.percent)
                    .multiply(BigDecimal.valueOf(days * (LCM_OF_YEAR_LENGTHS / denominator)));
            accruedUnpaid = accruedUnpaid.add(numerator);
            totalNumerator = totalNumerator.add(numerator);
            periods.add(new InterestPeriod(from, to, days, principal, rate.percent, rate.source, rate.halfYear,
                    rate.reference, terms.dayCount(), denominator,
                    numerator.divide(SCALE, PERIOD_SCALE, RoundingMode.HALF_UP), rate.fallback));
        }

        private ResolvedRate resolve(HalfYear halfYear) {
            if (terms.debtor() == DebtorCategory.CONSUMER && terms.contractRate() != null) {
                return new ResolvedRate(terms.contractRate(), RateSource.CONSUMER_CONTRACT, halfYear,
                        terms.contractRate(), false);
            }
            HalfYearRates rates;
            boolean fallback = false;
            if (table.covers(halfYear)) {
                rates = table.ratesFor(halfYear);
            } else if (terms.missingRatePolicy() == MissingRatePolicy.LAST_KNOWN_RATE
                    && halfYear.isAfter(table.lastCovered())) {
                rates = table.ratesFor(table.lastCovered());
                fallback = true;
                remarks.add(Remark.FALLBACK_RATES_USED);
            } else {
                throw new RateNotAvailableException(halfYear, table.firstCovered(), table.lastCovered());
            }
            HalfYear used = rates.halfYear();
            return switch (terms.debtor()) {
                case PROFESSIONAL -> {
                    if (terms.contractRate() == null) {
                        yield new ResolvedRate(rates.defaultPenaltyRate(), RateSource.ECB_PLUS_10, used,
                                rates.ecbRatePercent(), fallback);
                    }
                    BigDecimal floor = rates.contractRateFloor();
                    yield terms.contractRate().compareTo(floor) >= 0
                            ? new ResolvedRate(terms.contractRate(), RateSource.CONTRACT, used,
                                    terms.contractRate(), fallback)
                            : new ResolvedRate(floor, RateSource.CONTRACT_FLOOR, used, rates.legalRateOthers(),
                                    fallback);
                }
                case PUBLIC_BUYER -> {
                    if (terms.contractRate() != null) {
                        remarks.add(Remark.CONTRACT_RATE_IGNORED_FOR_PUBLIC_BUYER);
                    }
                    yield new ResolvedRate(rates.publicBuyerRate(), RateSource.ECB_PLUS_8, used,
                            rates.ecbRatePercent(), fallback);
                }
                case CONSUMER -> {
                    BigDecimal legal = rates.legalRate(terms.creditor());
                    yield new ResolvedRate(legal, RateSource.LEGAL_RATE, used, legal, fallback);
                }
            };
        }

        private void apply(Reduction r) {
            BigDecimal amount = r.amount();
            if (r.kind() == Reduction.Kind.PAYMENT && terms.allocation() == Allocation.INTEREST_FIRST) {
                amount = payInterest(amount);
            }
            BigDecimal toPrincipal = amount.min(principal);
            principal = principal.subtract(toPrincipal);
            amount = amount.subtract(toPrincipal);
            if (r.kind() == Reduction.Kind.PAYMENT && amount.signum() > 0) {
                amount = payInterest(amount); // principal-first: the excess pays accrued interest
            }
            if (amount.signum() > 0) {
                unapplied = unapplied.add(amount);
                remarks.add(Remark.UNAPPLIED_EXCESS);
            }
        }

        /**
         * Settles accrued interest up to {@code available}; returns what is left. A payment is in
         * cents, so it settles the accrued interest rounded to the cent; the sub-cent remainder
         * stays accrued and the invoice total is still rounded once, at the end.
         */
        private BigDecimal payInterest(BigDecimal available) {
            BigDecimal accruedCents = accruedUnpaid.divide(SCALE, 2, RoundingMode.HALF_UP).max(Money.ZERO);
            BigDecimal paid = available.min(accruedCents);
            accruedUnpaid = accruedUnpaid.subtract(paid.multiply(SCALE));
            interestPaid = interestPaid.add(paid);
            return available.subtract(paid);
        }

        private InvoicePenaltyStatement statement(LocalDate interestFrom) {
            boolean late = lastLateDay != null;
            long daysLate = late ? ChronoUnit.DAYS.between(invoice.dueDate(), lastLateDay) : 0;
            BigDecimal indemnity = Money.ZERO;
            BigDecimal extraCosts = Money.ZERO;
            if (terms.debtor() == DebtorCategory.CONSUMER) {
                if (late) {
                    remarks.add(Remark.CONSUMER_REGIME);
                    if (interestFrom == null) {
                        remarks.add(Remark.NO_FORMAL_NOTICE);
                    }
                }
            } else if (late) {
                if (invoice.indemnityAlreadyClaimed()) {
                    remarks.add(Remark.INDEMNITY_ALREADY_CLAIMED);
                } else {
                    indemnity = Money.FORTY;
                }
                // L441-10 II: costs above the fixed indemnity are claimable on proof.
                extraCosts = invoice.recoveryCosts().subtract(Money.FORTY).max(Money.ZERO);
            }
            BigDecimal interest = totalNumerator.divide(SCALE, 2, RoundingMode.HALF_UP);
            List<Remark> orderedRemarks = new ArrayList<>(remarks);
            return new InvoicePenaltyStatement(invoice.id(), asOf, invoice.dueDate(), terms, invoice.principal(),
                    principal, daysLate, interestFrom, periods, interest, interestPaid, indemnity, extraCosts,
                    unapplied, orderedRemarks);
        }
    }

    private record ResolvedRate(BigDecimal percent, RateSource source, HalfYear halfYear, BigDecimal reference,
                                boolean fallback) {
    }
}
