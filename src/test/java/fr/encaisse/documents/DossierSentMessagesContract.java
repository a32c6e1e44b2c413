package fr.encaisse.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import fr.encaisse.dunning.DunningTestSupport;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recovery dossier holds what the dunning run really sent: the default scenario is run up to the
 * formal notice (emails to a real SMTP server, GreenMail; letters to print batches), then the dossier
 * must carry each email as its .eml and each letter as its PDF, byte for byte what the evidence
 * journal hashed — and refuse to be assembled once a stored content no longer matches the journal.
 */
abstract class DossierSentMessagesContract extends DunningTestSupport {

    static GreenMail smtp;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    void dispatch(TestTenant t) throws Exception {
        postAs(t, "/api/v1/communication/dispatch", "").andExpect(status().isOk());
        for (int i = 0; i < 100; i++) {
            List<String> busy = JsonPath.read(getAs(t, "/api/v1/communication/messages?limit=500").andReturn().getResponse()
                    .getContentAsString(), "$[?(@.status == 'QUEUED' || @.status == 'SENDING')].id");
            if (busy.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("messages still queued");
    }

    byte[] dossier(TestTenant t, String debtor) throws Exception {
        String id = id(postAs(t, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-04-15"}""").andExpect(status().isCreated()));
        return getAs(t, "/api/v1/documents/" + id + "/content").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    /** message id → its {@code message.sent} journal entry: the SHA-256 recorded and the entry's position. */
    Map<String, Map<String, Object>> journal(TestTenant t, String debtor) throws Exception {
        List<Map<String, Object>> entries = JsonPath.read(getAs(t, "/api/v1/evidence?subjectId=" + debtor).andReturn().getResponse()
                .getContentAsString(), "$[?(@.action == 'message.sent')]");
        Map<String, Map<String, Object>> byMessage = new HashMap<>();
        for (Map<String, Object> e : entries) {
            String details = (String) e.get("details");
            byMessage.put(JsonPath.read(details, "$.message"), Map.of("sha256", JsonPath.read(details, "$.sha256"),
                    "position", ((Number) e.get("position")).longValue()));
        }
        return byMessage;
    }

    /** channel:template → message id, for the debtor's sent messages. */
    Map<String, String> sentMessages(TestTenant t, String debtor) throws Exception {
        List<Map<String, Object>> messages = JsonPath.read(getAs(t, "/api/v1/communication/messages?debtorId=" + debtor)
                .andReturn().getResponse().getContentAsString(), "$[?(@.status == 'SENT')]");
        Map<String, String> ids = new HashMap<>();
        messages.forEach(m -> ids.put(m.get("channel") + ":" + m.get("template"), (String) m.get("id")));
        return ids;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void the_dossier_holds_the_emails_and_letters_the_dunning_run_sent_as_the_journal_hashed_them() throws Exception {
        var t = newTenant();
        putAs(t, "/api/v1/communication/mail-settings", """
                {"host":"127.0.0.1","port":%d,"security":"NONE","fromAddress":"relances@creancier.fr","fromName":"Relances"}"""
                .formatted(smtp.getSmtp().getPort())).andExpect(status().isOk());
        String address = "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr";
        String debtor = debtor(t, "DOS-MSG", "B2B", "fr", address);
        invoice(t, debtor, "F-5001", "2026-03-02", "1200.00");
        invoice(t, debtor, "F-5002", "2026-03-02", "480.00");

        // Default scenario: reminder email (D+3), call (D+10), penalty letter (D+15), formal notice (D+30) once approved.
        run(t, "2026-03-05");
        dispatch(t);
        run(t, "2026-03-12");
        run(t, "2026-03-17");
        run(t, "2026-04-01");
        approveAll(t, "2026-04-01");
        dispatch(t);
        Map<String, String> sent = sentMessages(t, debtor);
        assertThat(sent).containsOnlyKeys("EMAIL:reminder", "CALL_TASK:call", "LETTER:penalty-letter",
                "REGISTERED_LETTER:formal-notice", "EMAIL:formal-notice");

        // Another tenant's message naming the same debtor id (a row no API could write) never enters the dossier.
        var other = newTenant();
        jdbc.update("""
                INSERT INTO outbox_message (id, tenant_id, debtor_id, channel, template, invoice_ids, list_overdue, as_of,
                    attach_letter, source_type, source_id, status, attempts, next_attempt_at, recipient, content, content_type,
                    content_sha256, created_at, sent_at)
                SELECT ?, ?, debtor_id, channel, template, invoice_ids, list_overdue, as_of, attach_letter, source_type, source_id,
                    status, attempts, next_attempt_at, recipient, content, content_type, content_sha256, created_at, sent_at
                FROM outbox_message WHERE id = ?""", UUID.randomUUID(), other.id(), UUID.fromString(sent.get("REGISTERED_LETTER:formal-notice")));
        postAs(other, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-04-15"}""").andExpect(status().isNotFound());

        Map<String, byte[]> files = DossierContract.unzip(dossier(t, debtor));
        String reminder = "04-relances/2026-03-05_EMAIL_relance.eml";
        String penaltyLetter = "04-relances/2026-03-17_LETTRE_lettre-penalites.pdf";
        String notice = "04-relances/2026-04-01_LRAR_mise-en-demeure.pdf";
        String noticeEmail = "04-relances/2026-04-01_EMAIL_mise-en-demeure.eml";
        assertThat(files.keySet().stream().filter(f -> f.startsWith("04-relances/")).toList())
                .containsExactly(reminder, penaltyLetter, noticeEmail, notice);

        // Each file is the exact content the journal hashed when it was sent, and the manifest says so too.
        Map<String, Map<String, Object>> journal = journal(t, debtor);
        String manifest = new String(files.get("manifest-sha256.txt"), StandardCharsets.UTF_8);
        Map<String, String> fileOf = Map.of(reminder, "EMAIL:reminder", penaltyLetter, "LETTER:penalty-letter",
                notice, "REGISTERED_LETTER:formal-notice", noticeEmail, "EMAIL:formal-notice");
        for (var e : fileOf.entrySet()) {
            String hash = sha256(files.get(e.getKey()));
            assertThat(hash).as(e.getKey()).isEqualTo(journal.get(sent.get(e.getValue())).get("sha256"));
            assertThat(manifest).contains(hash + "  " + e.getKey());
        }

        // The .eml is the RFC 822 message the SMTP server received; the PDF is the formal notice.
        MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(files.get(noticeEmail)));
        assertThat(eml.getSubject()).startsWith("Mise en demeure de payer");
        assertThat(eml.getMessageID()).isEqualTo("<" + sent.get("EMAIL:formal-notice") + "@encaisse>");
        assertThat(eml.getAllRecipients()[0].toString()).isEqualTo(address);
        String letter = Pdfs.text(files.get(notice));
        assertThat(letter).contains("Mise en demeure", "Lettre recommandée avec demande d'avis de réception", "Client DOS-MSG SAS",
                "F-5001", "F-5002", "1 680,00 €", "Paris, le 1er avril 2026");

        // The chronology lists the sends in date order (same day: the journal's) with channel, recipient and hash.
        String chronology = Pdfs.text(files.get("05-chronologie.pdf"));
        int at = -1;
        List<String> sameDay = new ArrayList<>(List.of(noticeEmail, notice));
        sameDay.sort(Comparator.comparingLong(f -> (Long) journal.get(sent.get(fileOf.get(f))).get("position")));
        for (String file : List.of(reminder, penaltyLetter, sameDay.get(0), sameDay.get(1))) {
            int next = chronology.indexOf(sha256(files.get(file)));
            assertThat(next).as(file + " in the chronology, after the one before").isGreaterThan(at);
            at = next;
        }
        assertThat(chronology).contains("Relances envoyées", "Relance – courriel", address,
                "Mise en demeure – lettre recommandée avec", "Mise en demeure – courriel", "2 rue Neuve", "Message envoyé",
                "entrée n° " + journal.get(sent.get("REGISTERED_LETTER:formal-notice")).get("position"));
        assertThat(Pdfs.text(files.get("01-requete-injonction-de-payer.pdf")))
                .contains("Mise en demeure du 01/04/2026 adressée par lettre recommandée avec demande d'avis de réception",
                        "entrée n° " + journal.get(sent.get("REGISTERED_LETTER:formal-notice")).get("position") + "), restée sans effet");
        String index = Pdfs.text(files.get("00-index.pdf"));
        assertThat(index).contains(notice, sha256(files.get(notice))).doesNotContain("Aucune mise en demeure")
                .doesNotContain("Envois non aboutis");
        // Nothing is recorded of the registered letter's posting yet (RegisteredLettersContract records it): the proofs page says so.
        assertThat(Pdfs.text(files.get("06-preuves-de-distribution.pdf"))).contains("Mise en demeure (envoi des relances)",
                sha256(files.get(notice)), "Numéro de suivi et date de dépôt non enregistrés");

        // A bounce reported later: the email leaves the exhibits and the index says so.
        postAs(t, "/api/v1/communication/messages/" + sent.get("EMAIL:formal-notice") + "/bounce", "{\"reason\":\"mailbox full\"}")
                .andExpect(status().isOk());
        files = DossierContract.unzip(dossier(t, debtor));
        assertThat(files).doesNotContainKey(noticeEmail).containsKeys(reminder, notice);
        assertThat(Pdfs.text(files.get("00-index.pdf"))).contains("Envois non aboutis", "rejeté par le destinataire", "mailbox full");

        // The stored letter altered after sending: the dossier is refused, naming the message and both hashes.
        String noticeId = sent.get("REGISTERED_LETTER:formal-notice");
        jdbc.update("UPDATE outbox_message SET content = ? WHERE id = ?", "forged".getBytes(StandardCharsets.UTF_8),
                UUID.fromString(noticeId));
        postAs(t, "/api/v1/debtors/" + debtor + "/recovery-dossier", """
                {"procedure":"INJONCTION_DE_PAYER","date":"2026-04-15"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString(noticeId),
                        Matchers.containsString("no longer matches the evidence journal"),
                        Matchers.containsString((String) journal.get(noticeId).get("sha256")),
                        Matchers.containsString(sha256("forged".getBytes(StandardCharsets.UTF_8))))));
    }

    @Test
    void without_any_formal_notice_the_dossier_says_so() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "DOS-NONE", "B2B", "fr", null);
        invoice(t, debtor, "F-6001", "2026-03-02", "900.00");
        Map<String, byte[]> files = DossierContract.unzip(dossier(t, debtor));
        assertThat(files.keySet()).noneMatch(f -> f.startsWith("04-relances/"));
        assertThat(Pdfs.text(files.get("00-index.pdf"))).contains("Aucune mise en demeure n'est enregistrée pour ce débiteur");
        assertThat(Pdfs.text(files.get("05-chronologie.pdf"))).contains("Aucun courriel ni courrier de relance n'a été envoyé");
    }
}
