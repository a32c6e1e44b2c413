package fr.encaisse.law;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static fr.encaisse.law.Fixtures.LAW;
import static fr.encaisse.law.Fixtures.day;
import static fr.encaisse.law.Fixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Mandatory mentions of C. com. L441-9 I and CGI annexe II art. 242 nonies A. */
class MentionsCheckTest {

    private static InvoiceMentions.Builder complete(DebtorCategory buyer, String issueDate) {
        LocalDate issue = day(issueDate);
        return InvoiceMentions.builder(buyer, issue)
                .invoiceNumber("F-2025-0001").partiesNamesAndAddresses().dueDate(issue.plusDays(30))
                .penaltyRateMentioned().recoveryIndemnityMentioned().earlyPaymentDiscountTermsMentioned()
                .sellerSiren("404833048").sellerVatNumber("FR83404833048").buyerSiren("356000000");
    }

    @Test
    void a_complete_b2b_invoice_lacks_nothing() {
        assertThat(LAW.checkMentions(complete(DebtorCategory.PROFESSIONAL, "2025-03-01").build()).isComplete()).isTrue();
    }

    @Test
    void a_b2b_invoice_must_show_due_date_penalty_rate_the_40_euro_indemnity_and_discount_terms() {
        var bare = InvoiceMentions.builder(DebtorCategory.PROFESSIONAL, day("2025-03-01"))
                .invoiceNumber("F-1").partiesNamesAndAddresses()
                .sellerSiren("404833048").sellerVatNumber("FR83404833048").build();

        var check = LAW.checkMentions(bare);

        assertThat(check.missing()).containsExactly(Mention.DUE_DATE, Mention.PENALTY_RATE,
                Mention.RECOVERY_INDEMNITY, Mention.EARLY_PAYMENT_DISCOUNT_TERMS);
        assertThat(check.missing()).allSatisfy(m -> assertThat(m.legalBasis()).contains("L441-9"));
        assertThat(Mention.RECOVERY_INDEMNITY.legalBasis()).contains("D441-5");
    }

    @Test
    void the_seller_siren_and_vat_number_are_tax_mentions() {
        var check = LAW.checkMentions(complete(DebtorCategory.PROFESSIONAL, "2025-03-01")
                .sellerSiren(" ").sellerVatNumber(null).build());

        assertThat(check.missing()).containsExactly(Mention.SELLER_SIREN, Mention.SELLER_VAT_NUMBER);
        assertThat(check.missing()).allSatisfy(m -> assertThat(m.legalBasis()).contains("242 nonies A"));
    }

    @Test
    void an_intra_eu_buyer_needs_its_vat_number_and_has_no_siren() {
        var check = LAW.checkMentions(complete(DebtorCategory.PROFESSIONAL, "2027-10-01")
                .intraEuSupply().buyerSiren(null).build());

        assertThat(check.missing()).containsExactly(Mention.BUYER_VAT_NUMBER);
    }

    @Test
    void the_buyer_siren_is_required_from_the_sellers_e_invoicing_start_date() {
        var withoutBuyerSiren = complete(DebtorCategory.PROFESSIONAL, "2027-09-01").buyerSiren(null);

        assertThat(LAW.checkMentions(withoutBuyerSiren.build()).missing()).containsExactly(Mention.BUYER_SIREN);
        var before = complete(DebtorCategory.PROFESSIONAL, "2027-08-31").buyerSiren(null).build();
        assertThat(LAW.checkMentions(before).isComplete()).isTrue();
        // A large or mid-size seller shows it from 1 September 2026.
        var large = complete(DebtorCategory.PROFESSIONAL, "2026-09-01").buyerSiren(null).build();
        assertThat(LAW.checkMentions(large, LocalDate.of(2026, 9, 1)).missing()).containsExactly(Mention.BUYER_SIREN);
    }

    @Test
    void consumer_invoices_do_not_need_the_b2b_commercial_mentions() {
        var consumer = InvoiceMentions.builder(DebtorCategory.CONSUMER, day("2027-10-01"))
                .invoiceNumber("F-9").partiesNamesAndAddresses()
                .sellerSiren("404833048").sellerVatNumber("FR83404833048").build();

        assertThat(LAW.checkMentions(consumer).isComplete()).isTrue();
    }

    @Test
    void missing_mentions_are_explained_with_their_legal_basis_in_french_and_english() {
        var noIndemnity = InvoiceMentions.builder(DebtorCategory.PROFESSIONAL, day("2025-03-01"))
                .invoiceNumber("F-1").partiesNamesAndAddresses().dueDate(day("2025-03-31")).penaltyRateMentioned()
                .earlyPaymentDiscountTermsMentioned().sellerSiren("404833048").sellerVatNumber("FR83404833048").build();
        var check = LAW.checkMentions(noIndemnity);

        assertThat(check.missing()).containsExactly(Mention.RECOVERY_INDEMNITY);

        assertThat(plain(check.explain(Locale.FRENCH))).contains("Mentions obligatoires manquantes",
                "indemnité forfaitaire de 40 € pour frais de recouvrement (C. com. L441-9 I ; D441-5)");
        assertThat(check.explain(Locale.ENGLISH)).contains("Missing mandatory mentions",
                "€40 fixed recovery indemnity (C. com. L441-9 I ; D441-5)");
    }
}
