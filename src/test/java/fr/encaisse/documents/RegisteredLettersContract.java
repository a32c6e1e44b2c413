package fr.encaisse.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import fr.encaisse.dunning.DunningTestSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LRAR number and the returned card of the formal notice the dunning run sent by registered letter
 * (an outbox message, not a document written here): recorded by message id, journaled, refused when
 * wrong without changing anything, and printed in the recovery dossier's delivery proofs, chronology
 * and request. The letters go to print batches when dispatched, that is today: posting and card are
 * dated today, the earliest a letter printed today can have been posted.
 */
abstract class RegisteredLettersContract extends DunningTestSupport {

    static GreenMail smtp;
    static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    /** The default scenario up to the formal notice, sent by registered letter and by email; channel:template → id per debtor. */
    Map<String, Map<String, String>> formalNoticesSent(TestTenant t, List<String> debtors) throws Exception {
        putAs(t, "/api/v1/communication/mail-settings", """
                {"host":"127.0.0.1","port":%d,"security":"NONE","fromAddress":"relances@creancier.fr","fromName":"Relances"}"""
                .formatted(smtp.getSmtp().getPort())).andExpect(status().isOk());
        for (String run : List.of("2026-03-05", "2026-03-12", "2026-03-17", "2026-04-01")) {
            run(t, run);
        }
        approveAll(t, "2026-04-01");
        postAs(t, "/api/v1/communication/dispatch", "").andExpect(status().isOk());
        Map<String, Map<String, String>> sent = new HashMap<>();
        for (int i = 0; i < 100 && sent.size() < debtors.size(); i++) {
            for (String debtor : debtors) {
                List<Map<String, Object>> messages = JsonPath.read(getAs(t, "/api/v1/communication/messages?debtorId=" + debtor)
                        .andReturn().getResponse().getContentAsString(), "$[?(@.status == 'SENT')]");
                Map<String, String> ids = new HashMap<>();
                messages.forEach(m -> ids.put(m.get("channel") + ":" + m.get("template"), (String) m.get("id")));
                if (ids.containsKey("REGISTERED_LETTER:formal-notice") && ids.containsKey("EMAIL:formal-notice")) {
                    sent.put(debtor, ids);
                }
            }
            Thread.sleep(100);
        }
        assertThat(sent).containsOnlyKeys(debtors);
        return sent;
    }

