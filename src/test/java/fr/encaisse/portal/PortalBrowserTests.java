package fr.encaisse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.PauseReason;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import fr.encaisse.support.Chromium;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A debtor in a real Chromium, on the real server: opens the link from its email, sees its
 * invoices, sends a dispute without a reason (told which field), then with one, and sees the
 * invoice marked disputed — the real CSRF cookie and hidden field doing their work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:encaisse-portal-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "encaisse.demo.enabled=false"})
class PortalBrowserTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Ledger ledger;

    @Autowired
    PortalLinks links;

    @Autowired
    DunningPauses pauses;

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
    void a_debtor_opens_its_link_sees_its_invoices_disputes_one_and_sees_it_marked_disputed() throws Exception {
        String slug = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant creditor = tenants.create(new NewTenant(slug, "Brasserie du Port SAS", null, null, "3 quai Ouest", "29200", "Brest",
                null, null, null));
        LocalDate today = tenants.today(creditor.id());
        record Setup(Debtor debtor, Invoice contested, String url) {
        }
        Setup s = TenantContext.runAs(creditor.id(), "test", () -> {
            Debtor d = ledger.createDebtor(new DebtorDraft("CAFE-7", "Café <i>de la Gare</i>", null, null, null, DebtorKind.B2B,
                    null, null, null, "fr", List.of()));
            Invoice contested = ledger.issueInvoice(new InvoiceDraft(d.id(), "FAC-2026-101", today.minusDays(50),
                    today.minusDays(20), null, "EUR", new BigDecimal("1000.00"), new BigDecimal("200.00"),
                    new BigDecimal("1200.00"), null));
            ledger.issueInvoice(new InvoiceDraft(d.id(), "FAC-2026-102", today.minusDays(10), today.plusDays(20), null, "EUR",
                    new BigDecimal("250.00"), new BigDecimal("50.00"), new BigDecimal("300.00"), null));
            return new Setup(d, contested, links.issue(d.id()).url());
        });
        String address = "http://localhost:" + port + s.url().substring(s.url().indexOf("/portal/"));

        browser.get(address);
        assertThat(browser.findElement(By.id("creditor")).getText()).isEqualTo("Brasserie du Port SAS");
        // Markup in a name is text, never interpreted.
        assertThat(browser.findElement(By.id("intro")).getText()).contains("Café <i>de la Gare</i>");
        String invoices = browser.findElement(By.id("invoices")).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
        assertThat(invoices).contains("FAC-2026-101", "1 200,00 €", "FAC-2026-102", "300,00 €", "1 500,00 €");
        assertThat(invoices).doesNotContain("Contestée");

        // No reason: the form comes back naming the field, the chosen invoice still chosen.
        new Select(browser.findElement(By.id("dispute-invoice"))).selectByVisibleText("FAC-2026-101 — 1 200,00 €");
        browser.findElement(By.id("dispute-submit")).click();
        assertThat(browser.findElement(By.id("error-reason")).getText()).contains("obligatoire");
        assertThat(new Select(browser.findElement(By.id("dispute-invoice"))).getFirstSelectedOption().getText())
                .startsWith("FAC-2026-101");

        browser.findElement(By.id("reason")).sendKeys("Fûts livrés endommagés, voir notre courriel du 3.");
        browser.findElement(By.id("dispute-submit")).click();
        assertThat(browser.findElement(By.id("done")).getText()).contains("Votre contestation est enregistrée");
        assertThat(browser.findElement(By.cssSelector("tr[data-invoice='FAC-2026-101'] .status")).getText()).isEqualTo("Contestée");
        assertThat(browser.findElement(By.cssSelector("tr[data-invoice='FAC-2026-102'] .status")).getText()).isEmpty();
        assertThat(TenantContext.runAs(creditor.id(), "test", () -> pauses.ofInvoice(s.contested().id(), today).reasons()))
                .containsExactly(PauseReason.DISPUTE);

        // A wrong link, on the real server: a bare 404 that names nothing.
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                address.substring(0, address.length() - 4) + "AAAA")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("Page introuvable").doesNotContain("Brasserie", "CAFE-7", "FAC-2026");
    }
}
