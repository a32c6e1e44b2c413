package fr.encaisse.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.tenancy.Role;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Templates per tenant and language, stored in the database over the bundled defaults, edited
 * through the API by administrators, checked before they are saved, and never able to run code,
 * read files, reach the network or print a debtor's text as markup.
 */
abstract class TemplatesContract extends DocumentsTestSupport {

    static final String CUSTOM_REMINDER = """
            <html xmlns="http://www.w3.org/1999/xhtml" lang="fr">
            <head><meta charset="UTF-8"/><title>{{document.title}}</title><style>{{> letter-style}}</style></head>
            <body>
            {{> letter-header}}
            <p>Cher client {{debtor.name}}, un petit rappel amical de la maison.</p>
            {{#claim.invoices}}<p>Facture {{number}} : {{principal}}</p>{{/claim.invoices}}
            <p>Total : {{claim.total}}</p>
            </body>
            </html>
            """;

    ResultActions putTemplate(TestTenant t, String name, String language, String content) throws Exception {
        return mvc.perform(put("/api/v1/document-templates/" + name + "/" + language).header("X-API-Key", t.apiKey())
                .contentType(MediaType.TEXT_HTML).content(content));
    }

    String reminderText(TestTenant t, String debtor) throws Exception {
        String letter = id(postAs(t, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15"}""").andExpect(status().isCreated()));
        return Pdfs.text(content(t, letter));
    }

