package fr.encaisse.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.encaisse.tenancy.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The judicial recovery dossier: one ZIP with the request (or the small-claims cover letter), the
 * invoices, the terms of sale, the letters as sent, the chronology of the evidence journal, the
 * delivery proofs and an index.
 *
 * <p>Amounts as of 29/05/2026 (12.15 %, ACT/365): F-A 59 days → 23.5677 → 23.57; F-B 90 days →
 * 74.8973 → 74.90; interest 98.47; indemnities 80.00; total 3,878.47; with 35.00 costs 3,913.47.
 */
abstract class DossierContract extends DocumentsTestSupport {

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] onePagePdf() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    String letter(TestTenant t, String debtor, String kind, String date) throws Exception {
        return id(postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"%s","date":"%s"}""".formatted(kind, date)).andExpect(status().isCreated()));
    }

    @Test
    void the_injonction_dossier_holds_the_request_invoices_terms_letters_journal_proofs_and_index() throws Exception {
        var t = newTenant(Role.ADMIN);
        byte[] terms = onePagePdf();
        mvc.perform(put("/api/v1/document-settings/terms-of-sale").header("X-API-Key", t.apiKey())
                .contentType(MediaType.APPLICATION_PDF).content(terms)).andExpect(status().isNoContent());
        String debtor = debtorWithTwoOverdueInvoices(t, "C-INJ", "Client Judiciaire SARL", "fr");
        String r1 = letter(t, debtor, "REMINDER_1", "2026-04-15");
        String r2 = letter(t, debtor, "REMINDER_2", "2026-04-30");
        String notice = letter(t, debtor, "FORMAL_NOTICE", "2026-05-15");
        putAs(t, "/api/v1/documents/" + notice + "/registered-mail", """
                {"trackingNumber":"1A 987 654 3210 9","postedOn":"2026-05-15"}""").andExpect(status().isOk());
        putAs(t, "/api/v1/documents/" + notice + "/acknowledgement", """
                {"receivedOn":"2026-05-18"}""").andExpect(status().isOk());

        var created = postAs(t, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-05-29","costs":35.00,"costsDescription":"Frais de greffe"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("RECOVERY_DOSSIER"))
                .andExpect(jsonPath("$.mediaType").value("application/zip"))
                .andExpect(jsonPath("$.amountClaimed").value(3913.47));
        byte[] zip = content(t, id(created));
        assertThat(sha256(zip)).isEqualTo(json(created, "$.sha256"));
        Map<String, byte[]> files = unzip(zip);

        String r1Ref = json(getAs(t, "/api/v1/documents/" + r1), "$.reference");
        String r2Ref = json(getAs(t, "/api/v1/documents/" + r2), "$.reference");
        String noticeRef = json(getAs(t, "/api/v1/documents/" + notice), "$.reference");
        assertThat(files.keySet()).containsExactly(
                "00-index.pdf", "01-requete-injonction-de-payer.pdf", "02-factures/F-A.pdf", "02-factures/F-B.pdf",
                "03-conditions-de-paiement.pdf", "03-conditions-generales-de-vente.pdf",
                "04-relances/2026-04-15_" + r1Ref + ".pdf", "04-relances/2026-04-30_" + r2Ref + ".pdf",
                "04-relances/2026-05-15_" + noticeRef + ".pdf", "05-chronologie.csv", "05-chronologie.pdf",
                "06-preuves-de-distribution.pdf", "manifest-sha256.txt");

        // The letters are the very documents sent, the terms the ones configured.
        assertThat(sha256(files.get("04-relances/2026-05-15_" + noticeRef + ".pdf"))).isEqualTo(json(getAs(t, "/api/v1/documents/" + notice), "$.sha256"));
        assertThat(files.get("03-conditions-generales-de-vente.pdf")).isEqualTo(terms);
        // Every file is listed in the manifest with its SHA-256.
        String manifest = new String(files.get("manifest-sha256.txt"), StandardCharsets.UTF_8);
        for (var e : files.entrySet()) {
            if (!e.getKey().equals("manifest-sha256.txt")) {
                assertThat(manifest).contains(sha256(e.getValue()) + "  " + e.getKey());
            }
        }

        String request = Pdfs.text(files.get("01-requete-injonction-de-payer.pdf"));
        assertThat(request).contains("REQUÊTE EN INJONCTION DE PAYER", "tribunal de commerce", "LYON",
                "Client Judiciaire SARL", "SARL", "404833048", "2 rue Neuve", "732829320", "F-A", "F-B",
                "3 700,00 €", "98,47 €", "80,00 €", "Frais de greffe", "35,00 €", "3 913,47 €",
                "Mise en demeure du 15/05/2026", "LRAR n° 1A98765432109", "reçue le 18/05/2026", "L441-10",
                "Bordereau des pièces", "03-conditions-generales-de-vente.pdf", "06-preuves-de-distribution.pdf");
        assertThat(Pdfs.text(files.get("02-factures/F-A.pdf"))).contains("FACTURE N° F-A", "1 200,00 €");
        assertThat(Pdfs.text(files.get("06-preuves-de-distribution.pdf"))).contains("1A98765432109", "15/05/2026", "18/05/2026", noticeRef);
        String index = Pdfs.text(files.get("00-index.pdf"));
        assertThat(index).contains("Client Judiciaire SARL", "3 913,47 €", "02-factures/F-B.pdf",
                sha256(files.get("02-factures/F-B.pdf")));
        for (String file : files.keySet()) {
            if (file.endsWith(".pdf")) {
                assertThat(Pdfs.fontsNotEmbedded(files.get(file))).as(file).isEmpty();
            }
        }

        // The chronology is the evidence journal about the debtor and the claimed invoices, entry for entry.
        List<Map<String, Object>> journal = new ArrayList<>();
        journal.addAll(JsonPath.read(getAs(t, "/api/v1/evidence?subjectId=" + debtor).andReturn().getResponse().getContentAsString(), "$"));
        List<String> invoices = JsonPath.read(getAs(t, "/api/v1/invoices?debtorId=" + debtor).andReturn().getResponse()
                .getContentAsString(), "$.items[*].id");
        for (String invoice : invoices) {
            journal.addAll(JsonPath.read(getAs(t, "/api/v1/evidence?subjectId=" + invoice).andReturn().getResponse().getContentAsString(), "$"));
        }
        journal.sort(Comparator.comparingLong(e -> ((Number) e.get("position")).longValue()));
        // The dossier's own entry comes after it.
        journal.removeIf(e -> String.valueOf(e.get("details")).contains("RECOVERY_DOSSIER"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(files.get("05-chronologie.csv"), StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(journal.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Map<String, Object> entry = journal.get(i);
            assertThat(Long.parseLong(row.get("position"))).isEqualTo(((Number) entry.get("position")).longValue());
            assertThat(row.get("action")).isEqualTo(entry.get("action"));
            assertThat(row.get("details")).isEqualTo(entry.get("details"));
            assertThat(row.get("previous_hash")).isEqualTo(entry.get("previousHash"));
            assertThat(row.get("hash")).isEqualTo(entry.get("hash"));
            assertThat(row.get("subject_id")).isEqualTo(entry.get("subjectId"));
        }
        assertThat(rows.stream().map(r -> r.get("action")).toList()).contains("invoice.issued", "document.generated",
                "registered-mail.posted", "registered-mail.acknowledged");
        String chronology = Pdfs.text(files.get("05-chronologie.pdf"));
        for (Map<String, Object> entry : journal) {
            assertThat(chronology).contains((String) entry.get("hash"));
        }
        assertThat(chronology).contains(r1Ref, r2Ref, noticeRef);

        getAs(t, "/api/v1/evidence?subjectId=" + debtor)
                .andExpect(jsonPath("$[-1].action").value("document.generated"))
                .andExpect(jsonPath("$[-1].details").value(Matchers.containsString(json(created, "$.sha256"))));
    }

    @Test
    void the_small_claims_dossier_has_its_own_cover_letter_and_a_ceiling() throws Exception {
        var t = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(t, "C-PC", "Petit Client SAS", "fr");
        letter(t, debtor, "FORMAL_NOTICE", "2026-05-15");
        var created = postAs(t, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"SMALL_CLAIMS","date":"2026-05-29","commissaireDeJustice":"Maître Huissier\\n3 place Bellecour\\n69002 Lyon"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.amountClaimed").value(3878.47));
        Map<String, byte[]> files = unzip(content(t, id(created)));
        assertThat(files).containsKey("01-lettre-commissaire-de-justice.pdf").doesNotContainKey("01-requete-injonction-de-payer.pdf");
        assertThat(files).containsKeys("00-index.pdf", "02-factures/F-A.pdf", "02-factures/F-B.pdf", "03-conditions-de-paiement.pdf",
                "05-chronologie.pdf", "05-chronologie.csv", "06-preuves-de-distribution.pdf", "manifest-sha256.txt");
        byte[] cover = files.get("01-lettre-commissaire-de-justice.pdf");
        assertThat(Pdfs.text(cover)).contains("L125-1", "Petit Client SAS", "3 798,47 €", "3 878,47 €", "F-A", "F-B");
        double[] at = Pdfs.positionOnFirstPage(cover, "Maître Huissier");
        assertThat(at).isNotNull();
        assertThat(at[1]).isBetween(50.0, 95.0);

        // Above €5,000 in principal and interest the procedure is not available.
        createInvoice(t, debtor, "F-BIG", "2026-03-01", "2000.00");
        postAs(t, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"SMALL_CLAIMS","date":"2026-05-29"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("5000.00")));
    }

    @Test
    void a_consumer_goes_to_the_tribunal_judiciaire_and_a_public_buyer_to_no_injonction() throws Exception {
        var t = newTenant();
        String consumer = debtorWithTwoOverdueInvoices(t, "C-B2C", "Jeanne Martin", "fr", "B2C");
        var created = postAs(t, "/api/v1/debtors/" + consumer + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-05-29"}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountClaimed").value(3700.00));
        String request = Pdfs.text(unzip(content(t, id(created))).get("01-requete-injonction-de-payer.pdf"));
        assertThat(request).contains("tribunal judiciaire", "12948", "Jeanne Martin", "3 700,00 €");

        var other = newTenant();
        String publicBuyer = debtorWithTwoOverdueInvoices(other, "C-PUB", "Mairie de Lyon", "fr", "PUBLIC");
        postAs(other, "/api/v1/debtors/" + publicBuyer + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-05-29"}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("public")));
        postAs(other, "/api/v1/debtors/" + publicBuyer + "/recovery-dossier", """
                {"date":"2026-05-29"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("procedure"));
    }
}
