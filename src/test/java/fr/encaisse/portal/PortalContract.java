package fr.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.encaisse.dunning.DunningTestSupport;
import fr.encaisse.support.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The debtor portal through HTTP as a debtor's browser would use it (no login, CSRF-protected forms),
 * and the credit manager's side through the API: links issued, reused, revoked and expired, tokens
 * kept hashed, one bare 404 for every bad link, the page's figures, and the debtor's promise and
 * dispute recorded through recovery so that dunning pauses.
 */
abstract class PortalContract extends DunningTestSupport {

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    LocalDate today(TestTenant t) {
        return tenants.today(t.id());
    }

    String link(TestTenant t, String debtor) throws Exception {
        return json(postAs(t, "/api/v1/debtors/" + debtor + "/portal-link", "").andExpect(status().isOk()), "$.url");
    }

    static String path(String url) {
        return url.substring(url.indexOf("/portal/"));
    }

    static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    String page(String path) throws Exception {
        return html(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse());
    }

    ResultActions submit(String path, String... fields) throws Exception {
        return submit(path, request -> request, fields);
    }

    ResultActions submit(String path, RequestPostProcessor client, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(client);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request);
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** The text of an invoice's row on the page, tags dropped. */
    static String row(String html, String number) {
        Matcher m = Pattern.compile("<tr data-invoice=\"" + Pattern.quote(number) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("row of " + number).isTrue();
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String euros(Object amount) {
        return NumberFormat.getCurrencyInstance(Locale.FRANCE).format(new BigDecimal(amount.toString()))
                .replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** What an unknown token gets: every bad link must get exactly this. */
    String notFoundPage() throws Exception {
        return html(mvc.perform(get("/portal/" + randomToken())).andExpect(status().isNotFound()).andReturn().getResponse());
    }

    void assertSameNotFound(ResultActions result, String expected) throws Exception {
        assertThat(html(result.andExpect(status().isNotFound()).andReturn().getResponse())).isEqualTo(expected);
    }

    @Test
    void a_link_is_issued_once_reused_while_valid_renewed_before_its_end_revoked_and_expires() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "LNK-1", "B2B", "fr", "a@client.fr");
        invoice(t, debtor, "L-1", today(t).minusDays(10).toString(), "120.00");

        Map<String, Object> issued = JsonPath.read(postAs(t, "/api/v1/debtors/" + debtor + "/portal-link", "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
        String url = (String) issued.get("url");
        assertThat(url).matches("http://localhost:8080/portal/[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse((String) issued.get("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofDays(90)).minusSeconds(120), Instant.now().plus(Duration.ofDays(90)));
        assertThat(link(t, debtor)).as("reused while valid").isEqualTo(url);
        assertThat(page(path(url))).contains("Client LNK-1 SAS", t.tenant().name(), "L-1");

        // Only the SHA-256 of the token is stored; nothing in the row contains the token.
        String token = tokenOf(url);
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM portal_link WHERE debtor_id = ?")
                .param(UUID.fromString(debtor)).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("token_hash")).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
        assertThat(rows.get(0).values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(token));

        // 61 days on, the link still works but is too near its end to be sent again: a new one goes out.
        clock.advance(Duration.ofDays(61));
        String renewed = link(t, debtor);
        assertThat(renewed).isNotEqualTo(url);
        page(path(url));
        page(path(renewed));

        // 91 days after it was issued, the first link is dead; the renewed one still works.
        clock.advance(Duration.ofDays(30));
        String nobody = notFoundPage();
        assertSameNotFound(mvc.perform(get(path(url))), nobody);
        page(path(renewed));

        // Revoked: dead at once, and the next request issues a new one.
        deleteAs(t, "/api/v1/debtors/" + debtor + "/portal-link").andExpect(status().isNoContent());
        assertSameNotFound(mvc.perform(get(path(renewed))), nobody);
        String fresh = link(t, debtor);
        assertThat(fresh).isNotIn(url, renewed);
        page(path(fresh));

        List<String> journal = JsonPath.read(getAs(t, "/api/v1/evidence?subjectId=" + debtor).andReturn().getResponse()
                .getContentAsString(), "$[*].action");
        assertThat(journal).containsSubsequence("portal-link.issued", "portal-link.issued", "portal-link.revoked",
                "portal-link.issued");
    }

    @Test
    void unknown_malformed_expired_revoked_and_other_tenants_links_all_get_the_same_bare_404() throws Exception {
        var mine = newTenant();
        var other = newTenant();
        String myDebtor = debtor(mine, "MINE-1", "B2B", "fr", "a@client.fr");
        String myInvoice = invoice(mine, myDebtor, "SECRET-1", today(mine).minusDays(5).toString(), "500.00");
        String theirDebtor = debtor(other, "THEIRS-1", "B2B", "fr", "b@client.fr");
        invoice(other, theirDebtor, "T-1", today(other).minusDays(5).toString(), "80.00");
        String mine1 = path(link(mine, myDebtor));
        String theirs = path(link(other, theirDebtor));
        String nobody = notFoundPage();
        assertThat(nobody).contains("Page introuvable").doesNotContain("SECRET-1", "MINE-1", "THEIRS-1");

        // Another tenant's link opens its own debtor only: my invoice is not found through it.
        assertThat(page(theirs)).contains("T-1").doesNotContain("SECRET-1", "Client MINE-1");
        assertSameNotFound(mvc.perform(get(theirs + "/invoices/" + myInvoice + "/facturx")), nobody);
        assertSameNotFound(mvc.perform(get(theirs + "/invoices/not-an-id/facturx")), nobody);
        postAs(other, "/api/v1/debtors/" + myDebtor + "/portal-link", "").andExpect(status().isNotFound());
        deleteAs(other, "/api/v1/debtors/" + myDebtor + "/portal-link").andExpect(status().isNotFound());

        assertSameNotFound(mvc.perform(get("/portal/not-a-token")), nobody);
        assertSameNotFound(mvc.perform(get("/portal/" + randomToken() + "/invoices/" + myInvoice + "/facturx")), nobody);
        assertSameNotFound(submit("/portal/" + randomToken() + "/dispute", "invoiceId", myInvoice, "reason", "x"), nobody);

        deleteAs(mine, "/api/v1/debtors/" + myDebtor + "/portal-link").andExpect(status().isNoContent());
        assertSameNotFound(mvc.perform(get(mine1)), nobody);
        assertSameNotFound(submit(mine1 + "/dispute", "invoiceId", myInvoice, "reason", "x"), nobody);

        clock.advance(Duration.ofDays(91));
        assertSameNotFound(mvc.perform(get(theirs)), nobody);
        getAs(mine, "/api/v1/recovery/disputes").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void the_page_lists_open_invoices_with_days_late_the_total_due_penalties_and_factur_x_downloads() throws Exception {
        var t = newTenant();
        // Penalties whatever the rate table holds today: the flagged last-known-rate fallback.
        putAs(t, "/api/v1/terms-of-sale", "{\"lastKnownRatesAllowed\":true}").andExpect(status().isOk());
        LocalDate today = today(t);
        String debtor = debtor(t, "PAGE-1", "B2B", "fr", "a@client.fr");
        String late = invoice(t, debtor, "A-1", today.minusDays(40).toString(), "1200.00");
        invoice(t, debtor, "B-1", today.plusDays(20).toString(), "300.00");
        String paid = invoice(t, debtor, "C-1", today.minusDays(60).toString(), "50.00");
        pay(t, debtor, late, "200.00", today.minusDays(5).toString());
        pay(t, debtor, paid, "50.00", today.minusDays(50).toString());
        String url = path(link(t, debtor));

        ResultActions opened = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        String html = html(opened.andReturn().getResponse());
        assertThat(html).contains("Créancier " + t.tenant().slug(), "Client PAGE-1 SAS").doesNotContain("C-1");
        assertThat(row(html, "A-1")).contains("1 200,00 €", "1 000,00 €", " 40 ", "PDF Factur-X");
        assertThat(row(html, "B-1")).contains("300,00 €", " 0 ");
        assertThat(html).contains("id=\"total-due\">1 300,00 €<");

        Map<String, Object> penalties = JsonPath.read(getAs(t, "/api/v1/debtors/" + debtor + "/penalties?asOf=" + today)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
        assertThat(html).contains("id=\"penalty-total\">" + euros(penalties.get("totalClaimable")) + "<",
                "id=\"penalty-indemnity\">40,00 €<", "Montants dus en application de", "D441-5");

        MockHttpServletResponse pdf = mvc.perform(get(url + "/invoices/" + late + "/facturx")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // In English for a debtor who reads English.
        String english = debtor(t, "PAGE-EN", "B2B", "en", "en@client.fr");
        invoice(t, english, "E-1", today.plusDays(3).toString(), "300.00");
        assertThat(page(path(link(t, english)))).contains("lang=\"en\"", "Invoices to pay", "€300.00", "Report a dispute")
                .doesNotContain("Factures à régler");
    }

    @Test
    void a_promise_and_a_dispute_made_on_the_portal_pause_dunning_and_are_journaled_as_the_debtor() throws Exception {
        var t = newTenant();
        LocalDate today = today(t);
        String debtor = debtor(t, "ACT-1", "B2B", "fr", "a@client.fr");
        String promised = invoice(t, debtor, "P-1", today.minusDays(20).toString(), "400.00");
        String disputed = invoice(t, debtor, "D-1", today.minusDays(20).toString(), "250.00");
        String untouched = invoice(t, debtor, "X-1", today.minusDays(20).toString(), "100.00");
        String url = link(t, debtor);
        String path = path(url);

        submit(path + "/promise", "promisedOn", today.plusDays(10).toString(), "amount", "400,00", "invoiceIds", promised)
                .andExpect(status().isFound()).andExpect(redirectedUrl(path + "?done=promise"));
        getAs(t, "/api/v1/recovery/invoices/" + promised + "/pause-status")
                .andExpect(jsonPath("$.paused").value(true)).andExpect(jsonPath("$.pauses[0].reason").value("PROMISE_TO_PAY"));
        getAs(t, "/api/v1/dunning/invoices/" + promised + "?asOf=" + today).andExpect(jsonPath("$.pause.paused").value(true));
        List<Map<String, Object>> promises = JsonPath.read(getAs(t, "/api/v1/recovery/promises?dueBy=" + today.plusDays(10))
                .andReturn().getResponse().getContentAsString(), "$");
        assertThat(promises).singleElement().satisfies(p -> assertThat(p).containsEntry("createdBy", "portal:ACT-1")
                .containsEntry("promisedOn", today.plusDays(10).toString()).containsEntry("amount", 400.0)
                .containsEntry("invoiceIds", List.of(promised)));

        submit(path + "/dispute", "invoiceId", disputed, "reason", "Livraison incomplète : 3 cartons manquants")
                .andExpect(status().isFound()).andExpect(redirectedUrl(path + "?done=dispute"));
        getAs(t, "/api/v1/recovery/invoices/" + disputed + "/pause-status")
                .andExpect(jsonPath("$.paused").value(true)).andExpect(jsonPath("$.pauses[0].reason").value("DISPUTE"));
        getAs(t, "/api/v1/dunning/invoices/" + disputed + "?asOf=" + today).andExpect(jsonPath("$.pause.paused").value(true));
        getAs(t, "/api/v1/dunning/invoices/" + untouched + "?asOf=" + today).andExpect(jsonPath("$.pause.paused").value(false));
        Map<String, Object> dispute = JsonPath.read(getAs(t, "/api/v1/recovery/disputes").andReturn().getResponse()
                .getContentAsString(), "$[0]");
        assertThat(dispute).containsEntry("invoiceId", disputed).containsEntry("createdBy", "portal:ACT-1")
                .containsEntry("reason", "Livraison incomplète : 3 cartons manquants");

        // Journaled in the evidence chain in the debtor's name.
        for (Object subject : List.of(dispute.get("id"), promises.get(0).get("id"))) {
            List<String> actors = JsonPath.read(getAs(t, "/api/v1/evidence?subjectId=" + subject).andReturn().getResponse()
                    .getContentAsString(), "$[*].actor");
            assertThat(actors).containsExactly("portal:ACT-1");
        }

        String html = page(path + "?done=dispute");
        assertThat(html).contains("Votre contestation est enregistrée");
        assertThat(row(html, "P-1")).contains("Règlement annoncé").doesNotContain("Contestée");
        assertThat(row(html, "D-1")).contains("Contestée").doesNotContain("Règlement annoncé");
        assertThat(row(html, "X-1")).doesNotContain("Contestée", "Règlement annoncé");

        // A form posted without the page's CSRF token (from another site) is refused and records nothing.
        mvc.perform(post(path + "/dispute").param("invoiceId", untouched).param("reason", "forged"))
                .andExpect(status().isForbidden());
        getAs(t, "/api/v1/recovery/disputes").andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void bad_input_is_refused_naming_the_field_shown_again_and_nothing_is_recorded() throws Exception {
        var t = newTenant();
        LocalDate today = today(t);
        String debtor = debtor(t, "BAD-1", "B2B", "fr", "a@client.fr");
        String invoice = invoice(t, debtor, "BAD-INV", today.minusDays(15).toString(), "300.00");
        String otherDebtor = debtor(t, "BAD-2", "B2B", "fr", "b@client.fr");
        String notHers = invoice(t, otherDebtor, "OTHER-INV", today.minusDays(15).toString(), "90.00");
        String path = path(link(t, debtor));

        refused(submit(path + "/promise", "promisedOn", ""), "promisedOn", "Ce champ est obligatoire");
        refused(submit(path + "/promise", "promisedOn", "31/12/2026"), "promisedOn", "Date invalide");
        refused(submit(path + "/promise", "promisedOn", today.minusDays(1).toString()), "promisedOn",
                "entre aujourd’hui et dans 60 jours");
        refused(submit(path + "/promise", "promisedOn", today.plusDays(61).toString()), "promisedOn", "dans 60 jours");
        String typed = refused(submit(path + "/promise", "promisedOn", today.plusDays(5).toString(), "amount", "abc"),
                "amount", "Montant invalide");
        assertThat(typed).contains("value=\"abc\"", "value=\"" + today.plusDays(5) + "\"");
        refused(submit(path + "/promise", "promisedOn", today.plusDays(5).toString(), "amount", "300,01"), "amount",
                "dépasse le reste dû");
        refused(submit(path + "/promise", "promisedOn", today.plusDays(5).toString(), "invoiceIds", notHers), "invoiceIds",
                "ne fait pas partie de vos factures");

        refused(submit(path + "/dispute", "invoiceId", "", "reason", "Pas commandé"), "invoiceId", "Ce champ est obligatoire");
        refused(submit(path + "/dispute", "invoiceId", notHers, "reason", "Pas commandé"), "invoiceId",
                "ne fait pas partie de vos factures");
        refused(submit(path + "/dispute", "invoiceId", invoice, "reason", "  "), "reason", "Ce champ est obligatoire");
        String tooLong = refused(submit(path + "/dispute", "invoiceId", invoice, "reason", "x".repeat(2001)), "reason",
                "2 000 caractères au plus");
        assertThat(tooLong).contains("x".repeat(2001));
        refused(submit(path + "/dispute", "invoiceId", invoice, "reason", "nul \u0000 byte"), "reason", "caractères non autorisés");

        getAs(t, "/api/v1/recovery/invoices/" + invoice + "/pause-status").andExpect(jsonPath("$.paused").value(false));
        getAs(t, "/api/v1/recovery/disputes").andExpect(jsonPath("$.length()").value(0));
        getAs(t, "/api/v1/recovery/promises?dueBy=" + today.plusDays(90)).andExpect(jsonPath("$.length()").value(0));

        // The edges of the window are accepted: exactly 60 days on, and a reason of exactly 2,000 characters.
        submit(path + "/promise", "promisedOn", today.plusDays(60).toString()).andExpect(status().isFound());
        submit(path + "/dispute", "invoiceId", invoice, "reason", "y".repeat(2000)).andExpect(status().isFound());
    }

    @Test
    void bad_tokens_from_one_address_are_limited_while_valid_links_and_other_addresses_are_not() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "GUESS-1", "B2B", "fr", "a@client.fr");
        String invoice = invoice(t, debtor, "G-1", today(t).minusDays(5).toString(), "90.00");
        String valid = path(link(t, debtor));
        String nobody = notFoundPage();
        String guesser = "203.0.113.7";

        // Tests share 127.0.0.1; the guesser and its neighbours have addresses of their own.
        for (int i = 0; i < 20; i++) {
            assertSameNotFound(mvc.perform(get("/portal/" + randomToken()).with(from(guesser))), nobody);
        }
        MockHttpServletResponse limited = mvc.perform(get("/portal/" + randomToken()).with(from(guesser)))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn().getResponse();
        // Until the end of the 10-minute window opened by the first miss (a little of it has passed).
        assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(540, 600);
        assertThat(html(limited)).contains("Trop de tentatives", "noindex").doesNotContain("GUESS-1", t.tenant().name());
        mvc.perform(get("/portal/not-a-token").with(from(guesser))).andExpect(status().isTooManyRequests());
        submit("/portal/" + randomToken() + "/dispute", from(guesser), "invoiceId", invoice, "reason", "x")
                .andExpect(status().isTooManyRequests());

        // A valid link is never limited, not even from that address; another address is not limited.
        assertThat(html(mvc.perform(get(valid).with(from(guesser))).andExpect(status().isOk()).andReturn().getResponse()))
                .contains("G-1");
        assertSameNotFound(mvc.perform(get("/portal/" + randomToken()).with(from("203.0.113.8"))), nobody);

        // The window ends: 404 again, and the wait it announces shrinks meanwhile.
        clock.advance(Duration.ofMinutes(4));
        assertThat(Integer.parseInt(mvc.perform(get("/portal/" + randomToken()).with(from(guesser)))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getHeader("Retry-After"))).isBetween(300, 360);
        clock.advance(Duration.ofMinutes(6));
        assertSameNotFound(mvc.perform(get("/portal/" + randomToken()).with(from(guesser))), nobody);

        // An IPv6 client is counted by its /64.
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/portal/" + randomToken()).with(from("2001:db8:1:2::" + Integer.toHexString(i + 1))))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/portal/" + randomToken()).with(from("2001:db8:1:2:ffff::1"))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/portal/" + randomToken()).with(from("2001:db8:1:3::1"))).andExpect(status().isNotFound());
    }

    @Test
    void an_invoice_already_disputed_cannot_be_disputed_again_until_the_credit_manager_resolves_it() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "TWICE-1", "B2B", "fr", "a@client.fr");
        String invoice = invoice(t, debtor, "TW-1", today(t).minusDays(10).toString(), "300.00");
        String path = path(link(t, debtor));

        submit(path + "/dispute", "invoiceId", invoice, "reason", "Colis abîmé").andExpect(status().isFound());
        String again = refused(submit(path + "/dispute", "invoiceId", invoice, "reason", "Je conteste encore"), "invoiceId",
                "Cette facture est déjà contestée : votre contestation est en cours d’examen.");
        assertThat(again).contains("Je conteste encore");
        List<String> disputes = JsonPath.read(getAs(t, "/api/v1/recovery/disputes").andReturn().getResponse()
                .getContentAsString(), "$[*].id");
        assertThat(disputes).hasSize(1);

        // Resolved by the credit manager, the invoice may be disputed again.
        postAs(t, "/api/v1/recovery/disputes/" + disputes.get(0) + "/resolve", "{\"resolution\":\"avoir\"}")
                .andExpect(status().isOk());
        submit(path + "/dispute", "invoiceId", invoice, "reason", "Le nouvel envoi est abîmé aussi").andExpect(status().isFound());
        getAs(t, "/api/v1/recovery/disputes").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reason").value("Le nouvel envoi est abîmé aussi"));
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** 422, the page again with the field's own message next to it; returns the page. */
    String refused(ResultActions result, String field, String message) throws Exception {
        String html = html(result.andExpect(status().isUnprocessableContent()).andReturn().getResponse());
        assertThat(html).contains("id=\"errors\"");
        Matcher m = Pattern.compile("id=\"error-" + field + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as("error shown for " + field).isTrue();
        assertThat(m.group(1)).contains(message);
        return html;
    }
}
