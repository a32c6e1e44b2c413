package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.ledger.InvoiceSettled;
import fr.encaisse.ledger.PaymentAllocated;
import fr.encaisse.support.ApiTestSupport;
import fr.encaisse.tenancy.TenantContext;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Statement import and reconciliation through the REST API; run on H2 and on PostgreSQL by the
 * two subclasses.
 */
@RecordApplicationEvents
abstract class ReconciliationContract extends ApiTestSupport {

    static final String PAYER_IBAN = "FR7611111000011111111111111";

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reconciliation reconciliation;

    // ---- helpers

    ResultActions upload(TestTenant t, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/bank-statements")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .header("X-API-Key", t.apiKey()));
    }

    ResultActions uploadRaw(TestTenant t, byte[] content) throws Exception {
        return mvc.perform(post("/api/v1/bank-statements").header("X-API-Key", t.apiKey())
                .contentType(MediaType.APPLICATION_XML).content(content));
    }

    String debtor(TestTenant t, String reference, String legalName) throws Exception {
        return id(postAs(t, "/api/v1/debtors", """
                {"reference":"%s","legalName":"%s","kind":"B2B","language":"fr"}""".formatted(reference, legalName)));
    }

    /** The first line of the statement the upload created. */
    Map<String, Object> firstLine(TestTenant t, ResultActions upload) throws Exception {
        String statement = json(upload, "$.statements[0].id");
        List<Map<String, Object>> lines = json(getAs(t, "/api/v1/bank-statements/{id}/lines", statement), "$.items");
        return lines.get(0);
    }

    long rows(TestTenant t, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(t.id()).query(Long.class).single();
    }

    static String rf(String invoiceNumber) {
        return CreditorReference.forInvoice(invoiceNumber).printed();
    }

    // ---- import

    @Test
    void the_published_camt_samples_are_imported_and_each_line_gets_a_status() throws Exception {
        Map<String, String> samples = Map.of(
                "samples/camt/camt053.v2.minimal.xml", "UNMATCHED",
                "samples/camt/camt053.v8.xml", "UNMATCHED",
                "samples/camt/camt054.v2.xml", "NOT_APPLICABLE",
                "samples/camt/camt054.v8.xml", "NOT_APPLICABLE");
        for (var sample : samples.entrySet()) {
            byte[] content = Files.readAllBytes(SharedFolder.file(sample.getKey()));
            var t = newTenant();
            ResultActions imported = upload(t, sample.getKey(), content).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.newLines").value(1))
                    .andExpect(jsonPath("$.statements[0].created").value(true));
            assertThat(firstLine(t, imported).get("status")).as(sample.getKey()).isEqualTo(sample.getValue());
            upload(t, sample.getKey(), content).andExpect(status().isOk())
                    .andExpect(jsonPath("$.newLines").value(0)).andExpect(jsonPath("$.knownLines").value(1));
            assertThat(rows(t, "bank_statement")).isEqualTo(1);
            assertThat(rows(t, "bank_statement_line")).isEqualTo(1);
        }
    }

    @Test
    void the_cfonb_file_is_imported_and_the_durand_transfer_settles_the_three_invoices_it_names() throws Exception {
        var t = newTenant();
        String durand = debtor(t, "DUR", "Société Durand et Fils");
        String f12 = createInvoice(t, durand, "FA-2024-0012", "2026-03-01", "500.00");
        String f13 = createInvoice(t, durand, "FA-2024-0013", "2026-03-01", "600.00");
        String f14 = createInvoice(t, durand, "FA-2024-0014", "2026-03-01", "400.00");
        byte[] file = getClass().getResourceAsStream("cfonb120-statement.txt").readAllBytes();

        ResultActions imported = upload(t, "releve.txt", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.statements.length()").value(2))
                .andExpect(jsonPath("$.newLines").value(5))
                .andExpect(jsonPath("$.notApplicable").value(1))
                .andExpect(jsonPath("$.matching.matched").value(1));

        String statement = json(imported, "$.statements[0].id");
        getAs(t, "/api/v1/bank-statements/{id}/lines", statement)
                .andExpect(jsonPath("$.items[0].amount").value(1500.0))
                .andExpect(jsonPath("$.items[0].payerName").value("SOCIÉTÉ DURAND ET FILS"))
                .andExpect(jsonPath("$.items[0].status").value("MATCHED"))
                .andExpect(jsonPath("$.items[0].matchedBy").value("AUTO"))
                .andExpect(jsonPath("$.items[1].status").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$.items[2].status").value("UNMATCHED")) // a rejected debit (IMPAYE) of no credit here
                .andExpect(jsonPath("$.items[2].note").value(org.hamcrest.Matchers.startsWith("return (04) of a credit not found")))
                .andExpect(jsonPath("$.items[3].amount").value(300.01))
                .andExpect(jsonPath("$.items[3].status").value("UNMATCHED"));
        for (String invoice : List.of(f12, f13, f14)) {
            getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));
        }
        getAs(t, "/api/v1/bank-statements/{id}", statement)
                .andExpect(jsonPath("$.format").value("CFONB120"))
                .andExpect(jsonPath("$.closingBalance").value(2884.34))
                .andExpect(jsonPath("$.matched").value(1));
    }