    Map<String, byte[]> dossier(TestTenant t, String debtor) throws Exception {
        String id = id(postAs(t, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER"}""").andExpect(status().isCreated()));
        return DossierContract.unzip(getAs(t, "/api/v1/documents/" + id + "/content").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
    }

    String journal(TestTenant t, String debtor) throws Exception {
        return getAs(t, "/api/v1/evidence?subjectId=" + debtor).andReturn().getResponse().getContentAsString();
    }

    List<String> lrarActions(TestTenant t, String debtor) throws Exception {
        return JsonPath.read(journal(t, debtor), "$[?(@.action =~ /registered-mail\\..*/)].action");
    }

    @Test
    void posting_and_returned_card_of_an_outbox_formal_notice_are_journaled_and_go_into_the_dossier() throws Exception {
        var t = newTenant();
        String signed = debtor(t, "LRAR-OK", "B2B", "fr", "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr");
        invoice(t, signed, "F-7001", "2026-03-02", "1200.00");
        String unclaimed = debtor(t, "LRAR-NR", "B2B", "fr", "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr");
        invoice(t, unclaimed, "F-7101", "2026-03-02", "600.00");
        var sent = formalNoticesSent(t, List.of(signed, unclaimed));
        String letter = sent.get(signed).get("REGISTERED_LETTER:formal-notice");
        String url = "/api/v1/communication/messages/" + letter;
        LocalDate today = LocalDate.now(t.tenant().timeZone());

        getAs(t, url + "/registered-mail").andExpect(status().isOk())
                .andExpect(jsonPath("$.messageId").value(letter)).andExpect(jsonPath("$.template").value("formal-notice"))
                .andExpect(jsonPath("$.letterDate").value("2026-04-01")).andExpect(jsonPath("$.trackingNumber").doesNotExist());
        assertThat(Pdfs.text(dossier(t, signed).get("06-preuves-de-distribution.pdf")))
                .contains("Numéro de suivi et date de dépôt non enregistrés", "Avis de réception non encore enregistré");

        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A 234 567 8901 2","postedOn":"%s"}""".formatted(today))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messageId").value(letter)).andExpect(jsonPath("$.debtorId").value(signed))
                .andExpect(jsonPath("$.trackingNumber").value("1A23456789012"))
                .andExpect(jsonPath("$.postedOn").value(today.toString()))
                .andExpect(jsonPath("$.acknowledgedOn").doesNotExist()).andExpect(jsonPath("$.outcome").doesNotExist());
        // The same again changes nothing; another number is a conflict.
        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A23456789012","postedOn":"%s"}""".formatted(today)).andExpect(status().isOk());
        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A99999999999","postedOn":"%s"}""".formatted(today)).andExpect(status().isConflict());
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s"}""".formatted(today))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingNumber").value("1A23456789012"))
                .andExpect(jsonPath("$.acknowledgedOn").value(today.toString()))
                .andExpect(jsonPath("$.outcome").value("DELIVERED"));
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s","outcome":"DELIVERED"}""".formatted(today)).andExpect(status().isOk());
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s","outcome":"REFUSED"}""".formatted(today)).andExpect(status().isConflict());

        // One journal entry each, naming the message, the number, the date and the hash of the letter sent.
        String journal = journal(t, signed);
        assertThat(lrarActions(t, signed)).containsExactly("registered-mail.posted", "registered-mail.acknowledged");
        String sentHash = JsonPath.read((String) JsonPath.<List<String>>read(journal,
                "$[?(@.action == 'message.sent' && @.details =~ /.*" + letter + ".*/)].details").get(0), "$.sha256");
        String posted = JsonPath.<List<String>>read(journal, "$[?(@.action == 'registered-mail.posted')].details").get(0);
        assertThat(JsonPath.<String>read(posted, "$.message")).isEqualTo(letter);
        assertThat(JsonPath.<String>read(posted, "$.trackingNumber")).isEqualTo("1A23456789012");
        assertThat(JsonPath.<String>read(posted, "$.postedOn")).isEqualTo(today.toString());
        assertThat(JsonPath.<String>read(posted, "$.sha256")).isEqualTo(sentHash);
        String acknowledged = JsonPath.<List<String>>read(journal, "$[?(@.action == 'registered-mail.acknowledged')].details").get(0);
        assertThat(JsonPath.<String>read(acknowledged, "$.outcome")).isEqualTo("DELIVERED");
        assertThat(JsonPath.<String>read(acknowledged, "$.receivedOn")).isEqualTo(today.toString());
        getAs(t, "/api/v1/evidence/verification").andExpect(jsonPath("$.breaks.length()").value(0));
        List<String> lrarHashes = JsonPath.read(journal, "$[?(@.action =~ /registered-mail\\..*/)].hash");

        String day = FR.format(today);
        Map<String, byte[]> files = dossier(t, signed);
        assertThat(Pdfs.text(files.get("06-preuves-de-distribution.pdf")))
                .contains("Mise en demeure (envoi des relances)", "Postée le " + day + " sous le n° de suivi 1A23456789012",
                        "Avis de réception signé le " + day, lrarHashes.get(0), lrarHashes.get(1))
                .doesNotContain("non enregistrés").doesNotContain("non encore enregistré");
        assertThat(Pdfs.text(files.get("05-chronologie.pdf")))
                .contains("LRAR n° 1A23456789012 postée le " + day + ", avis de réception signé le " + day,
                        lrarHashes.get(0), lrarHashes.get(1));
        assertThat(Pdfs.text(files.get("01-requete-injonction-de-payer.pdf")))
                .contains(", LRAR n° 1A23456789012, reçue le " + day + ", restée sans effet");
        assertThat(Pdfs.text(files.get("00-index.pdf"))).doesNotContain("Aucun accusé de réception")
                .doesNotContain("remise contre signature");

        // "Pli avisé non réclamé" is not a signed receipt, and no page says it is.
        String other = "/api/v1/communication/messages/" + sent.get(unclaimed).get("REGISTERED_LETTER:formal-notice");
        putAs(t, other + "/registered-mail", """
                {"trackingNumber":"1A 234 567 8902 3","postedOn":"%s"}""".formatted(today)).andExpect(status().isOk());
        putAs(t, other + "/acknowledgement", """
                {"receivedOn":"%s","outcome":"NOT_CLAIMED"}""".formatted(today))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("NOT_CLAIMED"));
        assertThat(lrarActions(t, unclaimed)).containsExactly("registered-mail.posted", "registered-mail.not-claimed");
        files = dossier(t, unclaimed);
        assertThat(Pdfs.text(files.get("06-preuves-de-distribution.pdf")))
                .contains("Pli avisé le " + day + " et non réclamé", JsonPath.<List<String>>read(journal(t, unclaimed),
                        "$[?(@.action == 'registered-mail.not-claimed')].hash").get(0))
                .doesNotContain("Avis de réception signé");
        assertThat(Pdfs.text(files.get("05-chronologie.pdf")))
                .contains("LRAR n° 1A23456789023 postée le " + day + ", pli avisé le " + day + " et non réclamé");
        assertThat(Pdfs.text(files.get("01-requete-injonction-de-payer.pdf")))
                .contains("LRAR n° 1A23456789023, présentée le " + day + " et non réclamée (pli avisé non réclamé)")
                .doesNotContain("reçue le");
        assertThat(Pdfs.text(files.get("00-index.pdf"))).contains("Aucune mise en demeure n'a été remise contre signature");
    }

    @Test
    void a_wrong_record_is_refused_naming_its_field_and_changes_nothing() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "LRAR-KO", "B2B", "fr", "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr");
        invoice(t, debtor, "F-8001", "2026-03-02", "900.00");
        Map<String, String> sent = formalNoticesSent(t, List.of(debtor)).get(debtor);
        String url = "/api/v1/communication/messages/" + sent.get("REGISTERED_LETTER:formal-notice");
        LocalDate today = LocalDate.now(t.tenant().timeZone());

        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"<b>","postedOn":"%s"}""".formatted(today))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A 234","postedOn":"%s"}""".formatted(today))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A23456789012","postedOn":"%s"}""".formatted(today.plusDays(1)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("postedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("is in the future"));
        // Before the letter's date (and the day it was printed).
        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A23456789012","postedOn":"2026-03-31"}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("postedOn"));
        // No card before the posting is recorded.
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s"}""".formatted(today)).andExpect(status().isConflict());
        // An email has no LRAR number, whatever it says.
        putAs(t, "/api/v1/communication/messages/" + sent.get("EMAIL:formal-notice") + "/registered-mail", """
                {"trackingNumber":"1A23456789012","postedOn":"%s"}""".formatted(today))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(Matchers.containsString("EMAIL")));
        // Another tenant's letter is unknown to this one.
        var intruder = newTenant();
        putAs(intruder, url + "/registered-mail", """
                {"trackingNumber":"1A23456789012","postedOn":"%s"}""".formatted(today)).andExpect(status().isNotFound());
        getAs(intruder, url + "/registered-mail").andExpect(status().isNotFound());
        assertThat(lrarActions(t, debtor)).isEmpty();
        getAs(t, url + "/registered-mail").andExpect(jsonPath("$.trackingNumber").doesNotExist());

        putAs(t, url + "/registered-mail", """
                {"trackingNumber":"1A23456789012","postedOn":"%s"}""".formatted(today)).andExpect(status().isOk());
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s"}""".formatted(today.minusDays(1)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("is before the posting date")));
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s"}""".formatted(today.plusDays(1)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        putAs(t, url + "/acknowledgement", """
                {"receivedOn":"%s","outcome":"LOST"}""".formatted(today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        putAs(t, url + "/acknowledgement", "{}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        putAs(intruder, url + "/acknowledgement", """
                {"receivedOn":"%s"}""".formatted(today)).andExpect(status().isNotFound());
        assertThat(lrarActions(t, debtor)).containsExactly("registered-mail.posted");
        getAs(t, url + "/registered-mail").andExpect(jsonPath("$.acknowledgedOn").doesNotExist())
                .andExpect(jsonPath("$.outcome").doesNotExist());
    }
}
