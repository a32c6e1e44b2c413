package fr.encaisse.law;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static fr.encaisse.law.Fixtures.LAW;
import static fr.encaisse.law.Fixtures.day;
import static fr.encaisse.law.Fixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Payment-term caps of C. com. L441-10 I; dates worked out by hand in the comments. */
class PaymentTermCheckTest {

    private static PaymentTermVerdict check(String issue, String due, AgreedTerm term, DebtorCategory debtor) {
        return LAW.checkPaymentTerm(PaymentTermCheck.of(day(issue), day(due), term, debtor));
    }

    @Test
    void forty_five_days_end_of_month_method_a_adds_45_days_to_the_end_of_the_invoice_month() {
        // Invoice 10/01/2025 → end of month 31/01 → + 45 days: 28 in February, 17 in March → 17/03/2025.
        var v = check("2025-01-10", "2025-03-10", AgreedTerm.END_OF_MONTH_PLUS_45_DAYS, DebtorCategory.PROFESSIONAL);

        assertThat(v.limitDate()).isEqualTo(day("2025-03-17"));
        assertThat(v.status()).isEqualTo(PaymentTermVerdict.Status.COMPLIANT);
        assertThat(v.rule()).isEqualTo(TermRule.END_OF_MONTH_PLUS_45_DAYS);
        assertThat(v.legalBasis()).isEqualTo("C. com. L441-10 I");
    }

    @Test
    void forty_five_days_end_of_month_method_b_adds_45_days_then_goes_to_the_end_of_that_month() {
        // Invoice 10/01/2025 + 45 days = 24/02/2025 → end of month 28/02/2025; due 10/03 is 10 days too late.
        var v = check("2025-01-10", "2025-03-10", AgreedTerm.PLUS_45_DAYS_THEN_END_OF_MONTH, DebtorCategory.PROFESSIONAL);

        assertThat(v.limitDate()).isEqualTo(day("2025-02-28"));
        assertThat(v.status()).isEqualTo(PaymentTermVerdict.Status.EXCEEDS_LIMIT);
        assertThat(v.daysBeyondLimit()).isEqualTo(10);
    }

    @Test
    void method_b_can_also_be_the_more_generous_reading() {
        // Invoice 20/01/2025: (a) 31/01 + 45 = 17/03/2025; (b) 20/01 + 45 = 06/03 → 31/03/2025.
        // Due 25/03/2025 breaks (a) by 8 days and respects (b).
        var a = check("2025-01-20", "2025-03-25", AgreedTerm.END_OF_MONTH_PLUS_45_DAYS, DebtorCategory.PROFESSIONAL);
        var b = check("2025-01-20", "2025-03-25", AgreedTerm.PLUS_45_DAYS_THEN_END_OF_MONTH, DebtorCategory.PROFESSIONAL);

        assertThat(a.limitDate()).isEqualTo(day("2025-03-17"));
        assertThat(a.daysBeyondLimit()).isEqualTo(8);
        assertThat(b.limitDate()).isEqualTo(day("2025-03-31"));
        assertThat(b.compliant()).isTrue();
    }

    @Test
    void forty_five_days_end_of_month_counts_29_february_in_a_leap_year() {
        // Invoice 15/01/2024: (a) 31/01 + 45 = 29/02 (+29) then 16/03/2024; (b) 15/01 + 45 = 29/02/2024 → 29/02/2024.
        assertThat(check("2024-01-15", "2024-03-16", AgreedTerm.END_OF_MONTH_PLUS_45_DAYS,
                DebtorCategory.PROFESSIONAL).limitDate()).isEqualTo(day("2024-03-16"));
        assertThat(check("2024-01-15", "2024-03-16", AgreedTerm.PLUS_45_DAYS_THEN_END_OF_MONTH,
                DebtorCategory.PROFESSIONAL).limitDate()).isEqualTo(day("2024-02-29"));
    }

