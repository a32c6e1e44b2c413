package fr.encaisse.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Reminders and the formal notice, read back from the PDF: the debtor, every invoice, the amounts
 * to the cent, the deadline, where the address falls, and the registered-mail record.
 *
 * <p>Amounts (2026-S1: ECB 2.15 % + 10 = 12.15 %, ACT/365), as of 15/05/2026:
 * F-A 1,200.00 due 31/03/2026, 45 late days: 1,200 × 12.15 % × 45/365 = 17.9753 → 17.98;
 * F-B 2,500.00 due 28/02/2026, 76 late days: 2,500 × 12.15 % × 76/365 = 63.2466 → 63.25;
 * interest 81.23, indemnities 2 × 40 = 80.00, total 3,700.00 + 81.23 + 80.00 = 3,861.23.
 */
abstract class LettersContract extends DocumentsTestSupport {

    static final String TRICKY_NAME = "<script>alert('x')</script> & Fils <b>SARL</b>";

    @Test
    void the_formal_notice_states_every_invoice_the_amounts_to_the_cent_and_the_deadline() throws Exception {
        var t = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(t, "C-MED", "Client Retard SAS", "fr");
        var created = postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"FORMAL_NOTICE","date":"2026-05-15"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/documents/")))
                .andExpect(jsonPath("$.kind").value("FORMAL_NOTICE"))
                .andExpect(jsonPath("$.deadline").value("2026-05-23"))
                .andExpect(jsonPath("$.amountClaimed").value(3861.23))
                .andExpect(jsonPath("$.registeredMail.trackingNumber").doesNotExist())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"));
        String id = id(created);
        String hash = json(created, "$.sha256");
        byte[] pdf = getAs(t, "/api/v1/documents/" + id + "/content").andExpect(status().isOk())
                .andExpect(header().string("X-Content-SHA256", hash))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(sha256(pdf)).isEqualTo(hash);

        String text = Pdfs.text(pdf);
        assertThat(text).contains("MISE EN DEMEURE", "article 1344 du Code civil", "Client Retard SAS", "F-A", "F-B",
                "1 200,00 €", "2 500,00 €", "17,98 €", "63,25 €", "81,23 €", "80,00 €", "3 861,23 €",
                "au plus tard le 23/05/2026", "dans un délai de 8 jours", "Lettre recommandée avec demande d'avis de réception",
                "injonction de payer", "L441-10", "D441-5", "15 mai 2026", "Cde PO-77");
        // interest per period: F-B 76 days at 12,15 % on 2 500,00 €
        assertThat(text).contains("12,15 %").contains("63,2466").contains("17,9753");
        assertThat(text).contains("1 / " + Pdfs.pages(pdf));
        assertThat(Pdfs.fontsNotEmbedded(pdf)).isEmpty();
        assertThat(Pdfs.xmp(pdf)).contains("pdfaid").contains("3");

        // The recipient block sits in the window of a DL/C5 envelope: 100 x 45 mm, 20 mm from the right, 50 mm from the top.
        double[] at = Pdfs.positionOnFirstPage(pdf, "Client Retard SAS");
        assertThat(at).isNotNull();
        assertThat(at[0]).isBetween(90.0, 190.0 - 40);
        assertThat(at[1]).isBetween(50.0, 95.0);

        getAs(t, "/api/v1/evidence?subjectId=" + debtor)
                .andExpect(jsonPath("$[?(@.action == 'document.generated')].details", Matchers.hasSize(1)))
                .andExpect(jsonPath("$[?(@.action == 'document.generated')].details",
                        Matchers.contains(Matchers.containsString(hash))));
        getAs(t, "/api/v1/debtors/" + debtor + "/documents").andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void reminders_come_in_the_debtors_language_and_the_second_cites_the_first() throws Exception {
        var t = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(t, "C-EN", "British Buyer Ltd", "en");
        String first = id(postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15"}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.language").value("en")).andExpect(jsonPath("$.deadline").doesNotExist()));
        String text = Pdfs.text(content(t, first));
        assertThat(text).contains("British Buyer Ltd", "F-A", "F-B", "€1,200.00", "€2,500.00", "€17.98", "€63.25", "€81.23",
                "€80.00", "€3,861.23", "Subject: overdue invoices", "as soon as possible", "15 May 2026");
        String firstReference = json(getAs(t, "/api/v1/documents/" + first), "$.reference");

