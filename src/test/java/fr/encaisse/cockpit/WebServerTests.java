package fr.encaisse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import fr.encaisse.support.Chromium;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The real server on a random port: a real Chromium logs in and reads the overview, and the
 * HTTP limits that only a real servlet container applies are checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:encaisse-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "encaisse.demo.enabled=false"})
class WebServerTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Ledger ledger;

    @Autowired
    Cases cases;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_credit_manager_logs_in_and_sees_the_debtors_and_overdue_invoices_of_their_tenant_only() {
        String slug = "web-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant mine = tenants.create(new NewTenant(slug, "Mon Entreprise SAS", null, null, null, null, null, null, null, null));
        tenants.addUser(mine.id(), slug + "@example.fr", "s3cret-pass", "Camille", Role.CREDIT_MANAGER);
        Tenant other = tenants.create(new NewTenant(slug + "-x", "Autre SAS", null, null, null, null, null, null, null, null));
        TenantContext.runAs(mine.id(), "test", () -> {
            var d = ledger.createDebtor(new DebtorDraft("C1", "Fromagerie <b>Dupont</b>", null, null, null, DebtorKind.B2B,
                    null, null, null, "fr", List.of()));
            ledger.issueInvoice(new InvoiceDraft(d.id(), "F-WEB-1", tenants.today(mine.id()).minusDays(60),
                    tenants.today(mine.id()).minusDays(30), null, "EUR", new BigDecimal("1000.00"), new BigDecimal("200.00"),
                    new BigDecimal("1200.00"), null));
            cases.openDispute(new NewDispute(d.id(), null, "Conteste le compte", null));
        });
        TenantContext.runAs(other.id(), "test", () -> ledger.createDebtor(new DebtorDraft("C1", "Client Caché", null, null,
                null, DebtorKind.B2B, null, null, null, "fr", List.of())));

        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(slug + "@example.fr");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("incorrect");

        browser.findElement(By.id("username")).sendKeys(slug + "@example.fr");
        browser.findElement(By.id("password")).sendKeys("s3cret-pass");
        browser.findElement(By.id("sign-in")).click();

        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("Mon Entreprise SAS");
        String debtors = browser.findElement(By.id("debtors")).getText();
        // Markup in a debtor's name is shown as text, never interpreted.
        assertThat(debtors).contains("Fromagerie <b>Dupont</b>").contains("1 200,00 €").doesNotContain("Client Caché");
        assertThat(browser.findElement(By.id("overdue-invoices")).getText()).contains("F-WEB-1");

        // The dashboard above the lists: F-WEB-1, 30 days past due, in the 1–30 column; the open dispute in the day's list.
        String aging = browser.findElement(By.id("aging-total")).getText();
        assertThat(aging).isEqualTo("Tous clients 0,00 € 1 200,00 € 0,00 € 0,00 € 0,00 € 1 200,00 € 1 200,00 € 0,00 €");
        assertThat(browser.findElement(By.id("aging-counts")).getText()).isEqualTo("Nombre de factures 0 1 0 0 0 1 1 0");
        assertThat(browser.findElement(By.id("aging")).getText()).contains("Fromagerie <b>Dupont</b>")
                .doesNotContain("Client Caché");
        assertThat(browser.findElement(By.id("today-disputes")).getText()).isEqualTo("1 Litiges ouverts");
        assertThat(browser.findElement(By.id("today-call-tasks")).getText()).startsWith("0 ");
        assertThat(browser.findElement(By.id("today")).findElements(By.tagName("li"))).hasSize(8);
        assertThat(browser.findElement(By.id("forecast-held")).getText()).isEqualTo("1 200,00 € (1 factures)");
        assertThat(browser.findElement(By.id("forecast")).findElements(By.cssSelector("tbody tr"))).hasSize(10);
        assertThat(browser.findElement(By.id("dso-value")).getText()).endsWith(" j");
    }

    @Test
    void an_oversized_upload_is_refused_with_a_problem_and_writes_nothing() throws Exception {
        Tenant t = tenants.create(new NewTenant("big-" + UUID.randomUUID().toString().substring(0, 8), "Big", null, null,
                null, null, null, null, null, null));
        String key = tenants.createApiKey(t.id(), "test", Role.CREDIT_MANAGER);
        byte[] body = new byte[51 * 1024 * 1024];
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://localhost:" + port + "/api/v1/imports/debtors"))
                        .header("X-API-Key", key).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("upload limit");
    }
}
