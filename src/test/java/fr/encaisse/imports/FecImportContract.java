package fr.encaisse.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.imports.bench.FecGenerator;
import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorSummary;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Payment;
import fr.encaisse.support.ApiTestSupport;
import fr.encaisse.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * FEC import, on the hand-built books in {@code src/test/resources/fr/encaisse/imports}: three
 * customers (one on a collective account with auxiliary accounts, one with its own 411 account,
 * one whose invoice was written off), invoices, a credit note, full and partial payments,
 * lettered and unlettered items, a multi-line entry, an opening entry, a purchase.
 */
abstract class FecImportContract extends ApiTestSupport {

    static final String V1 = "123456789FEC20261231-v1.txt";
    static final String V2 = "123456789FEC20261231-v2.txt";
    static final String MONTANT_SENS = "123456789FEC20261231-montant-sens.txt";
    static final Charset LATIN_9 = Charset.forName("ISO-8859-15");

    /** What v1 leaves open: number → open amount, status, due date. */
    static final Map<String, String> V1_OPEN_ITEMS = Map.of(
            "F2025-099", "350.00 OPEN due 2026-01-14",
            "F001", "0.00 PAID due 2026-02-14",
            "F002", "0.00 PAID due 2026-02-19",
            "F003", "1400.00 PARTIALLY_PAID due 2026-02-24",
            "F004", "1800.00 OPEN due 2026-03-07",
            "F005", "80.00 OPEN due 2026-03-31");

    @Autowired
    Ledger ledger;

    @Autowired
    Evidence evidence;

    @Autowired
    JdbcClient jdbc;

    static byte[] resource(String name) {
        try (InputStream in = FecImportContract.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResultActions importFec(TestTenant t, byte[] content, String query) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/fec" + query)
                .file(new MockMultipartFile("file", "123456789FEC20261231.txt", "text/plain", content))
                .header("X-API-Key", t.apiKey()));
    }

    <T> T as(TestTenant t, Supplier<T> work) {
        return TenantContext.runAs(t.id(), "test", work);
    }

    Map<String, String> openItems(TestTenant t) {
        List<Invoice> invoices = as(t, () -> ledger.invoices(new InvoiceQuery(null, null, null, null, false, 500, null)).items());
        return invoices.stream().collect(Collectors.toMap(Invoice::number,
                i -> i.openAmount().setScale(2) + " " + i.status() + " due " + i.dueDate(), (a, b) -> a, TreeMap::new));
    }

    long journalLength(TestTenant t) {
        return as(t, () -> evidence.verify()).entriesChecked();
    }

    @Test
    void a_fec_imports_to_the_exact_expected_open_items() throws Exception {
        var t = newTenant();
        importFec(t, resource(V1), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.encoding").value("ISO-8859-15"))
                .andExpect(jsonPath("$.separator").value("tab"))
                .andExpect(jsonPath("$.amountColumns").value("Debit/Credit"))
                .andExpect(jsonPath("$.lines").value(33))
                .andExpect(jsonPath("$.entries").value(12))
                .andExpect(jsonPath("$.customerLines").value(11))
                .andExpect(jsonPath("$.termDays").value(30))
                .andExpect(jsonPath("$.created.debtors").value(3))
                .andExpect(jsonPath("$.created.invoices").value(6))
                .andExpect(jsonPath("$.created.creditNotes").value(1))
                .andExpect(jsonPath("$.created.payments").value(3))
                .andExpect(jsonPath("$.created.allocations").value(4))
                .andExpect(jsonPath("$.updated.invoicesSettled").value(2))
                .andExpect(jsonPath("$.skipped.length()").value(1))
                .andExpect(jsonPath("$.skipped[0].lines").value(1))
                .andExpect(jsonPath("$.skipped[0].firstLines[0]").value(33))
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("invoice F005 (line 27) is lettered 'C'")));

        assertThat(openItems(t)).isEqualTo(new TreeMap<>(V1_OPEN_ITEMS));
        Invoice f004 = as(t, () -> ledger.invoiceByNumber("F004")).orElseThrow();
        assertThat(f004.amountExclTax()).isEqualByComparingTo("1500.00");
        assertThat(f004.vatAmount()).isEqualByComparingTo("300.00");
        assertThat(f004.paymentTerms()).contains("30 days").contains("no due date");

        CreditNote av001 = as(t, () -> ledger.creditNoteByNumber("AV001")).orElseThrow();
        assertThat(av001.openAmount()).isEqualByComparingTo("0");
        assertThat(av001.vatAmount()).isEqualByComparingTo("20.00");