    @Test
    void importing_the_same_statement_again_creates_nothing_new() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        createInvoice(t, debtor, "FA-2026-0001", "2026-02-14", "120.00");
        byte[] file = CamtFile.statement("ST-REIMPORT").credit("120.00", null, rf("FA-2026-0001"), null, "CLIENT C1", null)
                .credit("33.00", null, null, "DON", "M. X", null).debit("4.50").bytes();
        upload(t, "a.xml", file).andExpect(status().isCreated()).andExpect(jsonPath("$.newLines").value(3));
        long[] before = {rows(t, "bank_statement"), rows(t, "bank_statement_line"), rows(t, "payment"), rows(t, "allocation"),
                rows(t, "evidence_entry")};

        uploadRaw(t, file).andExpect(status().isOk())
                .andExpect(jsonPath("$.newLines").value(0)).andExpect(jsonPath("$.knownLines").value(3))
                .andExpect(jsonPath("$.statements[0].created").value(false));

        long[] after = {rows(t, "bank_statement"), rows(t, "bank_statement_line"), rows(t, "payment"), rows(t, "allocation"),
                rows(t, "evidence_entry")};
        assertThat(after).containsExactly(before);
    }

    @Test
    void statements_and_lines_are_listed_page_by_page() throws Exception {
        var t = newTenant();
        upload(t, "1.xml", CamtFile.statement("ST-PAGE-1").credit("1.00", null, null, "A", null, null).bytes());
        ResultActions second = upload(t, "2.xml", CamtFile.statement("ST-PAGE-2").credit("2.00", null, null, "B", null, null)
                .credit("3.00", null, null, "C", null, null).debit("4.00").bytes());

        String cursor = json(getAs(t, "/api/v1/bank-statements?limit=1").andExpect(jsonPath("$.items.length()").value(1)),
                "$.nextCursor");
        getAs(t, "/api/v1/bank-statements?limit=1&after={c}", cursor)
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.nextCursor").doesNotExist());

        String statement = json(second, "$.statements[0].id");
        ResultActions page = getAs(t, "/api/v1/bank-statements/{id}/lines?limit=2", statement)
                .andExpect(jsonPath("$.items[*].amount").value(org.hamcrest.Matchers.contains(2.0, 3.0)));
        getAs(t, "/api/v1/bank-statements/{id}/lines?limit=2&after={c}", statement, json(page, "$.nextCursor"))
                .andExpect(jsonPath("$.items[*].amount").value(org.hamcrest.Matchers.contains(4.0)))
                .andExpect(jsonPath("$.items[0].status").value("NOT_APPLICABLE"));
        getAs(t, "/api/v1/bank-statements/{id}/lines?status=NOT_APPLICABLE", statement)
                .andExpect(jsonPath("$.items.length()").value(1));
        getAs(t, "/api/v1/bank-statements?limit=0").andExpect(status().isUnprocessableContent());
        getAs(t, "/api/v1/bank-statements?after=garbage").andExpect(status().isUnprocessableContent());
    }

    @Test
    void a_malformed_file_is_refused_naming_its_line_and_nothing_is_written() throws Exception {
        var t = newTenant();
        String xml = CamtFile.statement("ST-BAD").credit("10.00", null, null, "OK", null, null)
                .credit("12.50", null, null, "OK TOO", null, null).xml().replace(">12.50<", ">12,50<");

        upload(t, "bad.xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].line").value(9))
                .andExpect(jsonPath("$.errors[0].field").value("/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt"));
        upload(t, "empty.txt", "01 not a statement".getBytes()).andExpect(status().isUnprocessableContent());

        assertThat(rows(t, "bank_statement")).isZero();
        assertThat(rows(t, "bank_statement_line")).isZero();
        assertThat(rows(t, "evidence_entry")).isZero();
    }

    // ---- matching

    @Test
    void a_credit_with_the_invoice_rf_reference_is_allocated_automatically_and_the_invoice_is_paid() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");

        ResultActions imported = upload(t, "s.xml", CamtFile.statement("ST-AUTO")
                .credit("1200.00", null, rf("FA-2026-0042"), "FACTURE FA-2026-0042", "CLIENT C1", PAYER_IBAN).bytes())
                .andExpect(jsonPath("$.matching.matched").value(1));

        Map<String, Object> line = firstLine(t, imported);
        assertThat(line).containsEntry("status", "MATCHED").containsEntry("matchedBy", "AUTO").containsEntry("confidence", 99);
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));
        getAs(t, "/api/v1/payments/{id}", line.get("paymentId"))
                .andExpect(jsonPath("$.amount").value(1200.0)).andExpect(jsonPath("$.debtorId").value(debtor))
                .andExpect(jsonPath("$.unallocatedAmount").value(0.0));
        assertThat(events.stream(PaymentAllocated.class).map(PaymentAllocated::invoiceId)).contains(UUID.fromString(invoice));
        assertThat(events.stream(InvoiceSettled.class).map(InvoiceSettled::invoiceId)).contains(UUID.fromString(invoice));
        List<String> lineActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", line.get("id")), "$[*].action");
        assertThat(lineActions).containsExactly("bank-line.matched");
        List<String> invoiceActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", invoice), "$[*].action");
        assertThat(invoiceActions).contains("invoice.allocated", "invoice.settled");
    }

    @Test
    void a_suggestion_is_confirmed_by_a_person_and_cannot_be_applied_twice() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");

        Map<String, Object> line = firstLine(t, upload(t, "s.xml", CamtFile.statement("ST-SUGGEST")
                .credit("500.00", null, null, "ACOMPTE FA-2026-0042", "SOMEONE", null).bytes()));
        assertThat(line).containsEntry("status", "SUGGESTED");
        String lineId = (String) line.get("id");
        getAs(t, "/api/v1/bank-statements/lines?status=SUGGESTED").andExpect(jsonPath("$.items[0].id").value(lineId))
                .andExpect(jsonPath("$.items[0].candidates[0].allocations[0].invoiceNumber").value("FA-2026-0042"))
                .andExpect(jsonPath("$.items[0].candidates[0].reasons[*].code").isArray());
        assertThat(TenantContext.runAs(t.id(), "test", () -> reconciliation.countLines(LineStatus.SUGGESTED))).isEqualTo(1);
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("OPEN"));

        postAs(t, "/api/v1/bank-statements/lines/" + lineId + "/confirm", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MATCHED")).andExpect(jsonPath("$.matchedBy").value("USER"));
        getAs(t, "/api/v1/invoices/{id}", invoice)
                .andExpect(jsonPath("$.status").value("PARTIALLY_PAID")).andExpect(jsonPath("$.openAmount").value(700.0));

        postAs(t, "/api/v1/bank-statements/lines/" + lineId + "/confirm", "{}").andExpect(status().isConflict());
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.openAmount").value(700.0));
        assertThat(rows(t, "payment")).isEqualTo(1);
    }

    @Test
    void a_manual_match_links_the_payer_account_and_the_next_credit_from_it_is_matched_automatically() throws Exception {
        var t = newTenant();
        String moreau = debtor(t, "MOR", "Atelier Moreau SARL");
        String first = createInvoice(t, moreau, "F-2026-0101", "2026-02-14", "480.00");
        String second = createInvoice(t, moreau, "F-2026-0102", "2026-03-14", "735.50");

        Map<String, Object> line = firstLine(t, upload(t, "1.xml", CamtFile.statement("ST-LEARN-1")
                .credit("480.00", null, null, "VIREMENT", "MME J. LEBLANC", PAYER_IBAN).bytes()));
        assertThat(line.get("status")).isNotEqualTo("MATCHED");
        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/match", """
                {"debtorId":"%s","allocations":[{"invoiceId":"%s","amount":480.00}]}""".formatted(moreau, first))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MATCHED"))
                .andExpect(jsonPath("$.debtorId").value(moreau));
        List<String> actions = json(getAs(t, "/api/v1/evidence?subjectId={id}", line.get("id")), "$[*].action");
        assertThat(actions).containsExactly("bank-line.matched-by-user", "payer-account.linked");

        Map<String, Object> next = firstLine(t, upload(t, "2.xml", CamtFile.statement("ST-LEARN-2")
                .credit("735.50", null, null, "VIREMENT", "MME J. LEBLANC", PAYER_IBAN).bytes()));
        assertThat(next).containsEntry("status", "MATCHED").containsEntry("matchedBy", "AUTO").containsEntry("debtorId", moreau);
        List<String> codes = json(getAs(t, "/api/v1/bank-statements/lines/{id}", next.get("id")), "$.candidates[0].reasons[*].code");
        assertThat(codes).contains("PAYER_IBAN", "AMOUNT_EXACT");
        getAs(t, "/api/v1/invoices/{id}", second).andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void a_credit_split_by_hand_over_two_invoices_leaves_the_rest_on_the_debtors_account() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String f1 = createInvoice(t, debtor, "F-2026-0001", "2026-02-14", "300.00");
        String f2 = createInvoice(t, debtor, "F-2026-0002", "2026-02-20", "200.00");
        Map<String, Object> line = firstLine(t, upload(t, "s.xml", CamtFile.statement("ST-SPLIT")
                .credit("600.00", null, null, "REGLEMENT", "INCONNU", null).bytes()));

        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/match", """
                {"allocations":[{"invoiceId":"%s","amount":300.00},{"invoiceId":"%s","amount":200.00}]}""".formatted(f1, f2))
                .andExpect(status().isOk()).andExpect(jsonPath("$.debtorId").value(debtor));
        String payment = json(getAs(t, "/api/v1/bank-statements/lines/{id}", line.get("id")), "$.paymentId");
        getAs(t, "/api/v1/payments/{id}", payment).andExpect(jsonPath("$.unallocatedAmount").value(100.0));
        getAs(t, "/api/v1/invoices/{id}", f1).andExpect(jsonPath("$.status").value("PAID"));
        getAs(t, "/api/v1/invoices/{id}", f2).andExpect(jsonPath("$.status").value("PAID"));

        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/match", """
                {"allocations":[{"invoiceId":"%s","amount":1.00}]}""".formatted(f1)).andExpect(status().isConflict());
    }

    @Test
    void undoing_a_match_reverses_its_allocations_is_journaled_and_is_never_redone_automatically() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");
        ResultActions imported = upload(t, "s.xml", CamtFile.statement("ST-UNDO")
                .credit("1200.00", "ENC-FA-2026-0042", null, null, "CLIENT C1", PAYER_IBAN).bytes());
        Map<String, Object> line = firstLine(t, imported);
        assertThat(line).containsEntry("status", "MATCHED");

        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/undo", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNMATCHED")).andExpect(jsonPath("$.autoBlocked").value(true))
                .andExpect(jsonPath("$.paymentId").doesNotExist());

        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.openAmount").value(1200.0));
        getAs(t, "/api/v1/payments/{id}", line.get("paymentId")).andExpect(status().isNotFound());
        List<String> lineActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", line.get("id")), "$[*].action");
        assertThat(lineActions).containsExactly("bank-line.matched", "bank-line.match-undone");
        List<String> invoiceActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", invoice), "$[*].action");
        assertThat(invoiceActions).contains("invoice.allocation-reversed");

        postAs(t, "/api/v1/bank-statements/" + json(imported, "$.statements[0].id") + "/match", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.matched").value(0)).andExpect(jsonPath("$.suggested").value(1));
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("OPEN"));
        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/undo", "").andExpect(status().isConflict());
    }

    @Test
    void a_payment_less_a_credit_note_applies_the_credit_note_too_and_undoing_gives_it_back() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");
        String note = id(postAs(t, "/api/v1/credit-notes", """
                {"debtorId":"%s","number":"AV-2026-0007","issueDate":"2026-02-01","currency":"EUR",
                 "amountExclTax":166.67,"vatAmount":33.33,"amountInclTax":200.00}""".formatted(debtor)));

        Map<String, Object> line = firstLine(t, upload(t, "s.xml", CamtFile.statement("ST-NOTE")
                .credit("1000.00", null, null, "FACTURE FA-2026-0042 MOINS AVOIR AV-2026-0007", "CLIENT C1", null).bytes()));

        assertThat(line).containsEntry("status", "MATCHED");
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));
        getAs(t, "/api/v1/credit-notes/{id}", note).andExpect(jsonPath("$.status").value("APPLIED"));

        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/undo", "").andExpect(status().isOk());
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.openAmount").value(1200.0));
        getAs(t, "/api/v1/credit-notes/{id}", note).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.openAmount").value(200.0));
    }

    @Test
    void a_rejected_suggestion_stays_unmatched_and_the_threshold_is_the_tenants() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");
        putAs(t, "/api/v1/bank-statements/settings", """
                {"autoMatchThreshold":30}""").andExpect(status().isUnprocessableContent());
        putAs(t, "/api/v1/bank-statements/settings", """
                {"autoMatchThreshold":100}""").andExpect(status().isOk());
        getAs(t, "/api/v1/bank-statements/settings").andExpect(jsonPath("$.autoMatchThreshold").value(100));

        Map<String, Object> line = firstLine(t, upload(t, "s.xml", CamtFile.statement("ST-STRICT")
                .credit("1200.00", null, rf("FA-2026-0042"), null, null, null).bytes()));
        assertThat(line).containsEntry("status", "SUGGESTED").containsEntry("confidence", 99);

        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/reject", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNMATCHED")).andExpect(jsonPath("$.autoBlocked").value(true));
        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/reject", "").andExpect(status().isOk());
        assertThat(rows(t, "payment")).isZero();
    }

    // ---- our direct debits, booked by sepa

    /** What sepa's booking leaves in the ledger: a DIRECT_DEBIT payment, reference = the end-to-end id, allocated. */
    String sepaBooking(TestTenant t, String debtor, String invoice, String amount, String endToEndId) throws Exception {
        return id(postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-03-02","amount":%s,"currency":"EUR","method":"DIRECT_DEBIT",
                 "reference":"%s","allocations":[{"invoiceId":"%s","amount":%s}]}""".formatted(debtor, amount, endToEndId,
                invoice, amount)));
    }

    @Test
    void the_credit_of_a_direct_debit_sepa_booked_is_linked_to_that_payment_and_nothing_is_booked_again() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0001", "2026-02-14", "120.00");
        String payment = sepaBooking(t, debtor, invoice, "120.00", "ENC-FA-2026-0001-1");
        long payments = rows(t, "payment");
        long allocations = rows(t, "allocation");
        byte[] file = CamtFile.statement("ST-SEPA").credit("120.00", "ENC-FA-2026-0001-1", null, null, "CLIENT C1", PAYER_IBAN)
                .bytes();

        ResultActions imported = upload(t, "s.xml", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.matching.matched").value(1));

        Map<String, Object> line = firstLine(t, imported);
        assertThat(line).containsEntry("status", "MATCHED").containsEntry("matchedBy", "SEPA")
                .containsEntry("paymentId", payment).containsEntry("debtorId", debtor);
        assertThat((String) line.get("note")).contains("booked by sepa");
        assertThat(rows(t, "payment")).isEqualTo(payments);
        assertThat(rows(t, "allocation")).isEqualTo(allocations);
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.openAmount").value(0.0));
        getAs(t, "/api/v1/payments/{id}", payment).andExpect(jsonPath("$.unallocatedAmount").value(0.0));
        List<String> lineActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", line.get("id")), "$[*].action");
        assertThat(lineActions).containsExactly("bank-line.linked-to-direct-debit");

        long evidence = rows(t, "evidence_entry");
        upload(t, "s.xml", file).andExpect(status().isOk()).andExpect(jsonPath("$.newLines").value(0));
        assertThat(new long[] {rows(t, "payment"), rows(t, "allocation"), rows(t, "evidence_entry")})
                .containsExactly(payments, allocations, evidence);

        // undoing the link leaves sepa's payment and the paid invoice alone
        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/undo", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNMATCHED")).andExpect(jsonPath("$.paymentId").doesNotExist());
        getAs(t, "/api/v1/payments/{id}", payment).andExpect(status().isOk());
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void another_tenants_direct_debit_payment_with_the_same_reference_is_not_linked() throws Exception {
        var owner = newTenant();
        String ownerDebtor = createDebtor(owner, "C1");
        String ownerPayment = sepaBooking(owner, ownerDebtor,
                createInvoice(owner, ownerDebtor, "FA-2026-0001", "2026-02-14", "120.00"), "120.00", "ENC-FA-2026-0001-1");
        var other = newTenant();
        String invoice = createInvoice(other, createDebtor(other, "C1"), "FA-2026-0001", "2026-02-14", "120.00");

        ResultActions imported = upload(other, "s.xml", CamtFile.statement("ST-SEPA")
                .credit("120.00", "ENC-FA-2026-0001-1", null, null, "CLIENT C1", PAYER_IBAN).bytes());

        Map<String, Object> line = firstLine(other, imported);
        assertThat(line).containsEntry("status", "MATCHED").containsEntry("matchedBy", "AUTO");
        assertThat(line.get("paymentId")).isNotEqualTo(ownerPayment);
        getAs(other, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));
        getAs(owner, "/api/v1/payments/{id}", ownerPayment).andExpect(jsonPath("$.unallocatedAmount").value(0.0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bank_statement_line WHERE payment_id = ?").param(UUID.fromString(ownerPayment))
                .query(Long.class).single()).isZero();
    }

    // ---- reversals and returns

    @Test
    void a_reversal_undoes_the_match_of_the_credit_it_names_and_reopens_the_invoice() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");
        Map<String, Object> credit = firstLine(t, upload(t, "credit.xml", CamtFile.statement("ST-CREDIT")
                .credit("1200.00", null, rf("FA-2026-0042"), null, "CLIENT C1", PAYER_IBAN).bytes()));
        assertThat(credit).containsEntry("status", "MATCHED");
        long payments = rows(t, "payment");
        byte[] file = CamtFile.statement("ST-REVERSAL").reversal("1200.00", null, "BQ-ST-CREDIT-1", "AC04").bytes();

        Map<String, Object> reversal = firstLine(t, upload(t, "reversal.xml", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reversals.applied").value(1)).andExpect(jsonPath("$.reversals.leftForPerson").value(0)));

        assertThat(reversal).containsEntry("status", "REVERSAL");
        assertThat((String) reversal.get("note")).contains(credit.get("id").toString());
        getAs(t, "/api/v1/bank-statements/lines/{id}", credit.get("id")).andExpect(jsonPath("$.status").value("REVERSED"))
                .andExpect(jsonPath("$.paymentId").doesNotExist());
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.openAmount").value(1200.0));
        getAs(t, "/api/v1/payments/{id}", credit.get("paymentId")).andExpect(status().isNotFound());
        assertThat(rows(t, "payment")).isEqualTo(payments - 1);
        ResultActions creditJournal = getAs(t, "/api/v1/evidence?subjectId={id}", credit.get("id"));
        List<String> creditActions = json(creditJournal, "$[*].action");
        assertThat(creditActions).containsExactly("bank-line.matched", "bank-line.match-undone");
        String undone = json(creditJournal, "$[1].details");
        assertThat(undone).contains("\"reversedBy\":\"" + reversal.get("id") + "\"");
        List<String> reversalActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", reversal.get("id")), "$[*].action");
        assertThat(reversalActions).containsExactly("bank-line.reversal-applied");
        List<String> invoiceActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", invoice), "$[*].action");
        assertThat(invoiceActions).contains("invoice.allocation-reversed");

        // the same file again, or matching the statement again, changes nothing
        long evidence = rows(t, "evidence_entry");
        upload(t, "reversal.xml", file).andExpect(status().isOk()).andExpect(jsonPath("$.newLines").value(0));
        for (Object statement : List.of(credit.get("statementId"), reversal.get("statementId"))) {
            postAs(t, "/api/v1/bank-statements/" + statement + "/match", "").andExpect(status().isOk())
                    .andExpect(jsonPath("$.matched").value(0));
        }
        getAs(t, "/api/v1/bank-statements/lines/{id}", reversal.get("id")).andExpect(jsonPath("$.status").value("REVERSAL"));
        assertThat(new long[] {rows(t, "payment"), rows(t, "evidence_entry")}).containsExactly(payments - 1, evidence);
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("OPEN"));
        postAs(t, "/api/v1/bank-statements/lines/" + credit.get("id") + "/confirm", "{}").andExpect(status().isConflict());
    }

    @Test
    void a_reversal_of_an_unknown_credit_or_of_our_direct_debit_is_left_for_a_person_with_a_note() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "FA-2026-0001", "2026-02-14", "120.00");
        sepaBooking(t, debtor, invoice, "120.00", "ENC-FA-2026-0001-1");
        upload(t, "credit.xml", CamtFile.statement("ST-CREDIT")
                .credit("120.00", "ENC-FA-2026-0001-1", null, null, "CLIENT C1", PAYER_IBAN).bytes());
        long payments = rows(t, "payment");

        ResultActions imported = upload(t, "reversals.xml", CamtFile.statement("ST-REVERSALS")
                .reversal("75.00", "PAYER-REF-UNKNOWN", "BQ-NOWHERE-9", null)
                .reversal("120.00", "ENC-FA-2026-0001-1", null, "AM04").bytes()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reversals.applied").value(0)).andExpect(jsonPath("$.reversals.leftForPerson").value(2));

        String statement = json(imported, "$.statements[0].id");
        List<Map<String, Object>> lines = json(getAs(t, "/api/v1/bank-statements/{id}/lines", statement), "$.items");
        assertThat(lines).extracting(l -> l.get("status")).containsExactly("UNMATCHED", "UNMATCHED");
        assertThat((String) lines.get(0).get("note")).contains("credit not found");
        assertThat((String) lines.get(1).get("note")).contains("ENC-FA-2026-0001-1").contains("/api/v1/sepa/returns");
        assertThat(rows(t, "payment")).isEqualTo(payments);
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));
        postAs(t, "/api/v1/bank-statements/lines/" + lines.get(0).get("id") + "/match",
                "{\"debtorId\":\"" + debtor + "\"}").andExpect(status().isConflict());
    }


    @Test
    void a_reversing_debit_left_for_a_person_is_closed_with_a_reason_and_reopened_and_nothing_else_is_closable() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        createInvoice(t, debtor, "FA-2026-0042", "2026-02-14", "1200.00");
        Map<String, Object> credit = firstLine(t, upload(t, "credit.xml", CamtFile.statement("ST-CREDIT")
                .credit("1200.00", null, rf("FA-2026-0042"), null, "CLIENT C1", PAYER_IBAN).bytes()));
        Map<String, Object> debit = firstLine(t, upload(t, "reversal.xml", CamtFile.statement("ST-REVERSAL")
                .reversal("75.00", "PAYER-REF-UNKNOWN", "BQ-NOWHERE-9", null).bytes()));
        assertThat(debit).containsEntry("status", "UNMATCHED");
        String close = "/api/v1/bank-statements/lines/" + debit.get("id") + "/close";
        String reopen = "/api/v1/bank-statements/lines/" + debit.get("id") + "/reopen";

        postAs(t, close, "{\"reason\":\" \"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postAs(t, close, "{\"reason\":\"bank fee refunded by phone, see ticket 42\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.note").value(org.hamcrest.Matchers.containsString("ticket 42")));
        assertThat(countUnmatched(t)).isZero();
        postAs(t, close, "{\"reason\":\"again\"}").andExpect(status().isConflict());
        postAs(t, "/api/v1/bank-statements/" + debit.get("statementId") + "/match", "").andExpect(status().isOk());
        getAs(t, "/api/v1/bank-statements/lines/{id}", debit.get("id")).andExpect(jsonPath("$.status").value("CLOSED"));

        postAs(t, reopen, "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNMATCHED"));
        postAs(t, reopen, "").andExpect(status().isConflict());
        List<String> actions = json(getAs(t, "/api/v1/evidence?subjectId={id}", debit.get("id")), "$[*].action");
        assertThat(actions).containsExactly("bank-line.closed", "bank-line.reopened");
        assertThat((String) json(getAs(t, "/api/v1/evidence?subjectId={id}", debit.get("id")), "$[0].details"))
                .contains("ticket 42", "credit not found");

        // a credit, matched or not, is not a reversing debit to close
        postAs(t, "/api/v1/bank-statements/lines/" + credit.get("id") + "/close", "{\"reason\":\"x\"}")
                .andExpect(status().isConflict());
        getAs(t, "/api/v1/bank-statements/lines/{id}", credit.get("id")).andExpect(jsonPath("$.status").value("MATCHED"));

        var intruder = newTenant();
        postAs(intruder, close, "{\"reason\":\"mine now\"}").andExpect(status().isNotFound());
        postAs(intruder, reopen, "").andExpect(status().isNotFound());
        getAs(t, "/api/v1/bank-statements/lines/{id}", debit.get("id")).andExpect(jsonPath("$.status").value("UNMATCHED"));
    }

    private long countUnmatched(TestTenant t) {
        return TenantContext.runAs(t.id(), "test", () -> reconciliation.countLines(LineStatus.UNMATCHED));
    }

    @Test
    void a_payment_deleted_in_the_ledger_unmatches_its_line_for_a_person() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        Map<String, Object> line = firstLine(t, upload(t, "s.xml", CamtFile.statement("ST-ACOMPTE")
                .credit("300.00", null, null, "ACOMPTE", "CLIENT C1", PAYER_IBAN).bytes()));
        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/match", "{\"debtorId\":\"" + debtor + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MATCHED"));
        String payment = json(getAs(t, "/api/v1/bank-statements/lines/{id}", line.get("id")), "$.paymentId");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/payments/" + payment)
                .header("X-API-Key", t.apiKey())).andExpect(status().isNoContent());

        // the ledger's event reaches banking after the commit, on another thread
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> getAs(t, "/api/v1/bank-statements/lines/{id}", line.get("id"))
                .andExpect(jsonPath("$.status").value("UNMATCHED")));
        getAs(t, "/api/v1/bank-statements/lines/{id}", line.get("id")).andExpect(jsonPath("$.paymentId").doesNotExist())
                .andExpect(jsonPath("$.note").value(org.hamcrest.Matchers.containsString(payment)));
        List<String> actions = json(getAs(t, "/api/v1/evidence?subjectId={id}", line.get("id")), "$[*].action");
        assertThat(actions).containsExactly("bank-line.matched-by-user", "payer-account.linked", "bank-line.payment-deleted");
        // the credit can be matched again by hand
        postAs(t, "/api/v1/bank-statements/lines/" + line.get("id") + "/match", "{\"debtorId\":\"" + debtor + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MATCHED"));
    }

    @Test
    void another_tenants_statements_and_lines_do_not_exist() throws Exception {
        var owner = newTenant();
        var intruder = newTenant();
        String debtor = createDebtor(owner, "C1");
        String invoice = createInvoice(owner, debtor, "FA-2026-0042", "2026-02-14", "1200.00");
        ResultActions imported = upload(owner, "s.xml", CamtFile.statement("ST-SECRET")
                .credit("1200.00", null, rf("FA-2026-0042"), null, null, null)
                .credit("10.00", null, null, "ACOMPTE FA-2026-0042", null, null).bytes());
        String statement = json(imported, "$.statements[0].id");
        List<String> lines = json(getAs(owner, "/api/v1/bank-statements/{id}/lines", statement), "$.items[*].id");

        getAs(intruder, "/api/v1/bank-statements/{id}", statement).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        getAs(intruder, "/api/v1/bank-statements/{id}/lines", statement).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/bank-statements/" + statement + "/match", "").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/bank-statements").andExpect(jsonPath("$.items.length()").value(0));
        getAs(intruder, "/api/v1/bank-statements/lines?status=SUGGESTED").andExpect(jsonPath("$.items.length()").value(0));
        assertThat(TenantContext.runAs(intruder.id(), "test", () -> reconciliation.countLines(LineStatus.SUGGESTED))).isZero();
        for (String line : lines) {
            getAs(intruder, "/api/v1/bank-statements/lines/{id}", line).andExpect(status().isNotFound());
            postAs(intruder, "/api/v1/bank-statements/lines/" + line + "/confirm", "{}").andExpect(status().isNotFound());
            postAs(intruder, "/api/v1/bank-statements/lines/" + line + "/reject", "").andExpect(status().isNotFound());
            postAs(intruder, "/api/v1/bank-statements/lines/" + line + "/undo", "").andExpect(status().isNotFound());
            postAs(intruder, "/api/v1/bank-statements/lines/" + line + "/match", """
                    {"allocations":[{"invoiceId":"%s","amount":1.00}]}""".formatted(invoice)).andExpect(status().isNotFound());
        }
        // the intruder's own import of the same file is its own: nothing of the owner's is matched
        upload(intruder, "s.xml", CamtFile.statement("ST-SECRET").credit("1200.00", null, rf("FA-2026-0042"), null, null, null)
                .bytes()).andExpect(status().isCreated()).andExpect(jsonPath("$.matching.matched").value(0));
        getAs(owner, "/api/v1/bank-statements/{id}", statement).andExpect(jsonPath("$.matched").value(1));
    }
}
