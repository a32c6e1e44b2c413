package fr.encaisse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.demo.DemoData;
import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.Documents;
import fr.encaisse.documents.StoredDocument;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.DebtorSummary;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import fr.encaisse.support.Chromium;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant in a real Chromium: from the overview to a debtor's page, a formal notice is
 * written and downloaded, and the PDF names the debtor, its overdue invoices, the total to the
 * cent and the deadline; the debtor's timeline links to it. The debtor's portal link is issued there,
 * opens the debtor's account in the same browser, and is revoked; a viewer cannot issue it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:encaisse-debtor-page;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "encaisse.demo.enabled=false"})
class DebtorPageBrowserTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Ledger ledger;

    @Autowired
    Documents documents;

    @Autowired
    PlatformTransactionManager transactions;

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
    void a_demo_debtors_formal_notice_is_written_and_downloaded_from_its_page() throws Exception {
        // The demo tenant, smaller than on a real first start: same seed, same shapes.
        new DemoData(tenants, ledger, new TransactionTemplate(transactions)).createIfAbsent(12, 160);
        Tenant demo = tenants.bySlug(DemoData.TENANT).orElseThrow();
        DebtorSummary late = TenantContext.runAs(demo.id(), "test", () -> ledger.debtors(null, 100, null).items().stream()
                .filter(d -> d.kind() == DebtorKind.B2B && d.overdueAmount().signum() > 0)
                .max((a, b) -> a.overdueAmount().compareTo(b.overdueAmount())).orElseThrow());

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(DemoData.LOGIN);
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        browser.findElement(By.linkText(late.legalName())).click();
        assertThat(browser.findElement(By.id("debtor-name")).getText()).isEqualTo(late.legalName());

        browser.findElement(By.id("generate-FORMAL_NOTICE")).click();
        assertThat(browser.findElement(By.id("flash-info")).getText()).contains("Mise en demeure");
        WebElement link = browser.findElement(By.cssSelector("#documents a.download[data-kind='FORMAL_NOTICE']"));
        String href = link.getAttribute("href");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("document.generated");
        assertThat(browser.findElements(By.cssSelector("#timeline a"))).extracting(WebElement::getText).contains(link.getText());

        // Download it as the browser would, with the browser's session.
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        String text;
        try (var pdf = Loader.loadPDF(response.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf).replace('\u00A0', ' ').replaceAll("\\s+", " ");
        }

        StoredDocument notice = TenantContext.runAs(demo.id(), "test", () -> documents.ofDebtor(late.id()).stream()
                .filter(d -> d.kind() == DocumentKind.FORMAL_NOTICE).findFirst().orElseThrow());
        List<Invoice> overdue = TenantContext.runAs(demo.id(), "test", () -> ledger.invoices(new InvoiceQuery(null, late.id(), null,
                notice.documentDate().minusDays(1), false, 500, null)).items().stream().filter(i -> i.openAmount().signum() > 0).toList());
        assertThat(overdue).isNotEmpty();
        assertThat(text).contains("MISE EN DEMEURE", late.legalName(), french(notice.amountClaimed()),
                "au plus tard le " + notice.deadline().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        for (Invoice invoice : overdue) {
            assertThat(text).contains(invoice.number(), french(invoice.openAmount()));
        }
    }

    @Test
    void a_credit_manager_issues_the_portal_link_opens_it_and_revokes_it_a_viewer_cannot() {
        new DemoData(tenants, ledger, new TransactionTemplate(transactions)).createIfAbsent(12, 160);
        Tenant demo = tenants.bySlug(DemoData.TENANT).orElseThrow();
        DebtorSummary debtor = TenantContext.runAs(demo.id(), "test", () -> ledger.debtors(null, 100, null).items().stream()
                .filter(d -> d.overdueAmount().signum() > 0).findFirst().orElseThrow());
        List<String> open = TenantContext.runAs(demo.id(), "test", () -> ledger.invoices(new InvoiceQuery(null, debtor.id(),
                null, null, false, 500, null)).items().stream().filter(i -> i.openAmount().signum() > 0).map(Invoice::number).toList());
        String debtorPage = "http://localhost:" + port + "/debtors/" + debtor.id();

        signIn(DemoData.LOGIN, DemoData.PASSWORD);
        browser.get(debtorPage);
        browser.findElement(By.id("portal-issue")).click();
        assertThat(browser.findElement(By.id("flash-info")).getText()).contains("Lien du portail prêt, valable jusqu'au");
        String expiry = browser.findElement(By.id("portal-expiry")).getText();
        String url = browser.findElement(By.id("portal-url")).getAttribute("value");
        assertThat(url).matches("http://localhost:8080/portal/[A-Za-z0-9_-]{43}");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("portal-link.issued");

        // The configured public address is not this test server's: same path, this port.
        String portal = "http://localhost:" + port + url.substring(url.indexOf("/portal/"));
        browser.get(portal);
        assertThat(browser.getTitle()).contains(demo.name());
        assertThat(browser.findElements(By.cssSelector("tr[data-invoice]"))).extracting(e -> e.getAttribute("data-invoice"))
                .containsExactlyInAnyOrderElementsOf(open);

        // Issued again while valid: the same link.
        browser.get(debtorPage);
        browser.findElement(By.id("portal-issue")).click();
        assertThat(browser.findElement(By.id("portal-url")).getAttribute("value")).isEqualTo(url);
        assertThat(browser.findElement(By.id("portal-expiry")).getText()).isEqualTo(expiry);

        // A viewer sees that a link is live, not the link, and no button; a forged post is refused.
        String viewer = "viewer-" + UUID.randomUUID() + "@encaisse.fr";
        tenants.addUser(demo.id(), viewer, "viewer-pass", "Victor Lecteur", Role.VIEWER);
        browser.findElement(By.cssSelector("form.logout button")).click();
        signIn(viewer, "viewer-pass");
        browser.get(debtorPage);
        assertThat(browser.findElement(By.id("portal-state")).getText()).contains("Lien actif jusqu'au " + expiry);
        assertThat(browser.findElements(By.id("portal-url"))).isEmpty();
        assertThat(browser.findElements(By.id("portal-issue"))).isEmpty();
        assertThat(browser.findElements(By.id("portal-revoke"))).isEmpty();
        submitLogoutFormTo("/debtors/" + debtor.id() + "/portal-link/revoke");
        assertThat(browser.findElement(By.id("flash-error")).getText()).contains("consulter, pas d'écrire");
        browser.get(portal);
        assertThat(browser.findElements(By.cssSelector("tr[data-invoice]"))).isNotEmpty();

        // The credit manager revokes it: the debtor's page is gone at once.
        browser.get(debtorPage);
        browser.findElement(By.cssSelector("form.logout button")).click();
        signIn(DemoData.LOGIN, DemoData.PASSWORD);
        browser.get(debtorPage);
        browser.findElement(By.id("portal-revoke")).click();
        assertThat(browser.findElement(By.id("flash-info")).getText()).contains("révoqué");
        assertThat(browser.findElement(By.id("portal-state")).getText()).isEqualTo("Aucun lien actif.");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("portal-link.revoked");
        browser.get(portal);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // Wait for the signed-in page (its logout form): navigating on at once would abort the login.
        browser.findElement(By.cssSelector("form.logout"));
    }

    /** A post the page does not offer, with the session's CSRF token (taken from the logout form). */
    private void submitLogoutFormTo(String path) {
        ((JavascriptExecutor) browser).executeScript(
                "const f = document.querySelector('form.logout'); f.action = arguments[0]; f.submit();", path);
    }

    static String french(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount.setScale(2, RoundingMode.HALF_UP)) + " €";
    }
}