    @Test
    void every_template_is_listed_in_french_and_english_and_court_documents_in_french_only() throws Exception {
        var t = newTenant();
        getAs(t, "/api/v1/document-templates").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'reminder-1')].language", Matchers.containsInAnyOrder("fr", "en")))
                .andExpect(jsonPath("$[?(@.name == 'formal-notice')].language", Matchers.containsInAnyOrder("fr", "en")))
                .andExpect(jsonPath("$[?(@.name == 'injonction-request')].language", Matchers.contains("fr")))
                .andExpect(jsonPath("$[0].customised").value(false));
        getAs(t, "/api/v1/document-templates/formal-notice/fr").andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value(Matchers.containsString("{{debtor.name}}")))
                .andExpect(jsonPath("$.content").value(Matchers.containsString("article 1344 du Code civil")))
                .andExpect(jsonPath("$.fields").value(Matchers.hasItems("debtor.name", "claim.total", "letter.deadline",
                        "claim.invoices[].number")));
        getAs(t, "/api/v1/document-templates/injonction-request/en").andExpect(status().isUnprocessableContent());
        getAs(t, "/api/v1/document-templates/no-such-template/fr").andExpect(status().isNotFound());
    }

    @Test
    void a_tenants_own_template_replaces_the_default_for_that_tenant_only_until_it_is_reset() throws Exception {
        var admin = newTenant(Role.ADMIN);
        var neighbour = newTenant();
        String debtor = debtorWithTwoOverdueInvoices(admin, "C-TPL", "Client Modèle SAS", "fr");
        String other = debtorWithTwoOverdueInvoices(neighbour, "C-TPL", "Client Voisin SAS", "fr");

        putTemplate(admin, "reminder-1", "fr", CUSTOM_REMINDER).andExpect(status().isOk())
                .andExpect(jsonPath("$.customised").value(true))
                .andExpect(jsonPath("$.updatedBy").value(Matchers.startsWith("api-key")));
        assertThat(reminderText(admin, debtor)).contains("Cher client Client Modèle SAS, un petit rappel amical",
                "Facture F-A : 1 200,00 €", "Facture F-B : 2 500,00 €", "Total : 3 861,23 €");
        assertThat(reminderText(neighbour, other)).contains("Sauf erreur ou omission").doesNotContain("rappel amical");
        getAs(admin, "/api/v1/evidence?subjectId=" + admin.id())
                .andExpect(jsonPath("$[?(@.action == 'document-template.updated')]", Matchers.hasSize(1)));

        mvc.perform(delete("/api/v1/document-templates/reminder-1/fr").header("X-API-Key", admin.apiKey()))
                .andExpect(status().isNoContent());
        assertThat(reminderText(admin, debtor)).contains("Sauf erreur ou omission").doesNotContain("rappel amical");
    }

    @Test
    void debtor_text_stays_text_in_a_tenants_template_too() throws Exception {
        var admin = newTenant(Role.ADMIN);
        putTemplate(admin, "reminder-1", "fr", CUSTOM_REMINDER).andExpect(status().isOk());
        String debtor = debtorWithTwoOverdueInvoices(admin, "C-XSS", LettersContract.TRICKY_NAME, "fr");
        assertThat(reminderText(admin, debtor)).contains("Cher client " + LettersContract.TRICKY_NAME + ", un petit rappel");
    }

    @Test
    void a_template_that_would_not_render_or_could_reach_outside_is_refused_with_its_line() throws Exception {
        var admin = newTenant(Role.ADMIN);
        putTemplate(admin, "reminder-1", "fr", CUSTOM_REMINDER.replace("{{claim.total}}", "{{claim.totl}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("content"))
                .andExpect(jsonPath("$.errors[0].line").value(7))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("unknown field 'claim.totl'")));
        putTemplate(admin, "reminder-1", "fr", CUSTOM_REMINDER.replace("<p>Total", "<p><b>Total"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(Matchers.notNullValue()))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("well-formed")));
        putTemplate(admin, "reminder-1", "fr", CUSTOM_REMINDER.replace("{{debtor.name}}", "{{{debtor.name}}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("unescaped")));
        putTemplate(admin, "reminder-1", "fr", "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + CUSTOM_REMINDER)
                .andExpect(status().isUnprocessableContent());
        putTemplate(admin, "reminder-1", "fr", CUSTOM_REMINDER.replace("<p>Total", "<img src=\"http://169.254.169.254/latest\"/><p>Total"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("external resource")));
        putTemplate(admin, "letter-style", "fr", "@import url(file:///etc/passwd); body { color: red; }")
                .andExpect(status().isUnprocessableContent());
        // A partial that breaks a letter is refused on behalf of the letters that use it.
        putTemplate(admin, "letter-header", "fr", "<div>{{debtor.nom}}</div>")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("debtor.nom")));
        getAs(admin, "/api/v1/document-templates/reminder-1/fr").andExpect(jsonPath("$.customised").value(false));
    }

    @Test
    void only_an_administrator_changes_templates_and_settings() throws Exception {
        var manager = newTenant(Role.CREDIT_MANAGER);
        putTemplate(manager, "reminder-1", "fr", CUSTOM_REMINDER).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/document-templates/reminder-1/fr").header("X-API-Key", manager.apiKey()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/document-settings/logo").header("X-API-Key", manager.apiKey())
                .contentType(MediaType.IMAGE_PNG).content(png())).andExpect(status().isForbidden());
    }

    @Test
    void the_logo_is_printed_in_the_letterhead_and_a_preview_shows_a_template_with_example_data() throws Exception {
        var admin = newTenant(Role.ADMIN);
        mvc.perform(put("/api/v1/document-settings/logo").header("X-API-Key", admin.apiKey())
                .contentType(MediaType.IMAGE_PNG).content("not an image".getBytes())).andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/document-settings/logo").header("X-API-Key", admin.apiKey())
                .contentType(MediaType.IMAGE_PNG).content(png())).andExpect(status().isNoContent());
        String debtor = debtorWithTwoOverdueInvoices(admin, "C-LOGO", "Client Logo SAS", "fr");
        String letter = id(postAs(admin, "/api/v1/debtors/" + debtor + "/letters", """
                {"kind":"REMINDER_1","date":"2026-05-15"}""").andExpect(status().isCreated()));
        try (var doc = Loader.loadPDF(content(admin, letter))) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }

        byte[] preview = mvc.perform(post("/api/v1/document-templates/formal-notice/en/preview").header("X-API-Key", admin.apiKey()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Pdfs.text(preview)).contains("FORMAL NOTICE", "Exemple Débiteur SARL", "€1,257.58");
        mvc.perform(post("/api/v1/document-templates/reminder-1/fr/preview").header("X-API-Key", admin.apiKey())
                        .contentType(MediaType.TEXT_HTML).content(CUSTOM_REMINDER))
                .andExpect(status().isOk());
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(20, 60, 140));
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
