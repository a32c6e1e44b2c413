package fr.encaisse.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import fr.encaisse.dunning.DunningTestSupport;
import fr.encaisse.support.PdfA;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.TenantContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Messages really leave: a real SMTP server (GreenMail, on a free local port) receives the emails;
 * letters come back out of print batches as PDF; both are read back (MIME, PDFBox) and checked.
 */
abstract class MessagingContract extends DunningTestSupport {

    static GreenMail smtp;

    @Autowired
    Outbox outbox;

    @Autowired
    CallTasks callTasks;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    void useGreenMail(TestTenant t) throws Exception {
        putAs(t, "/api/v1/communication/mail-settings", """
                {"host":"127.0.0.1","port":%d,"security":"NONE","fromAddress":"relances@creancier.fr",
                 "fromName":"Service relances","defaultCallOwner":"marie@creancier.fr"}""".formatted(smtp.getSmtp().getPort()))
                .andExpect(status().isOk());
    }

    static String mailbox() {
        return "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr";
    }

    /** Sends the tenant's due messages and waits until none is queued or being sent (the background dispatcher may help). */
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

    static List<MimeMessage> receivedBy(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The text/plain part, no-break spaces made plain. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return plain((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String t = text(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static List<byte[]> pdfAttachments(Part part) throws Exception {
        List<byte[]> out = new ArrayList<>();
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.isMimeType("application/pdf")) {
                    try (InputStream in = p.getInputStream()) {
                        out.add(in.readAllBytes());
                    }
                } else {
                    out.addAll(pdfAttachments(p));
                }
            }
        }
        return out;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // Reading order on the page: bold and no-wrap runs are drawn after the plain text of their line.
            stripper.setSortByPosition(true);
            return plain(stripper.getText(doc)).replaceAll("\\s+", " ");
        }
    }

    static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    static String euros(Object amount) {
        return plain(NumberFormat.getCurrencyInstance(Locale.FRANCE).format(new BigDecimal(amount.toString())));
    }

