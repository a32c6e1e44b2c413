package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import fr.encaisse.support.ApiTestSupport;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One-line fixtures for direct debits through the REST API, and a GreenMail SMTP server on a free
 * port (one per test JVM) that the application sends its notices to.
 */
abstract class SepaApiSupport extends ApiTestSupport {

    static final String ICS = "FR72ZZZ123456";
    /** Two accounts at the same bank (30006), and one at another (30004). */
    static final String IBAN_A = "FR7630006000011234567890189";
    static final String IBAN_A2 = "FR7630006000019876543210173";
    static final String IBAN_B = "FR7630004008200001234567864";

    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /** A tenant with its SEPA creditor identifier set and the rulebook's defaults. */
    protected TestTenant sepaTenant() throws Exception {
        TestTenant t = newTenant();
        putAs(t, "/api/v1/sepa/settings", """
                {"creditorId":"%s","umrPrefix":"ENC","prenotificationDays":14,"representationDelayDays":10,
                 "bankCutOffDays":0,"planningHorizonDays":30,"firstCollectionAsFrst":true,"painVersion":"V08"}"""
                .formatted(ICS)).andExpect(status().isOk());
        return t;
    }

    protected static String email() {
        return "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr";
    }

    protected String debtor(TestTenant t, String reference, String email) throws Exception {
        return debtor(t, reference, email, "B2B", "fr");
    }

    protected String debtor(TestTenant t, String reference, String email, String kind, String language) throws Exception {
        return id(postAs(t, "/api/v1/debtors", """
                {"reference":"%s","legalName":"Client %s SAS","kind":"%s","language":"%s","email":"%s",
                 "address":{"line1":"2 rue Neuve","postalCode":"69001","city":"Lyon","country":"FR"}}"""
                .formatted(reference, reference, kind, language, email)).andExpect(status().isCreated()));
    }

    protected String invoice(TestTenant t, String debtor, String number, String due, String amount) throws Exception {
        BigDecimal total = new BigDecimal(amount);
        BigDecimal excl = total.divide(new BigDecimal("1.2"), 2, RoundingMode.HALF_UP);
        return id(postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"%s","issueDate":"%s","dueDate":"%s","currency":"EUR",
                 "amountExclTax":%s,"vatAmount":%s,"amountInclTax":%s}"""
                .formatted(debtor, number, LocalDate.parse(due).minusDays(30), due, excl, total.subtract(excl), total))
                .andExpect(status().isCreated()));
    }

    protected String mandate(TestTenant t, String debtor, String iban) throws Exception {
        return id(postAs(t, "/api/v1/sepa/mandates", """
                {"debtorId":"%s","iban":"%s"}""".formatted(debtor, iban)).andExpect(status().isCreated()));
    }

    /** A CORE recurrent mandate signed in Lyon on 10 January 2025. */
    protected String signedMandate(TestTenant t, String debtor, String iban) throws Exception {
        String id = mandate(t, debtor, iban);
        postAs(t, "/api/v1/sepa/mandates/" + id + "/sign", """
                {"signedOn":"2025-01-10","place":"Lyon","signatory":"Paul Payeur"}""").andExpect(status().isOk());
        return id;
    }

    protected Map<String, Object> run(TestTenant t, String asOf) throws Exception {
        return JsonPath.read(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/sepa/run").param("asOf", asOf).header("X-API-Key", t.apiKey()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }

    protected List<Map<String, Object>> collections(TestTenant t, String invoice) throws Exception {
        return JsonPath.read(getAs(t, "/api/v1/sepa/collections?invoiceId=" + invoice).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    /** The invoice's only collection. */
    protected Map<String, Object> collection(TestTenant t, String invoice) throws Exception {
        List<Map<String, Object>> all = collections(t, invoice);
        if (all.size() != 1) {
            fail("expected one collection of invoice " + invoice + ", found " + all);
        }
        return all.get(0);
    }

    protected String batch(TestTenant t, String asOf, PainVersion version) throws Exception {
        return id(postAs(t, "/api/v1/sepa/batches", """
                {"asOf":"%s","version":"%s"}""".formatted(asOf, version)).andExpect(status().isCreated()));
    }

    protected byte[] file(TestTenant t, String batch) throws Exception {
        return getAs(t, "/api/v1/sepa/batches/" + batch + "/file").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    protected void submit(TestTenant t, String batch, String on) throws Exception {
        postAs(t, "/api/v1/sepa/batches/" + batch + "/submit", """
                {"submittedOn":"%s"}""".formatted(on)).andExpect(status().isOk());
    }

    protected double openAmount(TestTenant t, String invoice) throws Exception {
        return ((Number) json(getAs(t, "/api/v1/invoices/" + invoice), "$.openAmount")).doubleValue();
    }

    protected boolean paused(TestTenant t, String invoice, String on) throws Exception {
        return json(getAs(t, "/api/v1/recovery/invoices/" + invoice + "/pause-status?on=" + on), "$.paused");
    }

    protected ResultActions upload(TestTenant t, String fileName, byte[] content, String receivedOn) throws Exception {
        return mvc.perform(multipart("/api/v1/sepa/returns").file(new MockMultipartFile("file", fileName,
                "application/xml", content)).param("receivedOn", receivedOn).header("X-API-Key", t.apiKey()));
    }

    /** A test resource with its {@code {{placeholders}}} filled. */
    protected static byte[] filled(String resource, Map<String, String> values) {
        try (InputStream in = SepaApiSupport.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("{{" + e.getKey() + "}}", e.getValue());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages GreenMail received for {@code to}, waiting up to 10 s for at least {@code count}. */
    protected static List<MimeMessage> mailsTo(String to, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<MimeMessage> found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> sentTo(m, to)).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                if (found.size() < count) {
                    fail("expected " + count + " email(s) to " + to + ", got " + found.size());
                }
                return found;
            }
            Thread.sleep(50);
        }
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (Exception e) {
            return false;
        }
    }

    /** The plain-text part of a message, decoded. */
    protected static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