        List<Payment> payments = as(t, () -> ledger.payments(null, 50, null).items());
        assertThat(payments).extracting(p -> p.amount().setScale(2) + " " + p.unallocatedAmount().setScale(2) + " " + p.method())
                .containsExactlyInAnyOrder("1200.00 0.00 TRANSFER", "1000.00 0.00 CHECK", "480.00 0.00 TRANSFER");

        List<DebtorSummary> debtors = as(t, () -> ledger.debtors(null, 50, null).items());
        assertThat(debtors).extracting(d -> d.reference() + " " + d.legalName())
                .containsExactlyInAnyOrder("CMARTIN Boulangerie Martin", "411DUPONT Électricité Dupont", "CPETIT Petit Café");
        Debtor dupont = as(t, () -> ledger.debtorByReference("411DUPONT")).orElseThrow();
        assertThat(as(t, () -> ledger.balances(dupont.id())).get(0).balance()).isEqualByComparingTo("3550.00");

        // One evidence entry for the whole import, and the chain still verifies.
        assertThat(journalLength(t)).isEqualTo(1);
        assertThat(as(t, () -> evidence.verify()).intact()).isTrue();
        // Another tenant sees none of it.
        assertThat(openItems(newTenant())).isEmpty();
    }

    @Test
    void importing_the_same_fec_twice_changes_nothing() throws Exception {
        var t = newTenant();
        importFec(t, resource(V1), "").andExpect(status().isOk());
        Map<String, String> before = openItems(t);
        long journal = journalLength(t);

        importFec(t, resource(V1), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.created.debtors").value(0))
                .andExpect(jsonPath("$.created.invoices").value(0))
                .andExpect(jsonPath("$.created.creditNotes").value(0))
                .andExpect(jsonPath("$.created.payments").value(0))
                .andExpect(jsonPath("$.created.allocations").value(0))
                .andExpect(jsonPath("$.updated.newlyLettered").value(0))
                .andExpect(jsonPath("$.unchanged").value(10));

        assertThat(openItems(t)).isEqualTo(before);
        assertThat(as(t, () -> ledger.payments(null, 50, null).items())).hasSize(3);
        assertThat(journalLength(t)).isEqualTo(journal);
    }

    /**
     * Books of 250 customers: the lettering pass works through them in pages of 100 debtors (on H2
     * from one sorted read cut into pages, on PostgreSQL one query a page) and must leave exactly
     * what the books leave open, every row consistent with its allocations.
     */
    @Test
    void books_of_several_pages_of_customers_leave_exactly_what_the_books_leave_open(@TempDir Path dir) throws Exception {
        var t = newTenant();
        Path fec = dir.resolve("123456789FEC20261231.txt");
        BigDecimal expectedOpen = BigDecimal.valueOf(FecGenerator.write(fec, 8_000, 250), 2);
        importFec(t, Files.readAllBytes(fec), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.created.debtors").value(250));

        assertThat(jdbc.sql("SELECT COALESCE(SUM(open_amount), 0) FROM invoice WHERE tenant_id = ? AND kind = 'INVOICE'")
                .param(t.id()).query(BigDecimal.class).single()).isEqualByComparingTo(expectedOpen);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM invoice i WHERE i.tenant_id = :t AND (i.open_amount < 0
                           OR i.amount_incl_tax - i.open_amount <>
                              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.tenant_id = :t AND a.invoice_id = i.id), 0)
                            + COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.tenant_id = :t AND a.credit_note_id = i.id), 0))""")
                .param("t", t.id()).query(Long.class).single()).as("invoices and credit notes whose open amount disagrees").isZero();
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM payment p WHERE p.tenant_id = :t AND (p.unallocated_amount < 0
                           OR p.amount - p.unallocated_amount <>
                              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.tenant_id = :t AND a.payment_id = p.id), 0))""")
                .param("t", t.id()).query(Long.class).single()).as("payments whose unallocated amount disagrees").isZero();
    }

    @Test
    void a_later_fec_settles_what_was_lettered_in_between_and_keeps_what_was_added_by_hand() throws Exception {
        var t = newTenant();
        importFec(t, resource(V1), "").andExpect(status().isOk());
        Debtor dupont = as(t, () -> ledger.debtorByReference("411DUPONT")).orElseThrow();
        as(t, () -> ledger.issueInvoice(new InvoiceDraft(dupont.id(), "H-001", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1),
                null, "EUR", new BigDecimal("500.00"), BigDecimal.ZERO, new BigDecimal("500.00"), null)));

        importFec(t, resource(V2), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created.debtors").value(0))
                .andExpect(jsonPath("$.created.invoices").value(1))
                .andExpect(jsonPath("$.created.payments").value(1))
                .andExpect(jsonPath("$.created.allocations").value(1))
                .andExpect(jsonPath("$.updated.newlyLettered").value(2))
                .andExpect(jsonPath("$.updated.invoicesSettled").value(1))
                .andExpect(jsonPath("$.unchanged").value(8));

        Map<String, String> expected = new TreeMap<>(V1_OPEN_ITEMS);
        expected.put("F003", "0.00 PAID due 2026-02-24");
        expected.put("F006", "240.00 OPEN due 2026-05-15");
        expected.put("H-001", "500.00 OPEN due 2026-05-01");
        assertThat(openItems(t)).isEqualTo(expected);
        assertThat(as(t, () -> ledger.payments(null, 50, null).items())).hasSize(4);

        // And the later file twice is still nothing new.
        importFec(t, resource(V2), "").andExpect(jsonPath("$.created.allocations").value(0))
                .andExpect(jsonPath("$.created.invoices").value(0));
        assertThat(openItems(t)).isEqualTo(expected);
    }

    @Test
    void an_invoice_and_a_payment_typed_in_encaisse_before_are_matched_not_duplicated() throws Exception {
        var t = newTenant();
        Debtor martin = as(t, () -> ledger.createDebtor(new fr.encaisse.ledger.DebtorDraft("CMARTIN", "Boulangerie Martin SARL",
                null, null, null, fr.encaisse.ledger.DebtorKind.B2B, null, "compta@martin.fr", null, "fr", List.of())));
        as(t, () -> ledger.issueInvoice(new InvoiceDraft(martin.id(), "F001", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31),
                null, "EUR", new BigDecimal("1000.00"), new BigDecimal("200.00"), new BigDecimal("1200.00"), "PO-1")));
        as(t, () -> ledger.recordPayment(new fr.encaisse.ledger.PaymentDraft(martin.id(), LocalDate.of(2026, 2, 10),
                new BigDecimal("1200.00"), "EUR", fr.encaisse.ledger.PaymentMethod.TRANSFER, "typed by hand", List.of())));

        importFec(t, resource(V1), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created.debtors").value(2))
                .andExpect(jsonPath("$.created.invoices").value(5))
                .andExpect(jsonPath("$.created.payments").value(2))
                .andExpect(jsonPath("$.updated.matchedInvoices").value(1))
                .andExpect(jsonPath("$.updated.matchedPayments").value(1));

        // Encaisse's own data is kept: name, due date, PO; the books' lettering settles the invoice with the typed payment.
        assertThat(as(t, () -> ledger.debtor(martin.id())).legalName()).isEqualTo("Boulangerie Martin SARL");
        Invoice f001 = as(t, () -> ledger.invoiceByNumber("F001")).orElseThrow();
        assertThat(f001.dueDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(f001.poReference()).isEqualTo("PO-1");
        assertThat(f001.openAmount()).isEqualByComparingTo("0");
        assertThat(as(t, () -> ledger.payments(martin.id(), 50, null).items()))
                .extracting(p -> p.reference() + " " + p.unallocatedAmount().setScale(2))
                .containsExactlyInAnyOrder("typed by hand 0.00", "VIR0305 VIR MARTIN F002 0.00");
    }

    @Test
    void the_montant_sens_variant_in_utf8_with_pipes_reads_the_same_books_with_the_term_asked_for() throws Exception {
        var t = newTenant();
        importFec(t, resource(MONTANT_SENS), "?termDays=60")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.encoding").value("UTF-8"))
                .andExpect(jsonPath("$.separator").value("|"))
                .andExpect(jsonPath("$.amountColumns").value("Montant/Sens"))
                .andExpect(jsonPath("$.dueDates").value(org.hamcrest.Matchers.containsString("60 days")));

        Map<String, String> open = openItems(t);
        assertThat(open.keySet()).isEqualTo(V1_OPEN_ITEMS.keySet());
        V1_OPEN_ITEMS.forEach((number, item) -> assertThat(open.get(number)).startsWith(item.substring(0, item.indexOf(" due"))));
        assertThat(open.get("F003")).endsWith("due 2026-03-26");
    }

    @Test
    void the_tenant_setting_gives_the_default_term() throws Exception {
        var t = newTenant();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/imports/settings")
                        .header("X-API-Key", t.apiKey()).contentType("application/json").content("""
                                {"defaultTermDays":45,"customerAccountPrefix":"411","customerAccount":"411000",
                                 "bankAccount":"512100","suspenseAccount":"471000","bankJournal":"BQ1","miscJournal":"OD"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.defaultTermDays").value(45));
        importFec(t, resource(V1), "?dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.termDays").value(45))
                .andExpect(jsonPath("$.created.invoices").value(6));
        // A dry run writes nothing.
        assertThat(openItems(t)).isEmpty();
        importFec(t, resource(V1), "").andExpect(status().isOk());
        assertThat(openItems(t).get("F003")).endsWith("due 2026-03-11");
    }

    @Test
    void a_raw_body_imports_like_a_multipart_file() throws Exception {
        var t = newTenant();
        mvc.perform(post("/api/v1/imports/fec?fileName=books.txt").header("X-API-Key", t.apiKey())
                        .contentType("text/plain").content(resource(V1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("books.txt"))
                .andExpect(jsonPath("$.sha256").value(org.hamcrest.Matchers.hasLength(64)));
        assertThat(openItems(t)).isEqualTo(new TreeMap<>(V1_OPEN_ITEMS));
    }

    // ---- bad input: a clear report naming line and column, and nothing written

    List<Map<String, Object>> refused(TestTenant t, byte[] content) throws Exception {
        var result = importFec(t, content, "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.applied").value(false));
        assertThat(as(t, () -> ledger.debtors(null, 10, null).items())).isEmpty();
        assertThat(openItems(t)).isEmpty();
        return json(result, "$.errors");
    }

    static String v1Text() {
        return new String(resource(V1), LATIN_9);
    }

    @Test
    void an_unbalanced_entry_is_refused_naming_its_last_line() throws Exception {
        String bad = v1Text().replace("Facture F001\t0,00\t1000,00", "Facture F001\t0,00\t1000,10");
        List<Map<String, Object>> errors = refused(newTenant(), bad.getBytes(LATIN_9));
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).containsExactly("9:Debit");
        assertThat((String) errors.get(0).get("message")).contains("entry VT 1 (lines 7 to 9) is not balanced")
                .contains("debit 1200.00, credit 1200.10");
    }

    @Test
    void a_wrong_header_is_refused_naming_the_column() throws Exception {
        String bad = v1Text().replaceFirst("EcritureNum", "NumEcriture");
        List<Map<String, Object>> errors = refused(newTenant(), bad.getBytes(LATIN_9));
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).containsExactly("1:EcritureNum");
        assertThat((String) errors.get(0).get("message")).contains("column 3 of a FEC is EcritureNum");

        List<Map<String, Object>> notFec = refused(newTenant(), "number;debtor_reference\nF1;C1\n".getBytes(StandardCharsets.UTF_8));
        assertThat((String) notFec.get(0).get("message")).contains("not separated by tabs or '|'");
    }

    @Test
    void mixed_encodings_are_refused_naming_line_and_column() throws Exception {
        String[] lines = v1Text().split("\r\n");
        byte[] head = (String.join("\r\n", Arrays.copyOf(lines, lines.length - 1)) + "\r\n").getBytes(LATIN_9);
        byte[] last = (lines[lines.length - 1] + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] mixed = Arrays.copyOf(head, head.length + last.length);
        System.arraycopy(last, 0, mixed, head.length, last.length);
        List<Map<String, Object>> errors = refused(newTenant(), mixed);
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).contains("33:JournalLib");
        assertThat(errors).extracting(e -> (String) e.get("message"))
                .anyMatch(m -> m.contains("is UTF-8, while line 2 was ISO-8859-15: the file mixes encodings"));
    }

    @Test
    void a_truncated_last_line_is_refused() throws Exception {
        String text = v1Text();
        String cut = text.substring(0, text.lastIndexOf("Passage en perte F005"));
        List<Map<String, Object>> errors = refused(newTenant(), cut.getBytes(LATIN_9));
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).contains("33:Debit");
        assertThat(errors).extracting(e -> (String) e.get("message"))
                .anyMatch(m -> m.equals("has 11 columns, the header has 18: the last line is cut short, the file looks truncated"));
    }

    @Test
    void bad_values_are_each_named_by_line_and_column() throws Exception {
        String bad = v1Text()
                .replace("20260120\t411000", "20260231\t411000")
                .replace("Facture F003\t2400,00", "Facture F003\t2 400,0O")
                .replace("VIR MARTIN F002\t0,00\t480,00", "VIR MARTIN F002\t0,00\t480,005");
        List<Map<String, Object>> errors = refused(newTenant(), bad.getBytes(LATIN_9));
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field"))
                .contains("10:EcritureDate", "13:Debit", "31:Credit");
    }
}