    @Test
    void an_agreed_term_may_not_exceed_sixty_days_from_the_invoice_date() {
        // 10/01/2025 + 60 days: 21 days to 31/01, 28 in February (49), 11 in March → 11/03/2025; due 15/03 → 4 days over.
        var v = check("2025-01-10", "2025-03-15", AgreedTerm.SIXTY_DAYS_FROM_ISSUE, DebtorCategory.PROFESSIONAL);

        assertThat(v.limitDate()).isEqualTo(day("2025-03-11"));
        assertThat(v.daysBeyondLimit()).isEqualTo(4);
        assertThat(v.compliant()).isFalse();
    }

    @Test
    void without_agreement_the_term_is_thirty_days_after_receipt_of_the_goods() {
        // Delivered 05/02/2025, invoiced 10/02: 05/02 + 30 = 07/03/2025; due 12/03 → 5 days over.
        var v = LAW.checkPaymentTerm(PaymentTermCheck.of(day("2025-02-10"), day("2025-03-12"), AgreedTerm.NONE,
                DebtorCategory.PROFESSIONAL).withStartDate(day("2025-02-05")));

        assertThat(v.limitDate()).isEqualTo(day("2025-03-07"));
        assertThat(v.daysBeyondLimit()).isEqualTo(5);
        assertThat(v.rule()).isEqualTo(TermRule.DEFAULT_30_DAYS_AFTER_RECEIPT);
        assertThat(v.startDateAssumed()).isFalse();
    }

    @Test
    void when_the_receipt_date_is_unknown_the_invoice_date_stands_in_and_the_verdict_says_so() {
        // 10/02/2025 + 30 = 12/03/2025.
        var v = check("2025-02-10", "2025-03-12", AgreedTerm.NONE, DebtorCategory.PROFESSIONAL);

        assertThat(v.limitDate()).isEqualTo(day("2025-03-12"));
        assertThat(v.compliant()).isTrue();
        assertThat(v.startDateAssumed()).isTrue();
        assertThat(plain(v.explain(Locale.FRENCH))).contains("date de facture retenue");
    }

    @Test
    void a_periodic_invoice_is_due_within_45_days_of_issue() {
        // 31/01/2025 + 45 = 17/03/2025 (28 days of February + 17).
        var v = check("2025-01-31", "2025-03-31", AgreedTerm.PERIODIC_INVOICE_45_DAYS, DebtorCategory.PROFESSIONAL);

        assertThat(v.limitDate()).isEqualTo(day("2025-03-17"));
        assertThat(v.daysBeyondLimit()).isEqualTo(14);
        assertThat(v.legalBasis()).contains("CGI 289");
    }

    @Test
    void a_public_buyer_has_thirty_days_whatever_was_agreed() {
        // 01/03/2025 + 30 = 31/03/2025; due 30/04 → 30 days over.
        var v = check("2025-03-01", "2025-04-30", AgreedTerm.SIXTY_DAYS_FROM_ISSUE, DebtorCategory.PUBLIC_BUYER);

        assertThat(v.limitDate()).isEqualTo(day("2025-03-31"));
        assertThat(v.daysBeyondLimit()).isEqualTo(30);
        assertThat(v.rule()).isEqualTo(TermRule.PUBLIC_BUYER_30_DAYS);
        assertThat(v.legalBasis()).contains("R2192-10");
    }

    @Test
    void consumer_terms_are_not_capped_by_L441_10() {
        var v = check("2025-03-01", "2025-12-31", AgreedTerm.NONE, DebtorCategory.CONSUMER);

        assertThat(v.status()).isEqualTo(PaymentTermVerdict.Status.NOT_REGULATED);
        assertThat(v.compliant()).isTrue();
        assertThat(v.limitDate()).isNull();
    }

    @Test
    void the_verdict_explains_the_limit_rule_and_legal_basis_in_french_and_english() {
        var v = check("2025-01-10", "2025-03-10", AgreedTerm.PLUS_45_DAYS_THEN_END_OF_MONTH, DebtorCategory.PROFESSIONAL);

        assertThat(plain(v.explain(Locale.FRENCH))).contains("Délai excessif de 10 jour(s)", "28/02/2025",
                "méthode (b)", "C. com. L441-10 I");
        assertThat(v.explain(Locale.ENGLISH)).contains("exceeds the limit by 10 day(s)", "2025-02-28",
                "method (b)", "C. com. L441-10 I");
    }
}
