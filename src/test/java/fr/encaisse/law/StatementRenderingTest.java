package fr.encaisse.law;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static fr.encaisse.law.Fixtures.LAW;
import static fr.encaisse.law.Fixtures.day;
import static fr.encaisse.law.Fixtures.eur;
import static fr.encaisse.law.Fixtures.invoice;
import static fr.encaisse.law.Fixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Statements read in French and English, with amounts and legal references. */
class StatementRenderingTest {

    /** The three-half-year example of {@link WorkedExamplesTest}: interest 1 072.13, claim 6 112.13. */
    private static InvoicePenaltyStatement threeHalfYears(PenaltyTerms terms) {
        return LAW.statement(invoice("F-4", "2024-05-31", "12000.00")
                .withPayment(day("2024-09-30"), eur("4000.00"))
                .withPayment(day("2025-02-14"), eur("3000.00")), terms, day("2025-03-31"));
    }

    @Test
    void the_french_statement_shows_each_period_the_totals_and_the_articles() {
        String text = plain(threeHalfYears(PenaltyTerms.professional()).explain(Locale.FRENCH));

        assertThat(text).contains(
                "Facture F-4 — décompte au 31/03/2025",
                "Retard : 304 jours",
                "principal restant dû : 5 000,00 €",
                "du 01/06/2024 au 30/06/2024 (30 jours) : 12 000,00 € × 14,50 % × 30 / 365 = 143,0137 €",
                "taux de refinancement de la BCE au 1er janvier 2024 (4,50 %) majoré de 10 points",
                "du 15/02/2025 au 31/03/2025 (45 jours) : 5 000,00 € × 13,15 % × 45 / 365 = 81,0616 €",
                "Total des pénalités de retard (arrondi au centime) : 1 072,13 €",
                "Indemnité forfaitaire pour frais de recouvrement (C. com. L441-10 II, D441-5) : 40,00 €",
                "Total réclamé : 6 112,13 €",
                "C. com. L441-10 II");
    }

    @Test
    void the_english_statement_shows_each_period_the_totals_and_the_articles() {
        String text = threeHalfYears(PenaltyTerms.professional()).explain(Locale.ENGLISH);

        assertThat(text).contains(
                "Invoice F-4 — statement as of 2025-03-31",
                "Days late: 304",
                "principal outstanding: €5,000.00",
                "from 2024-06-01 to 2024-06-30 (30 days): €12,000.00 × 14.50% × 30 / 365 = €143.0137",
                "ECB main refinancing rate on 1 January 2024 (4.50%) plus 10 points",
                "Total late-payment interest (rounded to the cent): €1,072.13",
                "Fixed recovery indemnity (C. com. L441-10 II, D441-5): €40.00",
                "Total claimed: €6,112.13");
    }

    @Test
    void a_locale_of_france_renders_french_and_any_other_locale_english() {
        var s = threeHalfYears(PenaltyTerms.professional());

        assertThat(plain(s.explain(Locale.FRANCE))).contains("Total réclamé : 6 112,13 €");
        assertThat(s.explain(Locale.GERMAN)).contains("Total claimed: €6,112.13");
    }

    @Test
    void interest_first_allocation_is_stated_with_civil_code_1343_1() {
        // Worked example "interest first": interest 240.35, of which 154.92 paid, 85.43 outstanding.
        var s = LAW.statement(invoice("F-15", "2025-01-31", "10000.00").withPayment(day("2025-03-15"), eur("5000.00")),
                PenaltyTerms.professional().withAllocation(Allocation.INTEREST_FIRST), day("2025-04-30"));

        assertThat(plain(s.explain(Locale.FRENCH))).contains("C. civ. 1343-1", "intérêts déjà réglés 154,92 €",
                "intérêts restant dus : 85,43 €", "Total réclamé : 5 280,35 €");
        assertThat(s.explain(Locale.ENGLISH)).contains("C. civ. 1343-1", "interest already paid €154.92",
                "interest outstanding: €85.43", "Total claimed: €5,280.35");
        assertThat(s.legalReferences()).contains("C. civ. 1343-1");
    }

