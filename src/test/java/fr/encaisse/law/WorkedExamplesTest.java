package fr.encaisse.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static fr.encaisse.law.Fixtures.LAW;
import static fr.encaisse.law.Fixtures.day;
import static fr.encaisse.law.Fixtures.eur;
import static fr.encaisse.law.Fixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worked examples computed by hand; each comment shows the arithmetic. Rates come from the bundled
 * table: default rate = ECB rate on 1 Jan / 1 Jul + 10 points (2024-S1 14.50, 2024-S2 14.25,
 * 2025-S1 13.15, 2025-S2 12.15); legal rate "autres cas" 2024-S1 5.07, 2025-S1 3.71, 2025-S2 2.76.
 */
class WorkedExamplesTest {

    private static final PenaltyTerms PRO = PenaltyTerms.professional();

    @Test
    void default_rate_is_ecb_plus_ten_points_from_the_day_after_the_due_date() {
        // Due 31/01/2025, paid in full 15/03/2025: late days 01/02..15/03 = 28 + 15 = 43.
        // 2025-S1: ECB 3.15 on 01/01/2025 + 10 = 13.15 %.
        // 10 000.00 × 13.15 % × 43 / 365 = 56 545 / 365 = 154.917808… → 154.92
        // Claim: principal 0 + interest 154.92 + indemnity 40.00 = 194.92
        var s = LAW.statement(invoice("F-1", "2025-01-31", "10000.00").withPayment(day("2025-03-15"), eur("10000.00")),
                PRO, day("2025-03-15"));

        assertThat(s.daysLate()).isEqualTo(43);
        assertThat(s.periods()).singleElement().satisfies(p -> {
            assertThat(p.ratePercent()).isEqualByComparingTo("13.15");
            assertThat(p.source()).isEqualTo(RateSource.ECB_PLUS_10);
            assertThat(p.interest()).isEqualByComparingTo("154.9178082192");
        });
        assertThat(s.interest()).isEqualTo(eur("154.92"));
        assertThat(s.indemnity()).isEqualTo(eur("40.00"));
        assertThat(s.principalOutstanding()).isEqualTo(eur("0.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("194.92"));
    }

    @Test
    void payment_on_the_due_date_owes_no_interest_and_no_indemnity() {
        // Paid 31/01/2025 = due date: no day d with due < d ≤ payment date → 0.00, not late, no €40.
        var s = LAW.statement(invoice("F-2", "2025-01-31", "10000.00").withPayment(day("2025-01-31"), eur("10000.00")),
                PRO, day("2025-06-30"));

        assertThat(s.interest()).isEqualTo(eur("0.00"));
        assertThat(s.daysLate()).isZero();
        assertThat(s.indemnity()).isEqualTo(eur("0.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("0.00"));
    }

    @Test
    void interest_stops_on_the_day_of_payment() {
        // Due 31/01/2025, paid 01/02/2025: the payment day still bears interest, nothing after.
        // 1 000.00 × 13.15 % × 1 / 365 = 131.5 / 365 = 0.360274… → 0.36, even as of 30/06/2025.
        var s = LAW.statement(invoice("F-3", "2025-01-31", "1000.00").withPayment(day("2025-02-01"), eur("1000.00")),
                PRO, day("2025-06-30"));

        assertThat(s.interest()).isEqualTo(eur("0.36"));
        assertThat(s.daysLate()).isEqualTo(1);
        assertThat(s.periods()).singleElement().satisfies(p -> assertThat(p.to()).isEqualTo(day("2025-02-01")));
    }

    @Test
    void a_lateness_over_three_half_years_with_two_partial_payments_is_priced_piecewise_and_rounded_once() {
        // 12 000.00 due 31/05/2024; 4 000.00 paid 30/09/2024; 3 000.00 paid 14/02/2025; as of 31/03/2025.
        // 01/06–30/06/2024  30 d × 12 000 × 14.50 % / 365 =  52 200 / 365 = 143.013699
        // 01/07–30/09/2024  92 d × 12 000 × 14.25 % / 365 = 157 320 / 365 = 431.013699
        // 01/10–31/12/2024  92 d ×  8 000 × 14.25 % / 365 = 104 880 / 365 = 287.342466
        // 01/01–14/02/2025  45 d ×  8 000 × 13.15 % / 365 =  47 340 / 365 = 129.698630
        // 15/02–31/03/2025  45 d ×  5 000 × 13.15 % / 365 =  29 587.5 / 365 = 81.061644
        // sum 1 072.130137 → 1 072.13 (rounding each period first would give 1 072.12)
        // Claim: 5 000.00 + 1 072.13 + 40.00 = 6 112.13
        var s = LAW.statement(invoice("F-4", "2024-05-31", "12000.00")
                        .withPayment(day("2024-09-30"), eur("4000.00"))
                        .withPayment(day("2025-02-14"), eur("3000.00")),
                PRO, day("2025-03-31"));

        assertThat(s.periods()).extracting(InterestPeriod::days).containsExactly(30L, 92L, 92L, 45L, 45L);
        assertThat(s.periods()).extracting(p -> p.base().toPlainString())
                .containsExactly("12000.00", "12000.00", "8000.00", "8000.00", "5000.00");
        assertThat(s.periods()).extracting(p -> p.ratePercent().toPlainString())
                .containsExactly("14.50", "14.25", "14.25", "13.15", "13.15");
        assertThat(s.interest()).isEqualTo(eur("1072.13"));
        BigDecimal roundedPerPeriod = s.periods().stream()
                .map(p -> p.interest().setScale(2, java.math.RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(roundedPerPeriod).isEqualByComparingTo("1072.12");
        assertThat(s.principalOutstanding()).isEqualTo(eur("5000.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("6112.13"));
    }

    @Test
    void consumer_interest_runs_at_the_legal_rate_from_the_formal_notice_only() {
        // B2C, company creditor ("autres cas" rate). Due 31/03/2025, formal notice 15/05/2025, as of 31/08/2025.
        // 16/05–30/06/2025  46 d × 2 000 × 3.71 % / 365 = 3 413.2 / 365 = 9.351233
        // 01/07–31/08/2025  62 d × 2 000 × 2.76 % / 365 = 3 422.4 / 365 = 9.376438
        // sum 18.727671 → 18.73; no €40 indemnity for consumers. Claim 2 000.00 + 18.73 = 2 018.73
        var s = LAW.statement(invoice("F-5", "2025-03-31", "2000.00").withFormalNotice(day("2025-05-15")),
                PenaltyTerms.consumer(), day("2025-08-31"));

        assertThat(s.interestFrom()).isEqualTo(day("2025-05-16"));
        assertThat(s.periods()).extracting(InterestPeriod::source).containsOnly(RateSource.LEGAL_RATE);
        assertThat(s.interest()).isEqualTo(eur("18.73"));
        assertThat(s.indemnity()).isEqualTo(eur("0.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("2018.73"));
        assertThat(s.remarks()).contains(Remark.CONSUMER_REGIME);
    }

    @Test
    void a_private_person_creditor_claims_the_higher_individuals_legal_rate_from_a_consumer() {
        // Same debt as above, creditor is a private person: 2025-S1 7.21 %, 2025-S2 6.65 %.
        // 46 d × 2 000 × 7.21 % / 365 = 6 633.2 / 365 = 18.173151
        // 62 d × 2 000 × 6.65 % / 365 = 8 246.0 / 365 = 22.591781
        // sum 40.764932 → 40.76
        var s = LAW.statement(invoice("F-6", "2025-03-31", "2000.00").withFormalNotice(day("2025-05-15")),
                PenaltyTerms.consumer().withCreditor(CreditorKind.PRIVATE_PERSON), day("2025-08-31"));

        assertThat(s.interest()).isEqualTo(eur("40.76"));
    }

    @Test
    void a_consumer_without_formal_notice_owes_no_interest_yet() {
        // No formal notice, no contract clause: C. civ. 1344-1 → 0.00 whatever the lateness.
        var s = LAW.statement(invoice("F-7", "2025-03-31", "2000.00"), PenaltyTerms.consumer(), day("2025-08-31"));

        assertThat(s.interest()).isEqualTo(eur("0.00"));
        assertThat(s.daysLate()).isEqualTo(153);
        assertThat(s.remarks()).contains(Remark.NO_FORMAL_NOTICE, Remark.CONSUMER_REGIME);
        assertThat(s.totalClaimable()).isEqualTo(eur("2000.00"));
    }

    @Test
    void public_buyer_pays_ecb_plus_eight_points_fixed_for_the_half_year_in_which_interest_started() {
        // Due 15/06/2025, paid 14/08/2025: 16/06..14/08 = 15 + 31 + 14 = 60 days.
        // R2192-31: ECB on 01/01/2025 (3.15) + 8 = 11.15 % for the whole lateness, even after 30/06.
        // 5 000.00 × 11.15 % × 60 / 365 = 33 450 / 365 = 91.643836 → 91.64; + €40 (D2192-35)
        var s = LAW.statement(invoice("F-8", "2025-06-15", "5000.00").withPayment(day("2025-08-14"), eur("5000.00")),
                PenaltyTerms.publicBuyer(), day("2025-08-31"));

        assertThat(s.interest()).isEqualTo(eur("91.64"));
        assertThat(s.periods()).extracting(p -> p.ratePercent().toPlainString()).containsOnly("11.15");
        assertThat(s.periods()).extracting(InterestPeriod::source).containsOnly(RateSource.ECB_PLUS_8);
        assertThat(s.indemnity()).isEqualTo(eur("40.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("131.64"));
    }

    @Test
    void public_buyer_lateness_can_be_priced_per_half_year_on_request() {
        // Same invoice, EACH_HALF_YEAR: 15 d × 5 000 × 11.15 % / 365 = 22.910959
        //                             + 45 d × 5 000 × 10.15 % / 365 = 62.568493  (2.15 + 8)
        // sum 85.479452 → 85.48
        var s = LAW.statement(invoice("F-9", "2025-06-15", "5000.00").withPayment(day("2025-08-14"), eur("5000.00")),
                PenaltyTerms.publicBuyer().withRateFixing(RateFixing.EACH_HALF_YEAR), day("2025-08-31"));

        assertThat(s.interest()).isEqualTo(eur("85.48"));
    }

    @Test
    void a_public_buyer_lateness_that_started_in_a_covered_half_year_needs_no_later_rates() {
        // Due 15/06/2026, as of 14/08/2026 (60 days, into 2026-S2 which the table lacks).
        // R2192-31 fixes the rate of 2026-S1: ECB 2.15 + 8 = 10.15 % throughout, no fallback needed.
        // 5 000.00 × 10.15 % × 60 / 365 = 30 450 / 365 = 83.424658 → 83.42
        var s = LAW.statement(invoice("F-35", "2026-06-15", "5000.00"), PenaltyTerms.publicBuyer(), day("2026-08-14"));

        assertThat(s.interest()).isEqualTo(eur("83.42"));
        assertThat(s.usesFallbackRates()).isFalse();
    }

    @Test
    void a_contract_rate_below_three_times_the_legal_rate_is_raised_to_the_floor() {
        // 2024-S1: legal rate "autres cas" 5.07 % → floor 15.21 %, above both the contract 10 % and
        // the default 14.50 %. Due 29/02/2024, paid 30/04/2024: 31 + 30 = 61 days.
        // 8 000.00 × 15.21 % × 61 / 365 = 74 224.8 / 365 = 203.355616 → 203.36
        var s = LAW.statement(invoice("F-10", "2024-02-29", "8000.00").withPayment(day("2024-04-30"), eur("8000.00")),
                PRO.withContractRate(eur("10.00")), day("2024-04-30"));

        assertThat(s.periods()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(RateSource.CONTRACT_FLOOR);
            assertThat(p.ratePercent()).isEqualByComparingTo("15.21");
        });
        assertThat(s.interest()).isEqualTo(eur("203.36"));
    }

    @Test
    void a_contract_rate_above_the_floor_applies_as_stipulated() {
        // 2025-S2 floor = 3 × 2.76 = 8.28 % < 12 %. Due 30/09/2025, as of 31/10/2025: 31 days.
        // 5 000.00 × 12 % × 31 / 365 = 18 600 / 365 = 50.958904 → 50.96
        var s = LAW.statement(invoice("F-11", "2025-09-30", "5000.00"), PRO.withContractRate(eur("12")),
                day("2025-10-31"));

        assertThat(s.periods()).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo(RateSource.CONTRACT));
        assertThat(s.interest()).isEqualTo(eur("50.96"));
    }

    @Test
    void in_a_leap_year_act_365_act_act_and_act_360_differ() {
        // Due 31/12/2023, as of 30/06/2024: 2024-S1 has 31+29+31+30+31+30 = 182 days at 14.50 %.
        // ACT/365: 10 000 × 14.50 % × 182 / 365 = 263 900 / 365 = 723.013699 → 723.01
        // ACT/ACT: 263 900 / 366 = 721.038251 → 721.04
        // ACT/360: 263 900 / 360 = 733.055556 → 733.06
        var inv = invoice("F-12", "2023-12-31", "10000.00");

        assertThat(LAW.statement(inv, PRO, day("2024-06-30")).interest()).isEqualTo(eur("723.01"));
        assertThat(LAW.statement(inv, PRO.withDayCount(DayCount.ACT_ACT), day("2024-06-30")).interest())
                .isEqualTo(eur("721.04"));
        assertThat(LAW.statement(inv, PRO.withDayCount(DayCount.ACT_360), day("2024-06-30")).interest())
                .isEqualTo(eur("733.06"));
    }

    @Test
    void act_act_divides_each_day_by_the_length_of_its_own_year() {
        // Due 30/11/2023, as of 31/01/2024.
        // Dec 2023: 31 d × 10 000 × 14.00 % / 365 = 118.904110 (2023-S2: ECB 4.00 + 10)
        // Jan 2024: 31 d × 10 000 × 14.50 % / 366 = 122.814208 → total 241.718317 → 241.72
        // (ACT/365 would give 118.904110 + 123.150685 = 242.054795 → 242.05)
        var inv = invoice("F-13", "2023-11-30", "10000.00");

        var actAct = LAW.statement(inv, PRO.withDayCount(DayCount.ACT_ACT), day("2024-01-31"));
        assertThat(actAct.periods()).extracting(InterestPeriod::denominator).containsExactly(365, 366);
        assertThat(actAct.interest()).isEqualTo(eur("241.72"));
        assertThat(LAW.statement(inv, PRO, day("2024-01-31")).interest()).isEqualTo(eur("242.05"));
    }

    @Test
    void payments_go_to_principal_by_default() {
        // 10 000.00 due 31/01/2025; 5 000.00 paid 15/03/2025; as of 30/04/2025.
        // 01/02–15/03  43 d × 10 000 × 13.15 % / 365 = 154.917808
        // 16/03–30/04  46 d ×  5 000 × 13.15 % / 365 =  82.863014 → total 237.780822 → 237.78
        // Claim 5 000.00 + 237.78 + 40.00 = 5 277.78
        var s = LAW.statement(invoice("F-14", "2025-01-31", "10000.00").withPayment(day("2025-03-15"), eur("5000.00")),
                PRO, day("2025-04-30"));

        assertThat(s.interest()).isEqualTo(eur("237.78"));
        assertThat(s.principalOutstanding()).isEqualTo(eur("5000.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("5277.78"));
    }

    @Test
    void with_the_interest_first_option_a_payment_settles_accrued_interest_before_principal() {
        // Same facts, C. civ. 1343-1. Interest accrued to 15/03 = 154.917808 → the payment settles 154.92
        // of interest and 5 000.00 − 154.92 = 4 845.08 of principal → base 5 154.92 from 16/03.
        // 16/03–30/04  46 d × 5 154.92 × 13.15 % / 365 = 31 182.111… / 365 = 85.430441
        // total interest 154.917808 + 85.430441 = 240.348250 → 240.35; paid 154.92; outstanding 85.43
        // Claim 5 154.92 + 85.43 + 40.00 = 5 280.35
        var s = LAW.statement(invoice("F-15", "2025-01-31", "10000.00").withPayment(day("2025-03-15"), eur("5000.00")),
                PRO.withAllocation(Allocation.INTEREST_FIRST), day("2025-04-30"));

        assertThat(s.periods().get(1).base()).isEqualTo(eur("5154.92"));
        assertThat(s.interest()).isEqualTo(eur("240.35"));
        assertThat(s.interestPaid()).isEqualTo(eur("154.92"));
        assertThat(s.interestOutstanding()).isEqualTo(eur("85.43"));
        assertThat(s.principalOutstanding()).isEqualTo(eur("5154.92"));
        assertThat(s.totalClaimable()).isEqualTo(eur("5280.35"));
    }

    @Test
    void a_credit_note_reduces_the_base_from_the_next_day() {
        // 3 000.00 due 31/07/2025; credit note 1 000.00 dated 10/08/2025; as of 31/08/2025. 2025-S2: 12.15 %.
        // 01/08–10/08  10 d × 3 000 × 12.15 % / 365 = 3 645 / 365 = 9.986301
        // 11/08–31/08  21 d × 2 000 × 12.15 % / 365 = 5 103 / 365 = 13.980822 → 23.967123 → 23.97
        var s = LAW.statement(invoice("F-16", "2025-07-31", "3000.00").withCreditNote(day("2025-08-10"), eur("1000.00")),
                PRO, day("2025-08-31"));

        assertThat(s.periods()).extracting(InterestPeriod::days).containsExactly(10L, 21L);
        assertThat(s.interest()).isEqualTo(eur("23.97"));
        assertThat(s.principalOutstanding()).isEqualTo(eur("2000.00"));
    }

    @Test
    void a_payment_before_the_due_date_reduces_the_base_of_every_late_day() {
        // 1 000.00 due 31/01/2025, 400.00 paid 20/01/2025, as of 10/02/2025: base 600 for 10 days.
        // 600 × 13.15 % × 10 / 365 = 789 / 365 = 2.161644 → 2.16
        var s = LAW.statement(invoice("F-17", "2025-01-31", "1000.00").withPayment(day("2025-01-20"), eur("400.00")),
                PRO, day("2025-02-10"));

        assertThat(s.interest()).isEqualTo(eur("2.16"));
        assertThat(s.indemnity()).isEqualTo(eur("40.00"));
    }

    @Test
    void the_ecb_rate_is_the_one_in_force_on_1_july_not_a_later_hike() {
        // 2022-S2: ECB 0.00 on 01/07/2022 (0.50 only from 27/07/2022) → 10.00 %.
        // 1 000.00 due 31/07/2022, as of 30/08/2022: 30 d × 1 000 × 10 % / 365 = 3 000 / 365 = 8.219178 → 8.22
        var s = LAW.statement(invoice("F-18", "2022-07-31", "1000.00"), PRO, day("2022-08-30"));

        assertThat(s.periods()).singleElement().satisfies(p -> assertThat(p.ratePercent()).isEqualByComparingTo("10.00"));
        assertThat(s.interest()).isEqualTo(eur("8.22"));
    }

    @Test
    void a_payment_beyond_the_principal_pays_accrued_interest_and_any_excess_stays_unapplied() {
        // 1 000.00 due 31/01/2025; 1 001.00 paid 02/03/2025: 01/02..02/03 = 28 + 2 = 30 late days.
        // 30 d × 1 000 × 13.15 % / 365 = 3 945 / 365 = 10.808219 → 10.81 total interest
        // principal first: 1 000.00 to principal, 1.00 to interest → interest outstanding 9.81; + €40 = 49.81
        var s = LAW.statement(invoice("F-19", "2025-01-31", "1000.00").withPayment(day("2025-03-02"), eur("1001.00")),
                PRO, day("2025-06-30"));

        assertThat(s.daysLate()).isEqualTo(30);
        assertThat(s.interest()).isEqualTo(eur("10.81"));
        assertThat(s.interestPaid()).isEqualTo(eur("1.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("49.81"));

        // An overpayment of 100.00 after settlement cannot be applied and is reported.
        var over = LAW.statement(invoice("F-20", "2025-01-31", "1000.00").withPayment(day("2025-01-31"), eur("1100.00")),
                PRO, day("2025-06-30"));
        assertThat(over.unapplied()).isEqualTo(eur("100.00"));
        assertThat(over.remarks()).contains(Remark.UNAPPLIED_EXCESS);
    }

    @Test
    void the_fixed_indemnity_is_forty_euros_once_and_documented_costs_above_it_are_added() {
        // Late invoice, documented agency costs 150.00: €40 indemnity + 150.00 − 40.00 = 110.00 complement.
        // 1 000.00 due 31/01/2025, as of 01/02/2025: interest 1 d × 1 000 × 13.15 % / 365 = 0.36
        // Claim 1 000.00 + 0.36 + 40.00 + 110.00 = 1 150.36
        var late = invoice("F-21", "2025-01-31", "1000.00").withRecoveryCosts(eur("150.00"));
        var s = LAW.statement(late, PRO, day("2025-02-01"));

        assertThat(s.indemnity()).isEqualTo(eur("40.00"));
        assertThat(s.additionalRecoveryCosts()).isEqualTo(eur("110.00"));
        assertThat(s.totalClaimable()).isEqualTo(eur("1150.36"));

        // Already claimed once: no second €40, and the statement says why.
        var again = LAW.statement(late.withIndemnityAlreadyClaimed(), PRO, day("2025-02-01"));
        assertThat(again.indemnity()).isEqualTo(eur("0.00"));
        assertThat(again.remarks()).contains(Remark.INDEMNITY_ALREADY_CLAIMED);
    }

    @Test
    void consumers_owe_neither_the_indemnity_nor_recovery_costs() {
        var s = LAW.statement(invoice("F-22", "2025-01-31", "1000.00").withRecoveryCosts(eur("150.00"))
                .withFormalNotice(day("2025-02-10")), PenaltyTerms.consumer(), day("2025-03-31"));

        assertThat(s.indemnity()).isEqualTo(eur("0.00"));
        assertThat(s.additionalRecoveryCosts()).isEqualTo(eur("0.00"));
    }

    @Test
    void a_debtor_statement_adds_its_invoices_and_counts_each_invoice_once() {
        // F-1: 10 000.00 due 31/01/2025, paid 15/03/2025. F-17: 1 000.00 due 31/01/2025, 400.00 paid 20/01/2025.
        // F-1 is listed twice and counted once.
        // As of 10/02/2025: F-1 10 d × 10 000 × 13.15 % / 365 = 36.027397 → 36.03
        //                   F-17 10 d × 600 × 13.15 % / 365 = 2.161644 → 2.16; interest 38.19, indemnities 2 × 40
        // As of 15/03/2025: F-1 154.92 (first example); F-17 43 d × 600 × 13.15 % / 365 = 9.295068 → 9.30
        //                   interest 164.22; principal 0 + 600.00; claim 600.00 + 164.22 + 80.00 = 844.22
        var f1 = invoice("F-1", "2025-01-31", "10000.00").withPayment(day("2025-03-15"), eur("10000.00"));
        var f17 = invoice("F-17", "2025-01-31", "1000.00").withPayment(day("2025-01-20"), eur("400.00"));

        var early = LAW.debtorStatement("D-42", List.of(f1, f17, f1), PRO, day("2025-02-10"));
        assertThat(early.invoices()).hasSize(2);
        assertThat(early.duplicatesIgnored()).containsExactly("F-1");
        assertThat(early.indemnity()).isEqualTo(eur("80.00"));
        assertThat(early.interest()).isEqualTo(eur("38.19"));

        var later = LAW.debtorStatement("D-42", List.of(f1, f17, f1), PRO, day("2025-03-15"));
        assertThat(later.interest()).isEqualTo(eur("164.22"));
        assertThat(later.indemnity()).isEqualTo(eur("80.00"));
        assertThat(later.principalOutstanding()).isEqualTo(eur("600.00"));
        assertThat(later.totalClaimable()).isEqualTo(eur("844.22"));
    }

    @Test
    void the_same_invoice_id_with_different_contents_is_refused_rather_than_guessed() {
        var a = invoice("F-1", "2025-01-31", "10000.00");
        var b = invoice("F-1", "2025-01-31", "9000.00");

        assertThatThrownBy(() -> LAW.debtorStatement("D-42", List.of(a, b), PRO, day("2025-03-15")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("F-1");
    }
}
