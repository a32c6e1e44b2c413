package fr.encaisse.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the late-payment computation over random invoices, payments, credit notes, terms
 * and dates inside the bundled rate table (2010-S1 to 2026-S1).
 *
 * <p>Plain JUnit: each property runs {@value #CASES} cases drawn from a seeded {@link Random}, so every
 * run checks the same inputs. Each case has its own seed, printed with the input when it fails;
 * {@code -Dencaisse.property.case=<case seed>} reruns only that case, and
 * {@code -Dencaisse.property.seed=<seed>} explores another series of cases.
 */
class LatePaymentPropertiesTest {

    private static final LatePaymentLaw LAW = LatePaymentLaw.withBundledRates();
    private static final LocalDate FIRST_DUE = LocalDate.of(2010, 1, 1);
    private static final LocalDate LAST_DUE = LocalDate.of(2025, 12, 31);
    private static final LocalDate LAST_COVERED_DAY = LocalDate.of(2026, 6, 30);
    private static final BigDecimal FORTY = new BigDecimal("40.00");

    private static final int CASES = 1000;
    private static final long DEFAULT_SEED = 0x1A7E_9A7EL;
    private static final String SEED_PROPERTY = "encaisse.property.seed";
    private static final String CASE_PROPERTY = "encaisse.property.case";

    record Scenario(LateInvoice invoice, PenaltyTerms terms, LocalDate asOf) {
    }

    // ---------------------------------------------------------------- properties

    @Test
    void period_by_period_interest_equals_the_day_by_day_definition() {
        forAll("period_by_period_interest_equals_the_day_by_day_definition", Gen::scenario, s -> {
            var statement = LAW.statement(s.invoice(), s.terms(), s.asOf());
            var reference = DayByDay.compute(s.invoice(), s.terms(), s.asOf());

            assertThat(statement.interest()).as("interest").isEqualTo(reference.interest());
            assertThat(statement.interestPaid()).as("interest paid").isEqualTo(reference.interestPaid());
            assertThat(statement.principalOutstanding()).as("principal").isEqualTo(reference.principal());
            assertThat(statement.daysLate()).as("days late").isEqualTo(reference.daysLate());
        });
    }

    record PaidInFull(LateInvoice invoice, PenaltyTerms terms, int daysEarly, int asOfOffset) {
    }

    @Test
    void no_interest_and_no_indemnity_when_paid_in_full_on_or_before_the_due_date() {
        forAll("no_interest_and_no_indemnity_when_paid_in_full_on_or_before_the_due_date",
                g -> new PaidInFull(g.invoice(), g.terms(), g.intBetween(0, 60), g.intBetween(0, 400)), c -> {
                    LateInvoice invoice = c.invoice();
                    var paidOnTime = LateInvoice.of(invoice.id(), invoice.dueDate(), invoice.principal())
                            .withPayment(invoice.dueDate().minusDays(c.daysEarly()), invoice.principal());
                    var s = LAW.statement(paidOnTime, c.terms(),
                            min(invoice.dueDate().plusDays(c.asOfOffset()), LAST_COVERED_DAY));

                    assertThat(s.interest()).isZero();
                    assertThat(s.indemnity()).isZero();
                    assertThat(s.daysLate()).isZero();
                    assertThat(s.totalClaimable()).isZero();
                });
    }

    record LaterAsOf(Scenario scenario, int moreDays) {
    }

    @Test
    void interest_never_decreases_with_a_later_as_of_date() {
        forAll("interest_never_decreases_with_a_later_as_of_date",
                g -> new LaterAsOf(g.scenario(), g.intBetween(1, 400)), c -> {
                    Scenario s = c.scenario();
                    LocalDate later = min(s.asOf().plusDays(c.moreDays()), LAST_COVERED_DAY);
                    var before = LAW.statement(s.invoice(), s.terms(), s.asOf());
                    var after = LAW.statement(s.invoice(), s.terms(), later);

                    assertThat(after.interest()).isGreaterThanOrEqualTo(before.interest());
                    assertThat(after.daysLate()).isGreaterThanOrEqualTo(before.daysLate());
                });
    }

    record LaterPayment(LateInvoice invoice, PenaltyTerms terms, int paidAfter, int delay) {
    }

    @Test
    void interest_never_decreases_with_a_later_payment_date() {
        forAll("interest_never_decreases_with_a_later_payment_date",
                g -> new LaterPayment(g.invoice(), g.terms(), g.intBetween(-10, 300), g.intBetween(1, 200)), c -> {
                    LateInvoice invoice = c.invoice();
                    LocalDate asOf = LAST_COVERED_DAY;
                    var base = LateInvoice.of(invoice.id(), invoice.dueDate(), invoice.principal())
                            .withFormalNotice(invoice.formalNoticeDate());
                    var sooner = LAW.statement(
                            base.withPayment(invoice.dueDate().plusDays(c.paidAfter()), invoice.principal()),
                            c.terms(), asOf);
                    var later = LAW.statement(
                            base.withPayment(invoice.dueDate().plusDays(c.paidAfter() + c.delay()), invoice.principal()),
                            c.terms(), asOf);

                    assertThat(later.interest()).isGreaterThanOrEqualTo(sooner.interest());
                });
    }

    @Test
    void amounts_are_never_negative() {
        forAll("amounts_are_never_negative", Gen::scenario, s -> {
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
        });
    }

    record TwoInvoices(LateInvoice a, LateInvoice b, boolean bAlreadyClaimed, List<Integer> picks,
                       PenaltyTerms terms) {
    }

    @Test
    void the_indemnity_is_claimed_at_most_once_per_invoice() {
        forAll("the_indemnity_is_claimed_at_most_once_per_invoice",
                g -> new TwoInvoices(g.invoice(), g.invoice(), g.random.nextBoolean(), g.picks(), g.terms()), c -> {
                    var first = renamed(c.a(), "A", false);
                    var second = renamed(c.b(), "B", c.bAlreadyClaimed());
                    List<LateInvoice> listed = new ArrayList<>();
                    c.picks().forEach(i -> listed.add(i == 0 ? first : second));
                    LocalDate asOf = LAST_COVERED_DAY;

                    var s = LAW.debtorStatement("D", listed, c.terms(), asOf);

                    Set<String> distinct = new HashSet<>();
                    listed.forEach(i -> distinct.add(i.id()));
                    assertThat(s.invoices()).hasSize(distinct.size());
                    assertThat(s.invoices())
                            .allSatisfy(i -> assertThat(i.indemnity()).isIn(BigDecimal.ZERO.setScale(2), FORTY));
                    assertThat(s.indemnity()).isLessThanOrEqualTo(FORTY.multiply(BigDecimal.valueOf(distinct.size())));
                    assertThat(s.invoices()).filteredOn(i -> i.invoiceId().equals("B") && c.bAlreadyClaimed())
                            .allSatisfy(i -> assertThat(i.indemnity()).isZero());
                    if (c.terms().debtor() == DebtorCategory.CONSUMER) {
                        assertThat(s.indemnity()).isZero();
                    }
                });
    }

    // ---------------------------------------------------------------- harness

    /**
     * Runs {@code check} on {@value #CASES} inputs. Case i is generated from its own seed, drawn from
     * the run seed; a failure names the property, the case, both seeds and the input.
     */
    private static <T> void forAll(String property, Function<Gen, T> generator, Consumer<T> check) {
        String onlyCase = System.getProperty(CASE_PROPERTY);
        if (onlyCase != null) {
            runCase(property, -1, Long.parseLong(onlyCase.trim()), generator, check);
            return;
        }
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        Random seeds = new Random(seed ^ property.hashCode());
        for (int i = 0; i < CASES; i++) {
            runCase(property, i, seeds.nextLong(), generator, check);
        }
    }

    private static <T> void runCase(String property, int index, long caseSeed, Function<Gen, T> generator,
                                    Consumer<T> check) {
        T input = generator.apply(new Gen(new Random(caseSeed)));
        try {
            check.accept(input);
        } catch (AssertionError | RuntimeException e) {
            String which = index < 0 ? "the requested case" : "case " + (index + 1) + " of " + CASES;
            throw new AssertionError(property + " failed on " + which + " (run seed "
                    + Long.getLong(SEED_PROPERTY, DEFAULT_SEED) + ", case seed " + caseSeed + "; rerun it alone with -D"
                    + CASE_PROPERTY + "=" + caseSeed + ")\ninput: " + input + "\n" + e.getMessage(), e);
        }
    }

    /**
     * Input generators. Besides uniform draws, integers lean towards small magnitudes and range ends
     * (like a property-testing library's edge cases), and due dates towards half-year ends and 29 February.
     */
    static final class Gen {
        final Random random;

        Gen(Random random) {
            this.random = random;
        }

        Scenario scenario() {
            LateInvoice inv = invoice();
            PenaltyTerms t = terms();
            int asOfOffset = intBetween(-10, 700);
            return new Scenario(inv, t, min(inv.dueDate().plusDays(asOfOffset), LAST_COVERED_DAY));
        }

        LateInvoice invoice() {
            LocalDate due = dueDate();
            long principalCents = longBetween(1, 10_000_000);
            LateInvoice inv = LateInvoice.of("INV", due, BigDecimal.valueOf(principalCents, 2));
            int reductions = random.nextInt(5); // 0 to 4
            for (int i = 0; i < reductions; i++) {
                int dayOffset = intBetween(-30, 500);
                // Now and then exactly the principal: settles the invoice on that day.
                long cents = random.nextInt(10) == 0 ? principalCents : longBetween(1, 6_000_000);
                Reduction.Kind kind = random.nextInt(5) < 4 ? Reduction.Kind.PAYMENT : Reduction.Kind.CREDIT_NOTE;
                inv = inv.withReduction(new Reduction(due.plusDays(dayOffset), BigDecimal.valueOf(cents, 2), kind));
            }
            if (random.nextDouble() < 0.3) {
                return inv;
            }
            return inv.withFormalNotice(due.plusDays(intBetween(-30, 400)));
        }

        PenaltyTerms terms() {
            DebtorCategory debtor = pick(DebtorCategory.values());
            CreditorKind creditor = pick(CreditorKind.values());
            BigDecimal rate = random.nextBoolean() ? null : BigDecimal.valueOf(longBetween(0, 2500), 2);
            DayCount dayCount = pick(DayCount.values());
            Allocation allocation = pick(Allocation.values());
            RateFixing fixing = random.nextDouble() < 0.6 ? null : pick(RateFixing.values());
            return new PenaltyTerms(debtor, creditor, rate, dayCount, allocation, fixing, null);
        }

        /** 1 to 6 picks of invoice 0 or 1. */
        List<Integer> picks() {
            int size = 1 + random.nextInt(6);
            List<Integer> picks = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                picks.add(random.nextInt(2));
            }
            return picks;
        }

        /** A due date from 2010-01-01 to 2025-12-31. */
        LocalDate dueDate() {
            long span = ChronoUnit.DAYS.between(FIRST_DUE, LAST_DUE);
            int kind = random.nextInt(10);
            if (kind == 0) {
                return random.nextBoolean() ? FIRST_DUE : LAST_DUE;
            }
            if (kind == 1) {
                // Around a rate change or a leap day: 30 June / 31 December (± a day), 28-29 February.
                int year = 2010 + random.nextInt(16);
                LocalDate anchor = switch (random.nextInt(3)) {
                    case 0 -> LocalDate.of(year, 6, 30);
                    case 1 -> LocalDate.of(year, 12, 31);
                    default -> LocalDate.of(year, 3, 1).minusDays(1);
                };
                LocalDate d = anchor.plusDays(random.nextInt(3) - 1);
                return d.isBefore(FIRST_DUE) ? FIRST_DUE : min(d, LAST_DUE);
            }
            return FIRST_DUE.plusDays(random.nextLong(0, span + 1));
        }

        int intBetween(int min, int max) {
            return (int) longBetween(min, max);
        }

        /** min..max inclusive: 10 % range ends and values around 0, 35 % small magnitudes, 55 % uniform. */
        long longBetween(long min, long max) {
            int kind = random.nextInt(20);
            if (kind < 2) {
                long[] edges = {min, min + 1, -1, 0, 1, max - 1, max};
                long e;
                do {
                    e = edges[random.nextInt(edges.length)];
                } while (e < min || e > max);
                return e;
            }
            if (kind < 9) {
                long maxAbs = Math.max(Math.abs(min), Math.abs(max));
                int digits = Long.toString(maxAbs).length();
                long k = 1;
                for (int i = random.nextInt(digits) + 1; i > 0; i--) {
                    k *= 10;
                }
                long lo = Math.max(min, -k);
                long hi = Math.min(max, k);
                if (lo <= hi) {
                    return random.nextLong(lo, hi + 1);
                }
            }
            return random.nextLong(min, max + 1);
        }

        <E> E pick(E[] values) {
            return values[random.nextInt(values.length)];
        }
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