        String second = id(postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_2","date":"2026-05-20","language":"fr","deadlineDays":10}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadline").value("2026-05-30")));
        text = Pdfs.text(content(t, second));
        // 5 more days: F-A 50 days = 19.9726 → 19.97; F-B 81 days = 67.4075 → 67.41; total 3,700 + 87.38 + 80 = 3,867.38
        assertThat(text).contains("deuxième relance", "British Buyer Ltd", firstReference, "15/05/2026", "30/05/2026",
                "19,97 €", "67,41 €", "3 867,38 €");
    }

    @Test
    void markup_in_a_debtor_name_is_printed_as_text() throws Exception {
        var t = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(t, "C-XSS", TRICKY_NAME, "fr");
        String letter = id(postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15"}""").andExpect(status().isCreated()));
        byte[] pdf = content(t, letter);
        assertThat(Pdfs.text(pdf)).contains(TRICKY_NAME).contains("3 861,23 €");
        assertThat(Pdfs.positionOnFirstPage(pdf, "<script>alert('x')</script>")).isNotNull();
    }

    @Test
    void without_published_rates_for_a_half_year_interest_stops_at_its_start_and_the_letter_says_so() throws Exception {
        // 2026-S2 is not in the rate table (docs/law.md): interest is counted to 30/06/2026 only.
        // F-A: 1 Apr–30 Jun, 91 days: 1,200 × 12.15 % × 91/365 = 36.3501 → 36.35; F-B: 1 Mar–30 Jun, 122 days:
        // 2,500 × 12.15 % × 122/365 = 101.5274 → 101.53; total 3,700 + 137.88 + 80 = 3,917.88.
        var t = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(t, "C-S2", "Client Semestre SAS", "fr");
        var created = postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"FORMAL_NOTICE","date":"2026-11-20"}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountClaimed").value(3917.88));
        String text = Pdfs.text(content(t, id(created)));
        assertThat(text).contains("2026-S2", "ne sont pas encore publiés", "30/06/2026", "36,35 €", "101,53 €", "137,88 €",
                "3 917,88 €", "28/11/2026");
    }

    @Test
    void a_formal_notice_records_its_posting_and_acknowledgement_of_receipt_in_the_journal() throws Exception {
        var t = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(t, "C-AR", "Client Recommandé SAS", "fr");
        String notice = id(postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"FORMAL_NOTICE","date":"2026-05-15"}""").andExpect(status().isCreated()));
        putAs(t, "/api/v1/documents/" + notice + "/acknowledgement", """
                {"receivedOn":"2026-05-18"}""").andExpect(status().isConflict());
        putAs(t, "/api/v1/documents/" + notice + "/registered-mail", """
                {"trackingNumber":"1A 123 456 7890 1","postedOn":"2026-05-14"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("postedOn"));
        putAs(t, "/api/v1/documents/" + notice + "/registered-mail", """
                {"trackingNumber":"<b>","postedOn":"2026-05-15"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        putAs(t, "/api/v1/documents/" + notice + "/registered-mail", """
                {"trackingNumber":"1A 123 456 7890 1","postedOn":"2026-05-15"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registeredMail.trackingNumber").value("1A12345678901"))
                .andExpect(jsonPath("$.registeredMail.postedOn").value("2026-05-15"));
        putAs(t, "/api/v1/documents/" + notice + "/acknowledgement", """
                {"receivedOn":"2026-05-18"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registeredMail.acknowledgedOn").value("2026-05-18"));
        putAs(t, "/api/v1/documents/" + notice + "/acknowledgement", """
                {"receivedOn":"2026-05-19"}""").andExpect(status().isConflict());

        String journal = getAs(t, "/api/v1/evidence?subjectId=" + debtor).andReturn().getResponse().getContentAsString();
        List<String> actions = JsonPath.read(journal, "$[*].action");
        assertThat(actions).containsSubsequence("document.generated", "registered-mail.posted", "registered-mail.acknowledged");
        List<Map<String, Object>> acks = JsonPath.read(journal, "$[?(@.action == 'registered-mail.acknowledged')]");
        assertThat((String) acks.get(0).get("details")).contains(notice).contains("2026-05-18").contains("1A12345678901");
        getAs(t, "/api/v1/evidence/verification").andExpect(jsonPath("$.breaks.length()").value(0));
    }

    @Test
    void a_letter_needs_something_overdue_a_past_date_and_a_letter_kind() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C-OK");
        createInvoice(t, debtor, "F-LATER", "2026-12-31", "100.00");
        postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nothing to claim")));
        postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2999-01-01"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"RECOVERY_DOSSIER"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15","language":"de"}""").andExpect(status().isUnprocessableContent());
    }

    @Test
    void letters_and_documents_of_another_tenant_do_not_exist() throws Exception {
        var owner = newTenant();
        var intruder = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(owner, "C-SECRET", "Client Secret SAS", "fr");
        String notice = id(postAs(owner, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"FORMAL_NOTICE","date":"2026-05-15"}""").andExpect(status().isCreated()));
        getAs(intruder, "/api/v1/documents/" + notice).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/documents/" + notice + "/content").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/debtors/" + debtor + "/documents").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15"}""").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-05-15"}""").andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/documents/" + notice + "/registered-mail", """
                {"trackingNumber":"1A12345678901","postedOn":"2026-05-15"}""").andExpect(status().isNotFound());
        String invoice = json(getAs(owner, "/api/v1/invoices?debtorId=" + debtor), "$.items[0].id");
        getAs(intruder, "/api/v1/invoices/" + invoice + "/facturx").andExpect(status().isNotFound());
        getAs(owner, "/api/v1/documents/" + notice).andExpect(status().isOk());
    }
}