    @Test
    void a_consumer_statement_cites_the_formal_notice_rules_and_claims_no_indemnity() {
        var s = LAW.statement(invoice("F-5", "2025-03-31", "2000.00").withFormalNotice(day("2025-05-15")),
                PenaltyTerms.consumer(), day("2025-08-31"));
        String fr = plain(s.explain(Locale.FRENCH));
        String en = s.explain(Locale.ENGLISH);

        assertThat(fr).contains("taux légal", "C. civ. 1231-6, 1344-1", "à partir du 16/05/2025",
                "taux de l'intérêt légal du 1er semestre 2025", "2 000,00 € × 3,71 % × 46 / 365 = 9,3512 €",
                "Total des intérêts moratoires (arrondi au centime) : 18,73 €", "CPCE L111-8",
                "Total réclamé : 2 018,73 €");
        assertThat(fr).doesNotContain("D441-5");
        assertThat(en).contains("legal rate", "1344-1", "from 2025-05-16", "€18.73", "no fixed indemnity",
                "Total claimed: €2,018.73");
    }

    @Test
    void a_public_buyer_statement_cites_the_public_procurement_code() {
        var s = LAW.statement(invoice("F-8", "2025-06-15", "5000.00").withPayment(day("2025-08-14"), eur("5000.00")),
                PenaltyTerms.publicBuyer(), day("2025-08-31"));

        assertThat(plain(s.explain(Locale.FRENCH))).contains("CCP L2192-13", "R2192-31", "majoré de 8 points",
                "(CCP L2192-13, D2192-35) : 40,00 €", "Total des intérêts moratoires (arrondi au centime) : 91,64 €",
                "Total réclamé : 131,64 €");
        assertThat(s.explain(Locale.ENGLISH)).contains("R2192-31", "plus 8 points", "D2192-35", "€91.64",
                "Total claimed: €131.64");
    }

    @Test
    void a_floored_contract_rate_is_explained() {
        var s = LAW.statement(invoice("F-10", "2024-02-29", "8000.00").withPayment(day("2024-04-30"), eur("8000.00")),
                PenaltyTerms.professional().withContractRate(eur("10.00")), day("2024-04-30"));

        assertThat(plain(s.explain(Locale.FRENCH))).contains("plancher légal : 3 fois le taux d'intérêt légal du 1er semestre 2024 (5,07 %)",
                "le taux contractuel de 10,00 % étant inférieur", "15,21 %", "203,36 €");
        assertThat(s.explain(Locale.ENGLISH)).contains("legal floor: 3 times the legal interest rate of the first half of 2024 (5.07%)",
                "15.21%", "€203.36");
    }

    @Test
    void a_debtor_statement_lists_each_invoice_and_sums_up_with_references() {
        var f1 = invoice("F-1", "2025-01-31", "10000.00").withPayment(day("2025-03-15"), eur("10000.00"));
        var f17 = invoice("F-17", "2025-01-31", "1000.00").withPayment(day("2025-01-20"), eur("400.00"));
        var s = LAW.debtorStatement("ACME SAS", List.of(f1, f17, f1), PenaltyTerms.professional(), day("2025-03-15"));
        String fr = plain(s.explain(Locale.FRENCH));
        String en = s.explain(Locale.ENGLISH);

        assertThat(fr).contains("Relevé de pénalités du débiteur ACME SAS au 15/03/2025 — 2 factures",
                "Facture F-1", "Facture F-17", "comptées une seule fois", "Indemnités forfaitaires pour frais de recouvrement : 80,00 €",
                "Total réclamé : 844,22 €", "Références : C. com. L441-10 II ; C. com. L441-10 II, D441-5");
        assertThat(en).contains("Late-payment statement for debtor ACME SAS as of 2025-03-15 — 2 invoices",
                "counted once", "Fixed recovery indemnities: €80.00", "Total claimed: €844.22",
                "References: C. com. L441-10 II ; C. com. L441-10 II, D441-5");
    }
}
