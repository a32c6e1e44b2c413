package fr.encaisse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import fr.encaisse.documents.DeliveryOutcome;
import fr.encaisse.documents.RegisteredLetter;
import fr.encaisse.documents.RegisteredLetters;
import fr.encaisse.dunning.DunningTestSupport;
import fr.encaisse.support.OnH2;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.TenantContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The debtor page's registered letters: the formal notice the dunning run sent by registered letter is
 * listed, its posting and returned card are recorded through the page's forms (the same records as the
 * API's), a malformed number is refused naming its field and records nothing, and a viewer has no form.
 */
@OnH2
class DebtorPageRegisteredLettersTests extends DunningTestSupport {

    static GreenMail smtp;

    @Autowired
    RegisteredLetters registeredLetters;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void posting_and_card_are_recorded_from_the_debtors_page_a_wrong_number_is_refused_a_viewer_has_no_form() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "LRAR-WEB", "B2B", "fr", "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@client.fr");
        invoice(t, debtor, "F-9001", "2026-03-02", "1500.00");
        UUID letter = registeredLetterSent(t, debtor);
        String page = "/debtors/" + debtor;
        LocalDate today = LocalDate.now(t.tenant().timeZone());
        String day = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        MockHttpSession manager = signIn(t, Role.CREDIT_MANAGER);

        String html = page(manager, page);
        assertThat(html.split("data-message=")).hasSize(2);
        String row = row(html, letter);
        assertThat(text(row)).contains("01/04/2026", "formal-notice");
        assertThat(row).contains("posting-form").doesNotContain("acknowledgement-form");
        Matcher pdf = Pattern.compile("href=\"([^\"]+/pdf)\"").matcher(row);
        assertThat(pdf.find()).isTrue();
        mvc.perform(get(pdf.group(1)).session(manager)).andExpect(status().isOk())
                .andExpect(r -> assertThat(new String(r.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-"));

        // A malformed number: the flash names the field, nothing is recorded.
        html = submit(manager, page, letter + "/posting", "trackingNumber", "1A 234", "postedOn", today.toString());
        assertThat(flash(html, "error")).contains("trackingNumber");
        assertThat(recorded(t, letter).trackingNumber()).isNull();
        assertThat(row(html, letter)).contains("posting-form");

        html = submit(manager, page, letter + "/posting", "trackingNumber", "1A 234 567 8901 2", "postedOn", today.toString());
        assertThat(flash(html, "info")).contains("1A23456789012");
        assertThat(text(row(html, letter))).contains("N° 1A23456789012, postée le " + day);
        assertThat(row(html, letter)).doesNotContain("posting-form").contains("acknowledgement-form");

        html = submit(manager, page, letter + "/acknowledgement", "receivedOn", today.toString(), "outcome", "NOT_CLAIMED");
        assertThat(text(row(html, letter))).contains("pli avisé non réclamé le " + day);
        assertThat(row(html, letter)).doesNotContain("<form");
        RegisteredLetter recorded = recorded(t, letter);
        assertThat(recorded.trackingNumber()).isEqualTo("1A23456789012");
        assertThat(recorded.postedOn()).isEqualTo(today);
        assertThat(recorded.acknowledgedOn()).isEqualTo(today);
        assertThat(recorded.outcome()).isEqualTo(DeliveryOutcome.NOT_CLAIMED);

        // Another card is a conflict, shown and not recorded.
        html = submit(manager, page, letter + "/acknowledgement", "receivedOn", today.toString(), "outcome", "REFUSED");
        assertThat(flash(html, "error")).isNotBlank();
        assertThat(recorded(t, letter).outcome()).isEqualTo(DeliveryOutcome.NOT_CLAIMED);

        // A viewer sees what is recorded, no form; a forged post is refused.
        MockHttpSession viewer = signIn(t, Role.VIEWER);
        html = page(viewer, page);
        assertThat(text(row(html, letter))).contains("1A23456789012", "pli avisé non réclamé");
        assertThat(row(html, letter)).doesNotContain("<form");
        html = submit(viewer, page, letter + "/posting", "trackingNumber", "1A99999999999", "postedOn", today.toString());
        assertThat(flash(html, "error")).contains("consulter, pas d'écrire");
        assertThat(recorded(t, letter).trackingNumber()).isEqualTo("1A23456789012");
    }

    /** The default scenario up to the formal notice, dispatched; the registered letter's id once sent. */
    private UUID registeredLetterSent(TestTenant t, String debtor) throws Exception {
        putAs(t, "/api/v1/communication/mail-settings", """
                {"host":"127.0.0.1","port":%d,"security":"NONE","fromAddress":"relances@creancier.fr","fromName":"Relances"}"""
                .formatted(smtp.getSmtp().getPort())).andExpect(status().isOk());
        for (String run : List.of("2026-03-05", "2026-03-12", "2026-03-17", "2026-04-01")) {
            run(t, run);
        }
        approveAll(t, "2026-04-01");
        postAs(t, "/api/v1/communication/dispatch", "").andExpect(status().isOk());
        for (int i = 0; i < 100; i++) {
            List<String> ids = JsonPath.read(getAs(t, "/api/v1/communication/messages?debtorId=" + debtor)
                    .andReturn().getResponse().getContentAsString(), "$[?(@.status == 'SENT' && @.channel == 'REGISTERED_LETTER')].id");
            if (!ids.isEmpty()) {
                return UUID.fromString(ids.get(0));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no registered letter sent");
    }

    private RegisteredLetter recorded(TestTenant t, UUID letter) {
        return TenantContext.runAs(t.id(), "test", () -> registeredLetters.registeredLetter(letter));
    }

    private MockHttpSession signIn(TestTenant t, Role role) throws Exception {
        String user = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@encaisse.fr";
        tenants.addUser(t.id(), user, "secret-pass", "Utilisateur " + role, role);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", "secret-pass"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).doesNotContain("error"));
        return session;
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Posts a letter's form with the session's CSRF token, then follows the redirect as a browser would. */
    private String submit(MockHttpSession session, String page, String action, String... params) throws Exception {
        var request = post(page + "/registered-letters/" + action).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var flash = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        var follow = get(page).session(session);
        flash.forEach(follow::flashAttr);
        return mvc.perform(follow).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The letter's table row, as markup. */
    private static String row(String html, UUID letter) {
        int start = html.indexOf("data-message=\"" + letter + "\"");
        assertThat(start).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String flash(String html, String kind) {
        Matcher m = Pattern.compile("id=\"flash-" + kind + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? text(m.group(1)) : "";
    }

    /** What a reader sees: tags dropped, the entities Thymeleaf writes decoded, blanks collapsed. */
    private static String text(String markup) {
        return markup.replaceAll("^[^>]*>", "").replaceAll("<[^>]*>", "").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }
}
