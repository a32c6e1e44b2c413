package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Mandates through the REST API: lifecycle, the form to sign, bad input, expiry and tenant isolation. */
abstract class MandateContract extends SepaApiSupport {

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void a_mandate_is_created_pending_signed_amended_revoked_and_its_umr_never_reused() throws Exception {
        var t = sepaTenant();
        String debtor = debtor(t, "CLI-42", email());
        String id = id(postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"fr76 3000 6000 0112 3456 7890 189","scheme":"B2B","type":"RECURRENT"}"""
                .formatted(debtor)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.umr").value("ENC-CLI42-000001"))
                .andExpect(jsonPath("$.status").value("PENDING_SIGNATURE"))
                .andExpect(jsonPath("$.iban").value(IBAN_A))
                .andExpect(jsonPath("$.creditorId").value(ICS))
                .andExpect(jsonPath("$.debtorName").value("Client CLI-42 SAS"))
                .andExpect(jsonPath("$.debtorTown").value("Lyon"))
                .andExpect(jsonPath("$.lapsesAfter").doesNotExist()));

        postAs(t, "/api/v1/sepa/mandates/" + id + "/sign", """
                {"signedOn":"2999-01-01","place":"Lyon"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("signedOn"));
        postAs(t, "/api/v1/sepa/mandates/" + id + "/sign", """
                {"signedOn":"2025-02-03"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("place"));
        postAs(t, "/api/v1/sepa/mandates/" + id + "/sign", """
                {"signedOn":"2025-02-03","place":"Villeurbanne","signatory":"Jeanne Martin, DAF"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.signedOn").value("2025-02-03"))
                .andExpect(jsonPath("$.lapsesAfter").value("2028-02-03"));
        postAs(t, "/api/v1/sepa/mandates/" + id + "/sign", """
                {"signedOn":"2025-02-03","place":"Lyon"}""").andExpect(status().isConflict());
        deleteAs(t, "/api/v1/sepa/mandates/" + id).andExpect(status().isConflict());

        // Never collected: a new UMR is recorded, the status stays ACTIVE (nothing to announce yet).
        putAs(t, "/api/v1/sepa/mandates/" + id, """
                {"umr":"CLI42-CONTRAT-2025","reason":"contract renumbered"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.umr").value("CLI42-CONTRAT-2025"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.amendments[0].oldUmr").value("ENC-CLI42-000001"))
                .andExpect(jsonPath("$.amendments[0].newUmr").value("CLI42-CONTRAT-2025"));
        // The old UMR stays taken.
        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s","umr":"ENC-CLI42-000001"}""".formatted(debtor, IBAN_B))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("umr"));

        postAs(t, "/api/v1/sepa/mandates/" + id + "/revoke", """
                {"reason":"customer request by letter","on":"2025-09-01"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.statusChangedOn").value("2025-09-01"));
        putAs(t, "/api/v1/sepa/mandates/" + id, """
                {"iban":"%s"}""".formatted(IBAN_B)).andExpect(status().isConflict());

        String pending = mandate(t, debtor, IBAN_B);
        String pendingUmr = json(getAs(t, "/api/v1/sepa/mandates/" + pending), "$.umr");
        assertThat(pendingUmr).isEqualTo("ENC-CLI42-000002");
        deleteAs(t, "/api/v1/sepa/mandates/" + pending).andExpect(status().isNoContent());
        getAs(t, "/api/v1/sepa/mandates/" + pending).andExpect(status().isNotFound());
        assertThat(json(getAs(t, "/api/v1/sepa/mandates/" + mandate(t, debtor, IBAN_B)), "$.umr").toString())
                .as("a deleted mandate's UMR is not given again").isEqualTo("ENC-CLI42-000003");
        getAs(t, "/api/v1/sepa/mandates?debtorId=" + debtor + "&status=REVOKED").andExpect(jsonPath("$.length()").value(1));

        String evidence = getAs(t, "/api/v1/evidence?subjectId=" + id).andReturn().getResponse().getContentAsString();
        assertThat(evidence).contains("sepa.mandate.created", "sepa.mandate.signed", "sepa.mandate.amended",
                "sepa.mandate.revoked");
    }

    @Test
    void the_form_to_sign_carries_the_mandatory_wording_umr_and_ics_in_french_and_english() throws Exception {
        var t = sepaTenant();
        String debtor = debtor(t, "PDF-1", email());
        String core = mandate(t, debtor, IBAN_A);
        String umr = json(getAs(t, "/api/v1/sepa/mandates/" + core), "$.umr");

        byte[] fr = getAs(t, "/api/v1/sepa/mandates/" + core + "/pdf?language=fr").andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(fr)).contains("Mandat de prélèvement SEPA", "En signant ce formulaire de mandat, vous autorisez (A)",
                "remboursé par votre banque", "8 semaines", umr, ICS, "FR76 3000 6000 0112 3456 7890 189",
                "Paiement récurrent", "Client PDF-1 SAS", "Fait à");
        byte[] en = getAs(t, "/api/v1/sepa/mandates/" + core + "/pdf?language=en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(en)).contains("SEPA Direct Debit Mandate", "By signing this mandate form, you authorise (A)",
                "entitled to a refund", "8 weeks", umr, ICS, "Creditor identifier");

        String b2b = id(postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s","scheme":"B2B","type":"ONE_OFF"}""".formatted(debtor, IBAN_B))
                .andExpect(status().isCreated()));
        postAs(t, "/api/v1/sepa/mandates/" + b2b + "/sign", """
                {"signedOn":"2025-03-14","place":"Saint-Étienne"}""").andExpect(status().isOk());
        String b2bText = pdfText(getAs(t, "/api/v1/sepa/mandates/" + b2b + "/pdf?language=en")
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(b2bText).contains("SEPA Business-to-Business Direct Debit Mandate", "only intended for business-to-business",
                "not entitled to a refund", "One-off payment", "Saint-Étienne", "14 March 2025");
        assertThat(pdfText(getAs(t, "/api/v1/sepa/mandates/" + b2b + "/pdf").andReturn().getResponse().getContentAsByteArray()))
                .as("default: the debtor's language").contains("Mandat de prélèvement SEPA interentreprises");
        getAs(t, "/api/v1/sepa/mandates/" + b2b + "/pdf?language=de").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_changes() throws Exception {
        var t = sepaTenant();
        String debtor = debtor(t, "BAD-1", email());

        putAs(t, "/api/v1/sepa/settings", """
                {"creditorId":"FR00ZZZ123456","umrPrefix":"ENC","prenotificationDays":14,"representationDelayDays":10,
                 "bankCutOffDays":0,"planningHorizonDays":30,"firstCollectionAsFrst":true}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("creditorId"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("check digits")));
        putAs(t, "/api/v1/sepa/settings", """
                {"creditorId":"FR72ZZZ123456","umrPrefix":"enc-","prenotificationDays":0,"representationDelayDays":10,
                 "bankCutOffDays":0,"planningHorizonDays":30,"firstCollectionAsFrst":true}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("umrPrefix", "prenotificationDays")));
        getAs(t, "/api/v1/sepa/settings").andExpect(jsonPath("$.creditorId").value(ICS))
                .andExpect(jsonPath("$.prenotificationDays").value(14));

        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"FR7630006000011234567890188"}""".formatted(debtor))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("iban"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("1234567890188"))));
        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s","umr":"ÉTÉ//2025"}""".formatted(debtor, IBAN_A))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("umr"));
        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"CH9300762011623852957"}""".formatted(debtor))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("bic"));
        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s","bic":"NOTABIC"}""".formatted(debtor, IBAN_A))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("bic"));
        String consumer = debtor(t, "B2C-1", email(), "B2C", "fr");
        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s","scheme":"B2B"}""".formatted(consumer, IBAN_A))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scheme"));

        var other = sepaTenant();
        String theirs = debtor(other, "THEIRS", email());
        postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s"}""".formatted(theirs, IBAN_A))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("debtorId"));
        getAs(t, "/api/v1/sepa/mandates").andExpect(jsonPath("$.length()").value(0));
        getAs(other, "/api/v1/sepa/mandates").andExpect(jsonPath("$.length()").value(0));

        // A status report on a file this creditor never sent: refused, nothing stored (so not "already imported").
        byte[] report = filled("/fr/encaisse/sepa/pain002-v03-partial.xml", Map.of());
        for (int i = 0; i < 2; i++) {
            upload(t, "status.xml", report, "2025-05-21").andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("OrgnlMsgId"))
                    .andExpect(jsonPath("$.errors[0].value").value("ENC-SDD-20250519-000001"));
        }
        upload(t, "notes.txt", "hello".getBytes(), "2025-05-21").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(t, "broken.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><Cstmr".getBytes(),
                "2025-05-21").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        getAs(t, "/api/v1/sepa/returns").andExpect(jsonPath("$.length()").value(0));

        // Without a creditor identifier nothing can start.
        var bare = newTenant();
        String d = debtor(bare, "BARE", email());
        postAs(bare, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s"}""".formatted(d, IBAN_A)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("/api/v1/sepa/settings")));
    }

    @Test
    void another_tenants_mandates_collections_and_batches_are_not_found() throws Exception {
        var t = sepaTenant();
        String debtor = debtor(t, "ISO-1", email());
        String mandate = signedMandate(t, debtor, IBAN_A);
        String invoice = invoice(t, debtor, "F-ISO-1", "2025-06-02", "75.00");
        run(t, "2025-05-19");
        String collection = (String) collection(t, invoice).get("id");
        String batch = batch(t, "2025-05-19", PainVersion.V08);
        String messageId = json(getAs(t, "/api/v1/sepa/batches/" + batch), "$.messageId");

        var intruder = sepaTenant();
        getAs(intruder, "/api/v1/sepa/mandates/" + mandate).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/sepa/mandates/" + mandate + "/pdf").andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/sepa/mandates/" + mandate, "{\"iban\":\"" + IBAN_B + "\"}").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/sepa/mandates/" + mandate + "/revoke", "{}").andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/sepa/mandates/" + mandate).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/sepa/collections/" + collection).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/sepa/collections/" + collection + "/cancel", "{}").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/sepa/collections/" + collection + "/notices").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/sepa/batches/" + batch).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/sepa/batches/" + batch + "/file").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/sepa/batches/" + batch + "/submit", "{}").andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/sepa/batches/" + batch).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/sepa/mandates").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/sepa/collections").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/sepa/batches").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/sepa/notices").andExpect(jsonPath("$.length()").value(0));
        // Its own run sees nothing of the other tenant's.
        assertThat(run(intruder, "2025-05-19")).containsEntry("planned", 0).containsEntry("prenotified", 0);
        // A status report naming the other tenant's file is an unknown message.
        byte[] report = new String(filled("/fr/encaisse/sepa/pain002-v10-group-rejected.xml", Map.of()), StandardCharsets.UTF_8)
                .replace("ENC-SDD-20250519-000002", messageId).getBytes(StandardCharsets.UTF_8);
        upload(intruder, "status.xml", report, "2025-05-20").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("OrgnlMsgId"));

        // The owner is untouched, and may discard its own batch.
        getAs(t, "/api/v1/sepa/mandates/" + mandate).andExpect(jsonPath("$.status").value("ACTIVE"));
        deleteAs(t, "/api/v1/sepa/batches/" + batch).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISCARDED"));
        assertThat(collection(t, invoice)).containsEntry("status", "NOTIFIED").containsEntry("batchId", null);
    }

    @Test
    void a_mandate_36_months_without_a_collection_expires_and_its_planned_collection_is_dropped() throws Exception {
        var t = sepaTenant();
        String debtor = debtor(t, "OLD-1", email());
        String id = mandate(t, debtor, IBAN_A);
        postAs(t, "/api/v1/sepa/mandates/" + id + "/sign", """
                {"signedOn":"2021-01-04","place":"Lyon"}""").andExpect(status().isOk());
        String december = invoice(t, debtor, "F-OLD-1", "2023-12-20", "60.00");
        String january = invoice(t, debtor, "F-OLD-2", "2024-01-20", "70.00");
        assertThat(run(t, "2023-12-01")).containsEntry("mandatesExpired", 0).containsEntry("planned", 1);
        postAs(t, "/api/v1/sepa/collections/plan", """
                {"asOf":"2024-01-03"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.planned.length()").value(0))
                .andExpect(jsonPath("$.skipped[0].invoiceId").value(january))
                .andExpect(jsonPath("$.skipped[0].reason").value(Matchers.containsString("lapses on 2024-01-04")));
        assertThat(run(t, "2024-01-05")).containsEntry("mandatesExpired", 1);
        getAs(t, "/api/v1/sepa/mandates/" + id).andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.statusReason").value(Matchers.containsString("2021-01-04")));
        assertThat(collection(t, december)).containsEntry("status", "CANCELLED");
        assertThat(paused(t, december, "2024-01-05")).isFalse();
    }
}
