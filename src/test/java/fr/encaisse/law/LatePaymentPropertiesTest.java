package fr.encaisse.law;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the late-payment computation over random invoices, payments, credit notes, terms
 * and dates inside the bundled rate table (2010-S1 to 2026-S1).
 */
class LatePaymentPropertiesTest {

    private static final LatePaymentLaw LAW = LatePaymentLaw.withBundledRates();
    private static final LocalDate FIRST_DUE = LocalDate.of(2010, 1, 1);
    private static final LocalDate LAST_DUE = LocalDate.of(2025, 12, 31);
    private static final LocalDate LAST_COVERED_DAY = LocalDate.of(2026, 6, 30);
    private static final BigDecimal FORTY = new BigDecimal("40.00");

    record Scenario(LateInvoice invoice, PenaltyTerms terms, LocalDate asOf) {
    }

    private record ReductionSpec(int dayOffset, long cents, Reduction.Kind kind) {
    }

    // ---------------------------------------------------------------- generators

    private static Arbitrary<LocalDate> dueDates() {
        long span = ChronoUnit.DAYS.between(FIRST_DUE, LAST_DUE);
        return Arbitraries.longs().between(0, span).map(FIRST_DUE::plusDays);
    }

    private static Arbitrary<BigDecimal> amounts(long maxCents) {
        return Arbitraries.longs().between(1, maxCents).map(c -> BigDecimal.valueOf(c, 2));
    }