    @Test
    void reminder_emails_arrive_with_subject_amounts_and_the_formal_notice_letter_attached_as_pdf() throws Exception {
        var t = newTenant();
        useGreenMail(t);
        String address = mailbox();
        String debtor = debtor(t, "MAIL-1", "B2B", "fr", address);
        invoice(t, debtor, "F-1001", "2026-03-02", "1200.00");
        String f2 = invoice(t, debtor, "F-1002", "2026-03-02", "600.00");
        pay(t, debtor, f2, "100.00", "2026-03-04");

        run(t, "2026-03-05");
        dispatch(t);
        List<MimeMessage> mails = receivedBy(address);
        assertThat(mails).hasSize(1);
        MimeMessage reminder = mails.get(0);
        assertThat(reminder.getSubject()).isEqualTo("Relance : factures échues – " + t.tenant().name());
        assertThat(reminder.getFrom()[0].toString()).contains("relances@creancier.fr");
        assertThat(text(reminder)).contains("F-1001", "1 200,00 €", "F-1002", "500,00 €", "Total restant dû : 1 700,00 €");

        // The message as sent: its bytes hash to what the evidence journal recorded.
        Map<String, Object> sent = JsonPath.read(getAs(t, "/api/v1/communication/messages?debtorId=" + debtor)
                .andReturn().getResponse().getContentAsString(), "$[0]");
        assertThat(sent).containsEntry("status", "SENT").containsEntry("channel", "EMAIL").containsEntry("recipient", address);
        byte[] content = getAs(t, "/api/v1/communication/messages/" + sent.get("id") + "/content").andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))).isEqualTo(sent.get("contentSha256"));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        reminder.writeTo(received);
        assertThat(received.toString()).contains("Message-ID: <" + sent.get("id") + "@encaisse>");
        List<String> journal = JsonPath.read(getAs(t, "/api/v1/evidence?subjectId=" + debtor).andReturn().getResponse()
                .getContentAsString(), "$[?(@.action == 'message.sent')].details");
        assertThat(journal).hasSize(1);
        assertThat(journal.get(0)).contains((String) sent.get("contentSha256"), "EMAIL", address);

        // Call (D+10), letter with penalties (D+15), then the formal notice (D+30) once approved.
        run(t, "2026-03-12");
        run(t, "2026-03-17");
        run(t, "2026-04-01");
        approveAll(t, "2026-04-01");
        dispatch(t);
        mails = receivedBy(address);
        assertThat(mails).hasSize(2);
        MimeMessage notice = mails.get(1);
        assertThat(notice.getSubject()).isEqualTo("Mise en demeure de payer – " + t.tenant().name());
        Map<String, Object> penalties = JsonPath.read(getAs(t, "/api/v1/debtors/" + debtor + "/penalties?asOf=2026-04-01")
                .andReturn().getResponse().getContentAsString(), "$");
        String claimed = euros(penalties.get("totalClaimable"));
        assertThat(text(notice)).contains("mettons en demeure", claimed, "9 avril 2026");
        List<byte[]> pdfs = pdfAttachments(notice);
        assertThat(pdfs).hasSize(1);
        String letter = pdfText(pdfs.get(0));
        assertThat(letter).contains("Mise en demeure", "Client MAIL-1 SAS", "F-1001", "F-1002", "1 200,00 €", "500,00 €",
                "Total réclamé", claimed, "Décompte détaillé des pénalités", "D441-5", "Paris, le 1er avril 2026",
                "Facture F-1002 — décompte au 01/04/2026");

        // The penalty letter and the registered letter wait in their print batches.
        List<Map<String, Object>> batches = JsonPath.read(getAs(t, "/api/v1/communication/print-batches")
                .andReturn().getResponse().getContentAsString(), "$");
        assertThat(batches).extracting(b -> b.get("kind") + ":" + b.get("letterCount") + ":" + b.get("status"))
                .containsExactlyInAnyOrder("LETTER:1:OPEN", "REGISTERED_LETTER:1:OPEN");
        String registered = batches.stream().filter(b -> b.get("kind").equals("REGISTERED_LETTER")).findFirst().orElseThrow()
                .get("id").toString();
        byte[] batch = getAs(t, "/api/v1/communication/print-batches/" + registered + "/pdf").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(batch)).contains("Lettre recommandée avec demande d'avis de réception", "Mise en demeure", claimed);
        getAs(t, "/api/v1/communication/print-batches/" + registered).andExpect(jsonPath("$.status").value("CLOSED"));

        // The call landed in the to-do list, for the tenant's default owner, due on its day.
        getAs(t, "/api/v1/communication/call-tasks")
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].dueOn").value("2026-03-12"))
                .andExpect(jsonPath("$[0].owner").value("marie@creancier.fr"))
                .andExpect(jsonPath("$[0].phone").value("+33 4 00 00 00 00"));
    }

    @Test
    void every_email_carries_the_debtors_portal_link_which_opens_its_account_and_is_the_same_while_valid() throws Exception {
        var t = newTenant();
        useGreenMail(t);
        String address = mailbox();
        String debtor = debtor(t, "PORTAL-1", "B2B", "fr", address);
        invoice(t, debtor, "F-PORTAL", "2026-03-10", "480.00");
        run(t, "2026-03-05");
        run(t, "2026-03-13");
        dispatch(t);
        List<MimeMessage> mails = receivedBy(address);
        assertThat(mails).hasSize(2);
        Pattern link = Pattern.compile("http://localhost:8080(/portal/[A-Za-z0-9_-]{43})\\b");
        List<String> links = new ArrayList<>();
        for (MimeMessage mail : mails) {
            Matcher m = link.matcher(text(mail));
            assertThat(m.find()).as("portal link in: " + text(mail)).isTrue();
            links.add(m.group(1));
        }
        assertThat(links.get(1)).as("one link per debtor, reused").isEqualTo(links.get(0));
        String page = mvc.perform(get(links.get(0)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Client PORTAL-1 SAS", "F-PORTAL", t.tenant().name());
    }

    @Test
    void an_english_speaking_debtor_reads_english() throws Exception {
        var t = newTenant();
        useGreenMail(t);
        String address = mailbox();
        String debtor = debtor(t, "MAIL-EN", "B2B", "en", address);
        invoice(t, debtor, "INV-7", "2026-03-02", "1234.50");
        run(t, "2026-03-05");
        dispatch(t);
        MimeMessage m = receivedBy(address).get(0);
        assertThat(m.getSubject()).isEqualTo("Reminder: overdue invoices – " + t.tenant().name());
        assertThat(text(m)).contains("INV-7", "€1,234.50", "Dear Sir or Madam");
    }

    /** The PDF of the debtor's one letter, as sent (the bytes the evidence journal hashed). */
    byte[] letterSent(TestTenant t, String debtor, String channel) throws Exception {
        List<String> ids = JsonPath.read(getAs(t, "/api/v1/communication/messages?debtorId=" + debtor).andReturn().getResponse()
                .getContentAsString(), "$[?(@.channel == '" + channel + "' && @.status == 'SENT')].id");
        assertThat(ids).hasSize(1);
        return getAs(t, "/api/v1/communication/messages/" + ids.get(0) + "/content").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    Object totalClaimable(TestTenant t, String debtor, String asOf) throws Exception {
        return JsonPath.read(getAs(t, "/api/v1/debtors/" + debtor + "/penalties?asOf=" + asOf).andReturn().getResponse()
                .getContentAsString(), "$.totalClaimable");
    }

    @Test
    void a_registered_formal_notice_is_an_archival_pdf_from_the_tenants_own_template_with_its_logo() throws Exception {
        var t = newTenant(Role.ADMIN);
        String debtor = debtor(t, "LRAR-FR", "B2B", "fr", null);
        invoice(t, debtor, "F-2001", "2026-03-02", "1200.00");
        invoice(t, debtor, "F-2002", "2026-03-02", "480.00");
        oneStep(t, debtor, "Mise en demeure par LRAR", 30, "[\"REGISTERED_LETTER\"]", "formal-notice");
        String bundled = JsonPath.read(getAs(t, "/api/v1/document-templates/dunning-letter/fr").andReturn().getResponse()
                .getContentAsString(), "$.content");
        mvc.perform(put("/api/v1/document-templates/dunning-letter/fr").header("X-API-Key", t.apiKey())
                .contentType(MediaType.TEXT_HTML).content(bundled.replace("<p class=\"subject\">",
                        "<p>Modèle maison : courrier suivi par Marie.</p><p class=\"subject\">")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/document-settings/logo").header("X-API-Key", t.apiKey())
                .contentType(MediaType.IMAGE_PNG).content(png())).andExpect(status().isNoContent());

        run(t, "2026-04-01");
        dispatch(t);
        byte[] pdf = letterSent(t, debtor, "REGISTERED_LETTER");
        assertThat(PdfA.violations(pdf)).isEmpty();
        assertThat(pdfText(pdf)).contains("Modèle maison : courrier suivi par Marie.", "Client LRAR-FR SAS", "2 rue Neuve",
                "69001 LYON", "Lettre recommandée avec demande d'avis de réception", "Paris, le 1er avril 2026",
                "Mise en demeure", "F-2001", "F-2002", "1 200,00 €", "480,00 €", "1 680,00 €", "Total réclamé",
                euros(totalClaimable(t, debtor, "2026-04-01")), "Date limite de règlement : 9 avril 2026",
                "Décompte détaillé des pénalités", "Facture F-2002 — décompte au 01/04/2026");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the logo").isNotEmpty();
        }
    }

    @Test
    void a_penalty_letter_to_an_english_speaking_debtor_is_an_archival_pdf_in_english() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "LET-EN", "B2B", "en", null);
        invoice(t, debtor, "INV-3001", "2026-03-02", "1234.50");
        invoice(t, debtor, "INV-3002", "2026-03-02", "99.90");
        oneStep(t, debtor, "Penalty letter", 15, "[\"LETTER\"]", "penalty-letter");
        run(t, "2026-03-17");
        dispatch(t);
        byte[] pdf = letterSent(t, debtor, "LETTER");
        assertThat(PdfA.violations(pdf)).isEmpty();
        NumberFormat english = NumberFormat.getCurrencyInstance(Locale.UK);
        english.setCurrency(java.util.Currency.getInstance("EUR"));
        assertThat(pdfText(pdf)).contains("Client LET-EN SAS", "2 rue Neuve", "69001 LYON", "Paris, 17 March 2026",
                "INV-3001", "INV-3002", "€1,234.50", "€99.90", "Total outstanding €1,334.40", "Total claimed",
                english.format(new BigDecimal(totalClaimable(t, debtor, "2026-03-17").toString())),
                "Payment deadline: 25 March 2026", "Detailed late-payment statement", "Invoice INV-3001 — statement as of")
                .doesNotContain("Lettre recommandée", "Registered letter");
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        image.createGraphics().fillRect(10, 10, 50, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A scenario of one step, assigned to the debtor. */
    String oneStep(TestTenant t, String debtor, String name, int offset, String channels, String template) throws Exception {
        String scenario = id(postAs(t, "/api/v1/dunning/scenarios", """
                {"name":"%s","grouping":"PER_DEBTOR","minDaysBetweenContacts":0,"isDefault":false,
                 "steps":[{"code":"only","offsetDays":%d,"channels":%s,"template":"%s","stage":"REMINDER","deadlineDays":8}]}"""
                .formatted(name, offset, channels, template)).andExpect(status().isCreated()));
        putAs(t, "/api/v1/dunning/debtors/" + debtor, "{\"scenarioId\":\"" + scenario + "\"}").andExpect(status().isOk());
        return scenario;
    }

    @Test
    void penalties_of_a_half_year_without_published_rates_are_left_out_with_a_note_or_marked_provisional() throws Exception {
        var t = newTenant();
        useGreenMail(t);
        String address = mailbox();
        String debtor = debtor(t, "S2-1", "B2B", "fr", address);
        invoice(t, debtor, "F-S2", "2026-08-03", "1000.00");
        oneStep(t, debtor, "Mise en demeure seule", 30, "[\"EMAIL\"]", "formal-notice");
        run(t, "2026-09-02");
        dispatch(t);
        String omitted = text(receivedBy(address).get(0));
        assertThat(omitted).contains("non chiffrées à ce jour", "2026-S2", "1 000,00 €").doesNotContain("Total réclamé");

        putAs(t, "/api/v1/terms-of-sale", "{\"lastKnownRatesAllowed\":true}").andExpect(status().isOk());
        invoice(t, debtor, "F-S2-bis", "2026-08-04", "1000.00");
        run(t, "2026-09-03");
        dispatch(t);
        String provisional = text(receivedBy(address).get(1));
        assertThat(provisional).contains("Montant provisoire", "Total réclamé", "40,00 €");
    }

    @Test
    void failed_sends_are_retried_with_backoff_then_dead_lettered_and_can_be_sent_again() throws Exception {
        var t = newTenant();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        putAs(t, "/api/v1/communication/mail-settings", """
                {"host":"127.0.0.1","port":%d,"security":"NONE","fromAddress":"relances@creancier.fr",
                 "username":"relances","password":"s3cret"}""".formatted(closedPort))
                .andExpect(jsonPath("$.passwordSet").value(true))
                .andExpect(jsonPath("$.password").doesNotExist());
        String address = mailbox();
        String debtor = debtor(t, "FAIL-1", "B2B", "fr", address);
        invoice(t, debtor, "F-F", "2026-03-02", "100.00");
        String silent = debtor(t, "FAIL-2", "B2B", "fr", null);
        invoice(t, silent, "F-N", "2026-03-02", "100.00");
        oneStep(t, silent, "SMS et email", 3, "[\"EMAIL\",\"SMS\"]", "reminder");
        run(t, "2026-03-05");

        Instant now = Instant.now();
        TenantContext.runAs(t.id(), "test", () -> outbox.dispatchDue(now));
        String failing = JsonPath.read(getAs(t, "/api/v1/communication/messages?debtorId=" + debtor).andReturn().getResponse()
                .getContentAsString(), "$[0].id");
        Map<String, Object> first = JsonPath.read(getAs(t, "/api/v1/communication/messages/" + failing).andReturn().getResponse()
                .getContentAsString(), "$");
        assertThat(first.get("status")).isIn("FAILED", "DEAD");
        assertThat(Instant.parse(first.get("nextAttemptAt").toString().replace("+00:00", "Z"))).isAfter(now);
        // Each attempt waits twice as long as the one before: 1, 2, 4, 8, 16 minutes; the sixth failure gives up.
        Instant clock = now;
        for (int i = 0; i < 10 && !"DEAD".equals(statusOf(t, failing)); i++) {
            clock = clock.plus(Duration.ofMinutes(1L << i)).plusSeconds(5);
            Instant at = clock;
            TenantContext.runAs(t.id(), "test", () -> outbox.dispatchDue(at));
        }
        getAs(t, "/api/v1/communication/messages/" + failing)
                .andExpect(jsonPath("$.status").value("DEAD"))
                .andExpect(jsonPath("$.attempts").value(6))
                .andExpect(jsonPath("$.lastError").value(org.hamcrest.Matchers.containsString("gave up after 6 attempts")));
        List<Map<String, Object>> dead = JsonPath.read(getAs(t, "/api/v1/communication/dead-letters").andReturn().getResponse()
                .getContentAsString(), "$");
        assertThat(dead).extracting(m -> m.get("channel") + ":" + m.get("lastError").toString().split(";")[0])
                .containsExactlyInAnyOrder("EMAIL:gave up after 6 attempts", "EMAIL:the debtor has no email address",
                        "SMS:no SMS gateway is configured");
        assertThat(TenantContext.runAs(t.id(), "test", () -> outbox.deadLetterCount())).isEqualTo(3);

        useGreenMail(t);
        postAs(t, "/api/v1/communication/messages/" + failing + "/retry", "").andExpect(jsonPath("$.status").value("QUEUED"));
        dispatch(t);
        assertThat(statusOf(t, failing)).isEqualTo("SENT");
        assertThat(receivedBy(address)).hasSize(1);
        postAs(t, "/api/v1/communication/messages/" + failing + "/bounce", "{\"reason\":\"550 mailbox unknown\"}")
                .andExpect(jsonPath("$.status").value("BOUNCED"));
        postAs(t, "/api/v1/communication/messages/" + failing + "/retry", "").andExpect(status().isOk());
    }

    String statusOf(TestTenant t, String message) throws Exception {
        return JsonPath.read(getAs(t, "/api/v1/communication/messages/" + message).andReturn().getResponse().getContentAsString(),
                "$.status");
    }

    @Test
    void a_call_outcome_records_a_promise_or_a_dispute_and_dunning_pauses() throws Exception {
        var t = newTenant();
        String promising = debtor(t, "CALL-1", "B2B", "fr", mailbox());
        String contesting = debtor(t, "CALL-2", "B2B", "fr", mailbox());
        invoice(t, promising, "F-C1", "2026-03-02", "100.00");
        String contested = invoice(t, contesting, "F-C2", "2026-03-02", "100.00");
        oneStep(t, promising, "Appel seul", 10, "[\"CALL_TASK\"]", "call");
        putAs(t, "/api/v1/dunning/debtors/" + contesting, "{\"scenarioId\":\"" + JsonPath.read(getAs(t,
                "/api/v1/dunning/debtors/" + promising).andReturn().getResponse().getContentAsString(), "$.scenarioId") + "\"}");
        run(t, "2026-03-12");
        dispatch(t);
        List<Map<String, Object>> todo = JsonPath.read(getAs(t, "/api/v1/communication/call-tasks").andReturn().getResponse()
                .getContentAsString(), "$");
        assertThat(todo).hasSize(2);
        assertThat(TenantContext.runAs(t.id(), "test", () -> callTasks.countDueBy(LocalDate.of(2100, 1, 1)))).isEqualTo(2);
        assertThat(TenantContext.runAs(t.id(), "test", () -> callTasks.countDueBy(LocalDate.of(2026, 3, 11)))).isZero();
        String call1 = todo.stream().filter(c -> c.get("debtorId").equals(promising)).findFirst().orElseThrow().get("id").toString();
        String call2 = todo.stream().filter(c -> c.get("debtorId").equals(contesting)).findFirst().orElseThrow().get("id").toString();
        assertThat(todo.get(0).get("title").toString()).startsWith("Appeler Client CALL-");
        putAs(t, "/api/v1/communication/call-tasks/" + call1 + "/owner", "{\"owner\":\"jean@creancier.fr\"}")
                .andExpect(jsonPath("$.owner").value("jean@creancier.fr"));
        getAs(t, "/api/v1/communication/call-tasks?owner=jean@creancier.fr").andExpect(jsonPath("$.length()").value(1));

        String promise = JsonPath.read(postAs(t, "/api/v1/communication/call-tasks/" + call1 + "/outcome", """
                {"outcome":"PROMISE","promisedOn":"2026-03-25","promisedAmount":100.00,"note":"virement vendredi"}""")
                .andExpect(jsonPath("$.status").value("DONE")).andReturn().getResponse().getContentAsString(), "$.recoveryRef");
        getAs(t, "/api/v1/recovery/promises/" + promise).andExpect(jsonPath("$.promisedOn").value("2026-03-25"));
        getAs(t, "/api/v1/recovery/debtors/" + promising + "/pause-status?on=2026-03-26")
                .andExpect(jsonPath("$.paused").value(false));
        String dispute = JsonPath.read(postAs(t, "/api/v1/communication/call-tasks/" + call2 + "/outcome", """
                {"outcome":"DISPUTE","note":"quantité livrée inférieure à la commande"}""")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.recoveryRef");
        getAs(t, "/api/v1/recovery/disputes/" + dispute).andExpect(jsonPath("$.invoiceId").value(contested));
        getAs(t, "/api/v1/recovery/invoices/" + contested + "/pause-status?on=2026-03-26")
                .andExpect(jsonPath("$.paused").value(true)).andExpect(jsonPath("$.pauses[0].reason").value("DISPUTE"));
        postAs(t, "/api/v1/communication/call-tasks/" + call2 + "/outcome", "{\"outcome\":\"REACHED\"}")
                .andExpect(status().isConflict());
        postAs(t, "/api/v1/communication/call-tasks/" + call1 + "/outcome", "{\"outcome\":\"PROMISE\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void messages_batches_and_calls_of_another_tenant_do_not_exist() throws Exception {
        var owner = newTenant();
        var intruder = newTenant();
        String debtor = debtor(owner, "SEC-M", "B2B", "fr", mailbox());
        invoice(owner, debtor, "F-SEC", "2026-03-02", "100.00");
        oneStep(owner, debtor, "Lettre et appel", 3, "[\"LETTER\",\"CALL_TASK\"]", "reminder");
        run(owner, "2026-03-05");
        dispatch(owner);
        String message = JsonPath.read(getAs(owner, "/api/v1/communication/messages").andReturn().getResponse().getContentAsString(),
                "$[0].id");
        String batch = JsonPath.read(getAs(owner, "/api/v1/communication/print-batches").andReturn().getResponse().getContentAsString(),
                "$[0].id");
        String call = JsonPath.read(getAs(owner, "/api/v1/communication/call-tasks").andReturn().getResponse().getContentAsString(),
                "$[0].id");
        getAs(intruder, "/api/v1/communication/messages/" + message).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/communication/messages/" + message + "/content").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/communication/messages/" + message + "/retry", "").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/communication/messages/" + message + "/bounce", "").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/communication/print-batches/" + batch).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/communication/print-batches/" + batch + "/pdf").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/communication/call-tasks/" + call).andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/communication/call-tasks/" + call + "/owner", "{\"owner\":\"x\"}").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/communication/call-tasks/" + call + "/outcome", "{\"outcome\":\"REACHED\"}")
                .andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/communication/messages").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/communication/dead-letters").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/communication/print-batches").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/communication/call-tasks?openOnly=false").andExpect(jsonPath("$.length()").value(0));
        getAs(owner, "/api/v1/communication/call-tasks/" + call).andExpect(jsonPath("$.status").value("OPEN"));
        // A debtor's messages, as the recovery dossier reads them: the owner's letter and call, nothing for another tenant.
        assertThat(TenantContext.runAs(owner.id(), "test", () -> outbox.ofDebtor(UUID.fromString(debtor))))
                .extracting(m -> m.channel() + ":" + m.status()).containsExactlyInAnyOrder("LETTER:SENT", "CALL_TASK:SENT");
        assertThat(TenantContext.runAs(intruder.id(), "test", () -> outbox.ofDebtor(UUID.fromString(debtor)))).isEmpty();
    }
}
