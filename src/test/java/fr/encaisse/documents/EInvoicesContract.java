package fr.encaisse.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Factur-X out (validated by Mustang at EN 16931) and e-invoices in: the published samples of the
 * Mustang project (in {@code ../shared/samples/einvoices}, never copied here) import with their
 * amounts; a broken, foreign or duplicate file is refused and nothing is written.
 */
abstract class EInvoicesContract extends DocumentsTestSupport {

    static Path sample(String name) {
        Path file = Path.of(System.getProperty("encaisse.shared.dir", "../shared"), "samples", "einvoices", name);
        assumeTrue(Files.isRegularFile(file), () -> "skipped: published sample " + file.toAbsolutePath()
                + " is absent (set -Dencaisse.shared.dir to the shared folder)");
        return file;
    }

    @Autowired
    JdbcClient jdbc;

    /**
     * A tenant whose identifiers are the seller's in the file: only the seller may read its invoices into
     * its receivables. The tenancy API sets identifiers at creation only, so the test fixture sets them here.
     */
    TestTenant seller(String siren, String vat) {
        TestTenant t = newTenant();
        jdbc.sql("UPDATE tenant SET siren = ?, vat_number = ? WHERE id = ?").params(siren, vat, t.id()).update();
        return t;
    }

    ResultActions upload(TestTenant t, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/einvoices").file(new MockMultipartFile("file", fileName,
                fileName.endsWith(".pdf") ? "application/pdf" : "application/xml", content)).header("X-API-Key", t.apiKey()));
    }

    static String cii(String number, String sellerVat, String buyer, String net, String vat, String total, String paid, String due)
            throws IOException {
        try (InputStream in = EInvoicesContract.class.getResourceAsStream("invoice-cii.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("NUMBER", number).replace("SELLER_VAT", sellerVat)
                    .replace("BUYER_NAME", buyer).replace("<ram:LineTotalAmount>NET", "<ram:LineTotalAmount>" + net)
                    .replace("<ram:TaxBasisTotalAmount>NET", "<ram:TaxBasisTotalAmount>" + net)
                    .replace(">VAT<", ">" + vat + "<").replace("TOTAL", total).replace("PAID", paid).replace(">DUE<", ">" + due + "<");
        }
    }

    void nothingWritten(TestTenant t) throws Exception {
        getAs(t, "/api/v1/invoices?limit=5").andExpect(jsonPath("$.items.length()").value(0));
        getAs(t, "/api/v1/debtors?limit=5").andExpect(jsonPath("$.items.length()").value(0));
        getAs(t, "/api/v1/credit-notes?limit=5").andExpect(jsonPath("$.items.length()").value(0));
        getAs(t, "/api/v1/evidence/verification").andExpect(jsonPath("$.entriesChecked").value(0));
    }

    @Test
    void a_factur_x_written_by_encaisse_passes_mustangs_validator_at_the_en16931_profile() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C-FX");
        String invoice = id(postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"FX-2026-001","issueDate":"2026-01-15","dueDate":"2026-03-16","currency":"EUR",
                 "amountExclTax":1000.00,"vatAmount":200.00,"amountInclTax":1200.00,"paymentTerms":"60 jours date de facture",
                 "poReference":"PO-1"}""".formatted(debtor)));
        byte[] pdf = getAs(t, "/api/v1/invoices/" + invoice + "/facturx").andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "FX-2026-001.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(report).contains("<profile>urn:cen.eu:en16931:2017</profile>").doesNotContain("<error");
        assertThat(Pdfs.fontsNotEmbedded(pdf)).isEmpty();
        assertThat(Pdfs.text(pdf)).contains("FACTURE N° FX-2026-001", "Client C-FX SAS", "1 000,00 €", "200,00 €", "1 200,00 €",
                "16/03/2026", "40 €");

        // Unchanged invoice: the same document comes back, journaled once.
        String sha = json(getAs(t, "/api/v1/debtors/" + debtor + "/documents"), "$[0].sha256");
        byte[] again = getAs(t, "/api/v1/invoices/" + invoice + "/facturx").andReturn().getResponse().getContentAsByteArray();
        assertThat(sha256(again)).isEqualTo(sha).isEqualTo(sha256(pdf));
        getAs(t, "/api/v1/debtors/" + debtor + "/documents").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("FACTURX_INVOICE"));

        // Read back by another tenant of the same seller (every test tenant has SIREN 732829320): same figures.
        var other = newTenant();
        upload(other, "FX-2026-001.pdf", pdf).andExpect(status().isCreated())
                .andExpect(jsonPath("$.syntax").value("FACTURX_PDF"))
                .andExpect(jsonPath("$.profile").value("urn:cen.eu:en16931:2017"))
                .andExpect(jsonPath("$.number").value("FX-2026-001"))
                .andExpect(jsonPath("$.amountExclTax").value(1000.00))
                .andExpect(jsonPath("$.vatAmount").value(200.00))
                .andExpect(jsonPath("$.amountInclTax").value(1200.00))
                .andExpect(jsonPath("$.dueDate").value("2026-03-16"))
                .andExpect(jsonPath("$.iban").value("FR7630006000011234567890189"))
                .andExpect(jsonPath("$.debtorName").value("Client C-FX SAS"))
                .andExpect(jsonPath("$.debtorCreated").value(true));
    }

    static Stream<Arguments> publishedSamples() {
        // file, seller SIREN, seller VAT, number, syntax, net, VAT, total, open after import, due date (null: derived)
        return Stream.of(
                Arguments.of("EN16931_Einfach.pdf", null, "DE123456789", "471102", "FACTURX_PDF", "473.00", "56.87", "529.87", "529.87", null),
                Arguments.of("Facture_F20180027.pdf", "123456789", "FR32123456789", "F20180027", "FACTURX_PDF", "100.00", "10.00", "110.00", "100.00", "2019-01-30"),
                Arguments.of("Factur-X_basic.xml", null, "DE123456789", "471102", "CII", "198.00", "37.62", "235.62", "235.62", "2024-12-15"),
                Arguments.of("facturFrMinimum.xml", "999999998", "FR11999999998", "FA-2017-0010", "CII", "624.90", "46.25", "671.15", "470.15", null),
                Arguments.of("01.01a-INVOICE.ubl.xml", null, "DE123456789", "123456XX", "UBL", "314.86", "22.04", "336.90", "336.90", null),
                Arguments.of("ubl-creditnote.xml", null, "DK12345", "TOSL108", "UBL", "1436.80", "292.20", "1729.00", "1729.00", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedSamples")
    void the_published_samples_import_with_their_amounts(String file, String siren, String vat, String number, String syntax,
                                                         String net, String tax, String total, String open, String due) throws Exception {
        byte[] content = Files.readAllBytes(sample(file));
        var t = seller(siren, vat);
        var result = upload(t, file, content).andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.syntax").value(syntax))
                .andExpect(jsonPath("$.amountExclTax").value(Double.parseDouble(net)))
                .andExpect(jsonPath("$.vatAmount").value(Double.parseDouble(tax)))
                .andExpect(jsonPath("$.amountInclTax").value(Double.parseDouble(total)))
                .andExpect(jsonPath("$.openAmount").value(Double.parseDouble(open)))
                .andExpect(jsonPath("$.currency").value("EUR"));
        if (due != null) {
            result.andExpect(jsonPath("$.dueDate").value(due));
        } else if (!file.contains("creditnote")) {
            result.andExpect(jsonPath("$.warnings", Matchers.hasItem(Matchers.containsString("BT-9"))));
        }
        String debtor = json(result, "$.debtorId");
        if (file.contains("creditnote")) {
            String note = json(result, "$.creditNoteId");
            getAs(t, "/api/v1/credit-notes/" + note).andExpect(jsonPath("$.amountInclTax").value(Double.parseDouble(total)));
        } else {
            String invoice = json(result, "$.invoiceId");
            getAs(t, "/api/v1/invoices/" + invoice).andExpect(jsonPath("$.number").value(number))
                    .andExpect(jsonPath("$.amountInclTax").value(Double.parseDouble(total)))
                    .andExpect(jsonPath("$.openAmount").value(Double.parseDouble(open)))
                    .andExpect(jsonPath("$.debtorId").value(debtor));
        }
        // The original is kept, byte for byte, under its hash, and journaled.
        String documentId = json(result, "$.documentId");
        byte[] kept = getAs(t, "/api/v1/documents/" + documentId + "/content").andReturn().getResponse().getContentAsByteArray();
        assertThat(kept).isEqualTo(content);
        getAs(t, "/api/v1/evidence?subjectId=" + debtor)
                .andExpect(jsonPath("$[?(@.action == 'einvoice.imported')]", Matchers.hasSize(1)));
    }

    @Test
    void the_french_sample_reads_the_buyer_the_payment_account_and_the_amount_already_paid() throws Exception {
        byte[] content = Files.readAllBytes(sample("Facture_F20180027.pdf"));
        var t = seller("123456789", "FR32123456789");
        var result = upload(t, "Facture_F20180027.pdf", content).andExpect(status().isCreated())
                .andExpect(jsonPath("$.debtorName").value("LE CLIENT"))
                .andExpect(jsonPath("$.debtorCreated").value(true))
                .andExpect(jsonPath("$.prepaidAmount").value(10.00))
                .andExpect(jsonPath("$.iban").value("FR7612542547256985425874698"))
                .andExpect(jsonPath("$.warnings", Matchers.hasItem(Matchers.containsString("SIRET 98765432100029"))));
        getAs(t, "/api/v1/debtors/" + json(result, "$.debtorId"))
                .andExpect(jsonPath("$.vatNumber").value("FR05987654321"))
                .andExpect(jsonPath("$.siret").doesNotExist());
    }

    @Test
    void a_buyer_already_in_the_ledger_is_matched_by_siren() throws Exception {
        var t = newTenant();
        String existing = createDebtor(t, "C-KNOWN");
        upload(t, "a.xml", cii("CII-1", "FR44732829320", "Nom Différent SARL", "100.00", "20.00", "120.00", "0.00", "120.00")
                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.debtorId").value(existing))
                .andExpect(jsonPath("$.debtorCreated").value(false))
                .andExpect(jsonPath("$.dueDate").value("2026-02-04"))
                .andExpect(jsonPath("$.paymentTerms").value("30 jours date de facture"));
        getAs(t, "/api/v1/invoices?debtorId=" + existing).andExpect(jsonPath("$.items[0].poReference").value("PO-9"));
    }

    @Test
    void a_corrupted_file_is_refused_with_what_is_wrong_and_nothing_is_written() throws Exception {
        var t = newTenant();
        // Totals that do not add up: named by their business terms.
        upload(t, "bad.xml", cii("CII-2", "FR44732829320", "Client SAS", "100.00", "20.00", "121.00", "0.00", "121.00")
                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("BT-112 (total with VAT)"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("BR-CO-15")));
        // A truncated XML, a truncated PDF, and bytes that are neither.
        byte[] xml = cii("CII-3", "FR44732829320", "Client SAS", "100.00", "20.00", "120.00", "0.00", "120.00").getBytes(StandardCharsets.UTF_8);
        upload(t, "cut.xml", Arrays.copyOf(xml, xml.length / 2)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("well-formed")));
        byte[] pdf = Pdfs.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf").readAllBytes();
        upload(t, "random.pdf", pdf).andExpect(status().isUnprocessableContent());
        byte[] letter = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.US_ASCII);
        upload(t, "cut.pdf", letter).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        // An XML external entity is never resolved.
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + new String(xml, StandardCharsets.UTF_8)
                .substring(new String(xml, StandardCharsets.UTF_8).indexOf("<rsm:")).replace("Client SAS", "&e;");
        upload(t, "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent());
        // Missing terms are all reported at once.
        String empty = cii("", "FR44732829320", "", "", "", "", "0.00", "0");
        upload(t, "empty.xml", empty.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("BT-1 (invoice number)", "BT-44 (buyer name)",
                        "BT-109 (total without VAT)", "BT-112 (total with VAT)")));
        nothingWritten(t);
    }

    @Test
    void an_invoice_issued_by_someone_else_or_already_imported_is_refused_and_nothing_is_written() throws Exception {
        var t = newTenant();
        upload(t, "foreign.xml", cii("CII-4", "FR32123456789", "Client SAS", "100.00", "20.00", "120.00", "0.00", "120.00")
                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("BT-31 (seller VAT identifier)"));
        nothingWritten(t);

        byte[] ok = cii("CII-5", "FR44732829320", "Client Unique SAS", "100.00", "20.00", "120.00", "20.00", "100.00")
                .getBytes(StandardCharsets.UTF_8);
        upload(t, "ok.xml", ok).andExpect(status().isCreated()).andExpect(jsonPath("$.openAmount").value(100.00));
        upload(t, "again.xml", ok).andExpect(status().isConflict());
        getAs(t, "/api/v1/invoices?limit=5").andExpect(jsonPath("$.items.length()").value(1));
        getAs(t, "/api/v1/debtors?limit=5").andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void a_raw_xml_body_is_accepted_too() throws Exception {
        var t = newTenant();
        mvc.perform(post("/api/v1/einvoices").header("X-API-Key", t.apiKey()).contentType(MediaType.APPLICATION_XML)
                        .content(cii("CII-6", "FR44732829320", "Client Brut SAS", "50.00", "10.00", "60.00", "0.00", "60.00")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.syntax").value("CII"))
                .andExpect(jsonPath("$.amountInclTax").value(60.00));
    }
}