    private static Arbitrary<List<ReductionSpec>> reductionSpecs() {
        Arbitrary<ReductionSpec> one = Combinators.combine(
                Arbitraries.integers().between(-30, 500),
                Arbitraries.longs().between(1, 6_000_000),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(Reduction.Kind.PAYMENT)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Reduction.Kind.CREDIT_NOTE))))
                .as(ReductionSpec::new);
        return one.list().ofMaxSize(4);
    }

    private static Arbitrary<LateInvoice> invoices() {
        return Combinators.combine(dueDates(), amounts(10_000_000), reductionSpecs(),
                        Arbitraries.integers().between(-30, 400).injectNull(0.3))
                .as((due, principal, specs, noticeOffset) -> {
                    LateInvoice inv = LateInvoice.of("INV", due, principal);
                    for (ReductionSpec r : specs) {
                        inv = inv.withReduction(new Reduction(due.plusDays(r.dayOffset()), BigDecimal.valueOf(r.cents(), 2),
                                r.kind()));
                    }
                    return noticeOffset == null ? inv : inv.withFormalNotice(due.plusDays(noticeOffset));
                });
    }

    private static Arbitrary<PenaltyTerms> terms() {
        return Combinators.combine(
                        Arbitraries.of(DebtorCategory.class),
                        Arbitraries.of(CreditorKind.class),
                        Arbitraries.longs().between(0, 2500).map(c -> BigDecimal.valueOf(c, 2)).injectNull(0.5),
                        Arbitraries.of(DayCount.class),
                        Arbitraries.of(Allocation.class),
                        Arbitraries.of(RateFixing.class).injectNull(0.6))
                .as((debtor, creditor, rate, dayCount, allocation, fixing) ->
                        new PenaltyTerms(debtor, creditor, rate, dayCount, allocation, fixing, null));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(invoices(), terms(), Arbitraries.integers().between(-10, 700))
                .as((inv, t, asOfOffset) -> new Scenario(inv, t, min(inv.dueDate().plusDays(asOfOffset), LAST_COVERED_DAY)));
    }

    @Provide
    Arbitrary<PenaltyTerms> anyTerms() {
        return terms();
    }

    @Provide
    Arbitrary<LateInvoice> anyInvoice() {
        return invoices();
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 400)
    void period_by_period_interest_equals_the_day_by_day_definition(@ForAll("scenarios") Scenario s) {
        var statement = LAW.statement(s.invoice(), s.terms(), s.asOf());
        var reference = DayByDay.compute(s.invoice(), s.terms(), s.asOf());

        assertThat(statement.interest()).as("interest").isEqualTo(reference.interest());
        assertThat(statement.interestPaid()).as("interest paid").isEqualTo(reference.interestPaid());
        assertThat(statement.principalOutstanding()).as("principal").isEqualTo(reference.principal());
        assertThat(statement.daysLate()).as("days late").isEqualTo(reference.daysLate());
    }

    @Property
    void no_interest_and_no_indemnity_when_paid_in_full_on_or_before_the_due_date(
            @ForAll("anyInvoice") LateInvoice invoice, @ForAll("anyTerms") PenaltyTerms terms,
            @ForAll @IntRange(min = 0, max = 60) int daysEarly, @ForAll @IntRange(min = 0, max = 400) int asOfOffset) {
        var paidOnTime = LateInvoice.of(invoice.id(), invoice.dueDate(), invoice.principal())
                .withPayment(invoice.dueDate().minusDays(daysEarly), invoice.principal());
        var s = LAW.statement(paidOnTime, terms, min(invoice.dueDate().plusDays(asOfOffset), LAST_COVERED_DAY));

        assertThat(s.interest()).isZero();
        assertThat(s.indemnity()).isZero();
        assertThat(s.daysLate()).isZero();
        assertThat(s.totalClaimable()).isZero();
    }

    @Property
    void interest_never_decreases_with_a_later_as_of_date(@ForAll("scenarios") Scenario s,
                                                          @ForAll @IntRange(min = 1, max = 400) int moreDays) {
        LocalDate later = min(s.asOf().plusDays(moreDays), LAST_COVERED_DAY);
        var before = LAW.statement(s.invoice(), s.terms(), s.asOf());
        var after = LAW.statement(s.invoice(), s.terms(), later);

        assertThat(after.interest()).isGreaterThanOrEqualTo(before.interest());
        assertThat(after.daysLate()).isGreaterThanOrEqualTo(before.daysLate());
    }

    @Property
    void interest_never_decreases_with_a_later_payment_date(@ForAll("anyInvoice") LateInvoice invoice,
                                                            @ForAll("anyTerms") PenaltyTerms terms,
                                                            @ForAll @IntRange(min = -10, max = 300) int paidAfter,
                                                            @ForAll @IntRange(min = 1, max = 200) int delay) {
        LocalDate asOf = LAST_COVERED_DAY;
        var base = LateInvoice.of(invoice.id(), invoice.dueDate(), invoice.principal())
                .withFormalNotice(invoice.formalNoticeDate());
        var sooner = LAW.statement(base.withPayment(invoice.dueDate().plusDays(paidAfter), invoice.principal()), terms, asOf);
        var later = LAW.statement(base.withPayment(invoice.dueDate().plusDays(paidAfter + delay), invoice.principal()),
                terms, asOf);

        assertThat(later.interest()).isGreaterThanOrEqualTo(sooner.interest());
    }

    @Property
    void amounts_are_never_negative(@ForAll("scenarios") Scenario s) {
        var st = LAW.statement(s.invoice(), s.terms(), s.asOf());

        assertThat(st.interest()).isNotNegative();
        assertThat(st.interestPaid()).isNotNegative();
        assertThat(st.interestOutstanding()).isNotNegative();
        assertThat(st.principalOutstanding()).isNotNegative();
        assertThat(st.totalClaimable()).isNotNegative();
        assertThat(st.periods()).allSatisfy(p -> {
            assertThat(p.interest()).isNotNegative();
            assertThat(p.base()).isPositive();
            assertThat(p.days()).isPositive();
        });
    }

    @Property
    void the_indemnity_is_claimed_at_most_once_per_invoice(@ForAll("anyInvoice") LateInvoice a,
                                                           @ForAll("anyInvoice") LateInvoice b,
                                                           @ForAll boolean bAlreadyClaimed,
                                                           @ForAll("picks") List<Integer> picks,
                                                           @ForAll("anyTerms") PenaltyTerms terms) {
        var first = renamed(a, "A", false);
        var second = renamed(b, "B", bAlreadyClaimed);
        List<LateInvoice> listed = new ArrayList<>();
        picks.forEach(i -> listed.add(i == 0 ? first : second));
        LocalDate asOf = LAST_COVERED_DAY;

        var s = LAW.debtorStatement("D", listed, terms, asOf);

        Set<String> distinct = new HashSet<>();
        listed.forEach(i -> distinct.add(i.id()));
        assertThat(s.invoices()).hasSize(distinct.size());
        assertThat(s.invoices()).allSatisfy(i -> assertThat(i.indemnity()).isIn(BigDecimal.ZERO.setScale(2), FORTY));
        assertThat(s.indemnity()).isLessThanOrEqualTo(FORTY.multiply(BigDecimal.valueOf(distinct.size())));
        assertThat(s.invoices()).filteredOn(i -> i.invoiceId().equals("B") && bAlreadyClaimed)
                .allSatisfy(i -> assertThat(i.indemnity()).isZero());
        if (terms.debtor() == DebtorCategory.CONSUMER) {
            assertThat(s.indemnity()).isZero();
        }
    }

    @Provide
    Arbitrary<List<Integer>> picks() {
        return Arbitraries.integers().between(0, 1).list().ofMinSize(1).ofMaxSize(6);
    }

    private static LateInvoice renamed(LateInvoice i, String id, boolean claimed) {
        return new LateInvoice(id, i.dueDate(), i.principal(), i.reductions(), i.formalNoticeDate(), claimed,
                i.recoveryCosts());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The definition, literally: loop over each day, base at the start of the day, rate of the day,
     * reductions applied at the end of their day. Kept independent of the production code on purpose.
     */
    static final class DayByDay {
        private static final RateTable RATES = RateTable.bundled();
        private static final long LCM = 1_603_080L; // lcm(360, 365, 366)
        private static final BigDecimal SCALE = BigDecimal.valueOf(100L * LCM);

        record Result(BigDecimal interest, BigDecimal interestPaid, BigDecimal principal, long daysLate) {
        }

        static Result compute(LateInvoice inv, PenaltyTerms terms, LocalDate asOf) {
            BigDecimal principal = inv.principal();
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal unpaid = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO.setScale(2);
            long daysLate = 0;
            LocalDate due = inv.dueDate();
            LocalDate from = interestFrom(inv, terms);
            List<Reduction> reductions = inv.reductions();

            // Reductions up to the due date, in their order.
            BigDecimal[] state = {principal, unpaid, paid};
            for (Reduction r : reductions) {
                if (!r.date().isAfter(due) && !r.date().isAfter(asOf)) {
                    apply(r, terms, state);
                }
            }
            for (LocalDate d = due.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
                if (state[0].signum() > 0) {
                    daysLate = ChronoUnit.DAYS.between(due, d);
                    if (from != null && !d.isBefore(from)) {
                        BigDecimal rate = rate(terms, d, from);
                        BigDecimal n = state[0].multiply(rate)
                                .multiply(BigDecimal.valueOf(LCM / terms.dayCount().denominator(d)));
                        total = total.add(n);
                        state[1] = state[1].add(n);
                    }
                }
                for (Reduction r : reductions) {
                    if (r.date().equals(d)) {
                        apply(r, terms, state);
                    }
                }
            }
            return new Result(total.divide(SCALE, 2, RoundingMode.HALF_UP), state[2], state[0], daysLate);
        }

        private static LocalDate interestFrom(LateInvoice inv, PenaltyTerms terms) {
            LocalDate dayAfterDue = inv.dueDate().plusDays(1);
            if (terms.debtor() != DebtorCategory.CONSUMER || terms.contractRate() != null) {
                return dayAfterDue;
            }
            if (inv.formalNoticeDate() == null) {
                return null;
            }
            LocalDate afterNotice = inv.formalNoticeDate().plusDays(1);
            return afterNotice.isAfter(dayAfterDue) ? afterNotice : dayAfterDue;
        }

        private static BigDecimal rate(PenaltyTerms terms, LocalDate day, LocalDate from) {
            boolean fixed = terms.rateFixing() == RateFixing.FIRST_LATE_HALF_YEAR
                    || (terms.rateFixing() == null && terms.debtor() == DebtorCategory.PUBLIC_BUYER);
            HalfYearRates r = RATES.ratesFor(HalfYear.of(fixed ? from : day));
            return switch (terms.debtor()) {
                case PROFESSIONAL -> terms.contractRate() == null ? r.ecbRatePercent().add(BigDecimal.TEN)
                        : terms.contractRate().max(r.legalRateOthers().multiply(BigDecimal.valueOf(3)));
                case PUBLIC_BUYER -> r.ecbRatePercent().add(BigDecimal.valueOf(8));
                case CONSUMER -> terms.contractRate() != null ? terms.contractRate()
                        : terms.creditor() == CreditorKind.PRIVATE_PERSON ? r.legalRateIndividuals() : r.legalRateOthers();
            };
        }

        /** state = {principal, unpaid accrued interest numerator, interest paid}. */
        private static void apply(Reduction r, PenaltyTerms terms, BigDecimal[] state) {
            BigDecimal left = r.amount();
            boolean payment = r.kind() == Reduction.Kind.PAYMENT;
            if (payment && terms.allocation() == Allocation.INTEREST_FIRST) {
                left = payInterest(left, state);
            }
            BigDecimal toPrincipal = left.min(state[0]);
            state[0] = state[0].subtract(toPrincipal);
            left = left.subtract(toPrincipal);
            if (payment && left.signum() > 0) {
                payInterest(left, state);
            }
        }

        private static BigDecimal payInterest(BigDecimal available, BigDecimal[] state) {
            BigDecimal owed = state[1].divide(SCALE, 2, RoundingMode.HALF_UP).max(BigDecimal.ZERO.setScale(2));
            BigDecimal pay = available.min(owed);
            state[1] = state[1].subtract(pay.multiply(SCALE));
            state[2] = state[2].add(pay);
            return available.subtract(pay);
        }
    }
}
