package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.encaisse.banking.CamtFile;
import fr.encaisse.ledger.PaymentDeleted;
import fr.encaisse.ledger.PaymentMethod;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

/**
 * Direct debits end to end through the REST API: planning on TARGET2 days, the pre-notification
 * email, pain.008 batches valid against the official schemas (FRST then RCUR with an amendment),
 * booking in the ledger on the collection date, and R-transactions from pain.002 and camt.054.
 */
abstract class DirectDebitContract extends SepaApiSupport {

    @TempDir
    Path dir;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private Element document(byte[] xml, PainVersion version, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, xml);
        Pain008Files.assertSchemaValid(file, version);
        return Pain008Files.parse(file).getDocumentElement();
    }

    private static Element onlyTransaction(Element document) {
        Element pmtInf = Pain008Files.child(Pain008Files.child(document, "CstmrDrctDbtInitn"), "PmtInf");
        return Pain008Files.child(pmtInf, "DrctDbtTxInf");
    }

    @Test
    void frst_then_rcur_on_target2_days_with_the_amendment_flagged_pre_notified_and_booked_in_both_versions() throws Exception {
        Pain008Files.schemaFile(PainVersion.V08);
        Pain008Files.schemaFile(PainVersion.V02);
        for (PainVersion version : PainVersion.values()) {
            var t = sepaTenant();
            String email = email();
            String debtor = debtor(t, "SEPA-1", email);
            String mandate = signedMandate(t, debtor, IBAN_A);
            String umr = json(getAs(t, "/api/v1/sepa/mandates/" + mandate), "$.umr");
            assertThat(umr).isEqualTo("ENC-SEPA1-000001");
            String may = invoice(t, debtor, "F-2025-0501", "2025-05-01", "1200.00");
            String christmas = invoice(t, debtor, "F-2025-1225", "2025-12-25", "480.00");

            // Planned on 10 April: due Thursday 1 May (TARGET2 holiday) → Friday 2 May; announced 14 days before.
            run(t, "2025-04-10");
            Map<String, Object> first = collection(t, may);
            assertThat(first).containsEntry("status", "PLANNED").containsEntry("collectionDate", "2025-05-02")
                    .containsEntry("prenotifyOn", "2025-04-18").containsEntry("umr", umr);
            String e2e1 = (String) first.get("endToEndId");
            assertThat(e2e1).startsWith("ENC-F-2025-0501-").hasSizeLessThanOrEqualTo(35);
            assertThat(collections(t, christmas)).as("beyond the planning horizon").isEmpty();
            assertThat(paused(t, may, "2025-04-10")).as("dunning leaves a planned debit alone").isTrue();

            // 18 April: the pre-notification goes out with amount, date, UMR and ICS.
            run(t, "2025-04-18");
            assertThat(collection(t, may)).containsEntry("status", "NOTIFIED");
            MimeMessage notice = mailsTo(email, 1).get(0);
            assertThat(notice.getSubject()).contains("1 200,00 €").contains("2 mai 2025");
            assertThat(text(notice)).contains("1 200,00 €", "2 mai 2025", umr, ICS, e2e1, "F-2025-0501", "FR76…0189");

            String batch1 = batch(t, "2025-04-18", version);
            getAs(t, "/api/v1/sepa/batches/" + batch1).andExpect(jsonPath("$.numberOfTransactions").value(1))
                    .andExpect(jsonPath("$.controlSum").value(1200.0))
                    .andExpect(jsonPath("$.blocks[0].sequenceType").value("FRST"))
                    .andExpect(jsonPath("$.latestSubmissionDate").value("2025-04-30"));
            Element tx1 = onlyTransaction(document(file(t, batch1), version, version + "-1.xml"));
            assertThat(Pain008Files.text(tx1, "PmtId", "EndToEndId")).isEqualTo(e2e1);
            assertThat(Pain008Files.text(tx1, "DrctDbtTx", "MndtRltdInf", "MndtId")).isEqualTo(umr);
            assertThat(Pain008Files.text(tx1, "DrctDbtTx", "MndtRltdInf", "AmdmntInd")).isEqualTo("false");
            assertThat(Pain008Files.text((Element) tx1.getParentNode(), "PmtTpInf", "SeqTp")).isEqualTo("FRST");
            assertThat(Pain008Files.text((Element) tx1.getParentNode(), "ReqdColltnDt")).isEqualTo("2025-05-02");
            submit(t, batch1, "2025-04-18");

            // Booked on the collection date.
            run(t, "2025-05-02");
            assertThat(openAmount(t, may)).isZero();
            assertThat(collection(t, may)).containsEntry("status", "SETTLED").containsEntry("settledOn", "2025-05-02");
            getAs(t, "/api/v1/payments?debtorId=" + debtor).andExpect(jsonPath("$.items[0].method").value("DIRECT_DEBIT"))
                    .andExpect(jsonPath("$.items[0].receivedOn").value("2025-05-02"))
                    .andExpect(jsonPath("$.items[0].reference").value(e2e1));
            assertThat(paused(t, may, "2025-05-03")).isFalse();

            // The debtor moves to another account of the same bank.
            putAs(t, "/api/v1/sepa/mandates/" + mandate, """
                    {"iban":"%s","reason":"new account"}""".formatted(IBAN_A2)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("AMENDED"))
                    .andExpect(jsonPath("$.amendments[0].oldIban").value(IBAN_A))
                    .andExpect(jsonPath("$.amendments[0].newIban").value(IBAN_A2));

            // Christmas: due Thursday 25 December, 25 and 26 closed, then a weekend → Monday 29 December.
            run(t, "2025-12-01");
            assertThat(collection(t, christmas)).containsEntry("collectionDate", "2025-12-29")
                    .containsEntry("prenotifyOn", "2025-12-15");
            run(t, "2025-12-15");
            MimeMessage second = mailsTo(email, 2).get(1);
            assertThat(text(second)).contains("480,00 €", "29 décembre 2025", umr, ICS, "FR76…0173");

            String batch2 = batch(t, "2025-12-15", version);
            Element tx2 = onlyTransaction(document(file(t, batch2), version, version + "-2.xml"));
            String e2e2 = (String) collection(t, christmas).get("endToEndId");
            assertThat(Pain008Files.text((Element) tx2.getParentNode(), "PmtTpInf", "SeqTp")).isEqualTo("RCUR");
            assertThat(Pain008Files.text(tx2, "DrctDbtTx", "MndtRltdInf", "AmdmntInd")).isEqualTo("true");
            assertThat(Pain008Files.text(tx2, "DrctDbtTx", "MndtRltdInf", "AmdmntInfDtls", "OrgnlDbtrAcct", "Id", "IBAN"))
                    .isEqualTo(IBAN_A);
            assertThat(Pain008Files.text(tx2, "DbtrAcct", "Id", "IBAN")).isEqualTo(IBAN_A2);
            assertThat(Pain008Files.text(tx2, "DrctDbtTx", "MndtRltdInf", "DtOfSgntr")).isEqualTo("2025-01-10");
            assertThat((String) json(getAs(t, "/api/v1/sepa/mandates/" + mandate), "$.amendments[0].carriedBy")).isEqualTo(e2e2);
            submit(t, batch2, "2025-12-15");
            getAs(t, "/api/v1/sepa/mandates/" + mandate).andExpect(jsonPath("$.status").value("ACTIVE"))
                    .andExpect(jsonPath("$.collectionsPresented").value(2))
                    .andExpect(jsonPath("$.lastCollectionDate").value("2025-12-29"));
            run(t, "2025-12-29");
            assertThat(openAmount(t, christmas)).isZero();
        }
    }

    /** Two debtors, one invoice each, collected on Monday 2 June 2025 and booked that day. */
    private record Settled(TestTenant t, String emailA, String emailB, String invoiceA, String invoiceB, String mandateB,
                           String batch, String e2eA, String e2eB, String umrA, String messageId, String paymentInfoId) {
    }

    private Settled twoCollections(boolean book) throws Exception {
        var t = sepaTenant();
        String emailA = email();
        String emailB = email();
        String a = debtor(t, "RET-A", emailA);
        String b = debtor(t, "RET-B", emailB);
        String mandateA = signedMandate(t, a, IBAN_A);
        String mandateB = signedMandate(t, b, IBAN_B);
        String invoiceA = invoice(t, a, "FA-2025-1", "2025-06-02", "100.00");
        String invoiceB = invoice(t, b, "FB-2025-1", "2025-06-02", "250.00");
        run(t, "2025-05-19");
        String batch = batch(t, "2025-05-19", PainVersion.V08);
        submit(t, batch, "2025-05-19");
        if (book) {
            run(t, "2025-06-02");
            assertThat(openAmount(t, invoiceA)).isZero();
            assertThat(openAmount(t, invoiceB)).isZero();
        }
        return new Settled(t, emailA, emailB, invoiceA, invoiceB, mandateB, batch,
                (String) collection(t, invoiceA).get("endToEndId"), (String) collection(t, invoiceB).get("endToEndId"),
                json(getAs(t, "/api/v1/sepa/mandates/" + mandateA), "$.umr"),
                json(getAs(t, "/api/v1/sepa/batches/" + batch), "$.messageId"),
                json(getAs(t, "/api/v1/sepa/batches/" + batch), "$.blocks[0].paymentInformationId"));
    }

    @Test
    void a_collection_whose_bank_credit_was_reconciled_first_is_settled_on_that_payment_not_booked_twice() throws Exception {
        Settled s = twoCollections(false);
        var t = s.t();
        // The statement of 2 June reaches banking before the day's sepa run: it books A's credit itself.
        byte[] statement = fr.encaisse.banking.CamtFile.statement("ST-" + UUID.randomUUID().toString().substring(0, 8))
                .bookedOn(java.time.LocalDate.of(2025, 6, 2)).credit("100.00", s.e2eA(), null, null, "RET-A", IBAN_A).bytes();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/bank-statements")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "camt053.xml", "application/xml", statement))
                        .header("X-API-Key", t.apiKey()))
                .andExpect(status().isCreated());
        assertThat(openAmount(t, s.invoiceA())).isZero();
        List<Map<String, Object>> before = json(getAs(t, "/api/v1/payments"), "$.items");
        assertThat(before).hasSize(1);
        Object bankPayment = before.get(0).get("id");

        run(t, "2025-06-02");

        assertThat(collection(t, s.invoiceA())).containsEntry("status", "SETTLED").containsEntry("settledOn", "2025-06-02");
        assertThat(collection(t, s.invoiceB())).containsEntry("status", "SETTLED");
        List<Map<String, Object>> payments = json(getAs(t, "/api/v1/payments"), "$.items");
        assertThat(payments).as("A's credit counted once, B booked by sepa").hasSize(2);
        assertThat(payments).filteredOn(p -> s.e2eA().equals(p.get("reference"))).extracting(p -> p.get("id"))
                .containsExactly(bankPayment);
        assertThat(openAmount(t, s.invoiceA())).isZero();
        assertThat(openAmount(t, s.invoiceB())).isZero();
    }

    @Test
    void a_return_of_a_collection_whose_payment_a_person_already_deleted_is_still_applied() throws Exception {
        Settled s = twoCollections(true);
        var t = s.t();
        Map<String, Object> paymentA = JsonPath.<List<Map<String, Object>>>read(
                getAs(t, "/api/v1/payments").andReturn().getResponse().getContentAsString(),
                "$.items[?(@.reference == '" + s.e2eA() + "')]").get(0);
        String allocation = json(getAs(t, "/api/v1/payments/" + paymentA.get("id") + "/allocations"), "$[0].id");
        deleteAs(t, "/api/v1/allocations/" + allocation).andExpect(status().is2xxSuccessful());
        deleteAs(t, "/api/v1/payments/" + paymentA.get("id")).andExpect(status().isNoContent());

        String body = upload(t, "camt054-returns.xml", returnsFile("/fr/encaisse/sepa/camt054-returns.xml", s, "2025-06-05"),
                "2025-06-05").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<List<String>>read(body, "$.returns[*].endToEndId")).containsExactlyInAnyOrder(s.e2eA(), s.e2eB());
        assertThat(openAmount(t, s.invoiceA())).isEqualTo(100.0);
        assertThat(openAmount(t, s.invoiceB())).isEqualTo(250.0);
        getAs(t, "/api/v1/payments").andExpect(jsonPath("$.items.length()").value(0));
    }

    private static byte[] returnsFile(String resource, Settled s, String booked) {
        return filled(resource, Map.of("E2E_A", s.e2eA(), "E2E_B", s.e2eB(), "UMR_A", s.umrA(), "MSGID", s.messageId(),
                "PMTINF", s.paymentInfoId(), "BOOKED", booked, "SUFFIX", UUID.randomUUID().toString().substring(0, 8)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"camt054-returns.xml", "pain002-v10-returns.xml"})
    void am04_and_md01_after_settlement_reopen_both_invoices_am04_is_presented_again_md01_revokes_and_resumes_dunning(
            String resource) throws Exception {
        Settled s = twoCollections(true);
        var t = s.t();
        byte[] file = returnsFile("/fr/encaisse/sepa/" + resource, s, "2025-06-05");
        if (resource.startsWith("camt")) {
            camt054SchemaValid(file);
        }
        String body = upload(t, resource, file, "2025-06-05").andExpect(status().isOk())
                .andExpect(jsonPath("$.returns.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> am04 = JsonPath.<List<Map<String, Object>>>read(body, "$.returns[?(@.reasonCode == 'AM04')]").get(0);
        Map<String, Object> md01 = JsonPath.<List<Map<String, Object>>>read(body, "$.returns[?(@.reasonCode == 'MD01')]").get(0);
        assertThat(am04).containsEntry("kind", "RETURN").containsEntry("route", "REPRESENT").containsEntry("reopened", true)
                .containsEntry("mandateRevoked", false).containsEntry("endToEndId", s.e2eA());
        assertThat(((Number) am04.get("fee")).doubleValue()).as("the bank's fee is kept").isEqualTo(7.5);
        assertThat(md01).containsEntry("kind", "RETURN").containsEntry("route", "RESUME_DUNNING")
                .containsEntry("reopened", true).containsEntry("mandateRevoked", true).containsEntry("fee", null);
        if (resource.startsWith("camt")) {
            assertThat(JsonPath.<List<String>>read(body, "$.unmatched")).containsExactly("OTHER-TOOL-77");
        }

        // Both invoices are open again; the direct-debit payments are gone from the ledger.
        assertThat(openAmount(t, s.invoiceA())).isEqualTo(100.0);
        assertThat(openAmount(t, s.invoiceB())).isEqualTo(250.0);
        getAs(t, "/api/v1/payments").andExpect(jsonPath("$.items.length()").value(0));

        // AM04: presented once more, announced by the return notice; dunning still waits.
        List<Map<String, Object>> ofA = collections(t, s.invoiceA());
        assertThat(ofA).extracting(c -> c.get("status")).containsExactlyInAnyOrder("RETURNED", "NOTIFIED");
        Map<String, Object> again = ofA.stream().filter(c -> c.get("status").equals("NOTIFIED")).findFirst().orElseThrow();
        // Returned on Thursday 5 June: + 10 days = Sunday 15, but announced 14 days ahead → Thursday 19 June.
        assertThat(again).containsEntry("attempt", 2).containsEntry("collectionDate", "2025-06-19")
                .containsEntry("amount", 100.0);
        assertThat(paused(t, s.invoiceA(), "2025-06-06")).isTrue();
        String noticeA = text(mailsTo(s.emailA(), 2).get(1));
        assertThat(noticeA).contains("provision insuffisante", "19 juin 2025", "100,00 €", s.umrA(), ICS,
                (String) again.get("endToEndId"));

        // MD01: no new debit, mandate revoked, dunning resumes, the debtor is told.
        assertThat(collections(t, s.invoiceB())).extracting(c -> c.get("status")).containsExactly("RETURNED");
        getAs(t, "/api/v1/sepa/mandates/" + s.mandateB()).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.statusReason").value(org.hamcrest.Matchers.containsString("MD01")));
        assertThat(paused(t, s.invoiceB(), "2025-06-06")).isFalse();
        assertThat(text(mailsTo(s.emailB(), 2).get(1))).contains("absence de mandat", "ne sera plus utilisé", "FB-2025-1");

        // The same file again changes nothing.
        upload(t, resource, file, "2025-06-05").andExpect(status().isConflict());
        getAs(t, "/api/v1/sepa/returns").andExpect(jsonPath("$.length()").value(2));

        // The re-presentation goes into the next file as a RCUR (the FRST was presented).
        String next = batch(t, "2025-06-05", PainVersion.V08);
        getAs(t, "/api/v1/sepa/batches/" + next).andExpect(jsonPath("$.numberOfTransactions").value(1))
                .andExpect(jsonPath("$.blocks[0].sequenceType").value("RCUR"))
                .andExpect(jsonPath("$.blocks[0].collectionDate").value("2025-06-19"));
    }

    private ResultActions bankStatement(TestTenant t, byte[] statement) throws Exception {
        return mvc.perform(multipart("/api/v1/bank-statements")
                .file(new MockMultipartFile("file", "camt053.xml", "application/xml", statement))
                .header("X-API-Key", t.apiKey()));
    }

    private Map<String, Object> bankLine(TestTenant t, Object id) throws Exception {
        return json(getAs(t, "/api/v1/bank-statements/lines/" + id), "$");
    }

    @Test
    void bank_lines_linked_to_returned_collections_become_returned_and_the_banks_return_debit_a_reversal() throws Exception {
        Settled s = twoCollections(true);
        var t = s.t();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // The bank's statement of 2 June: both credits, linked to the payments sepa booked.
        String credits = json(bankStatement(t, CamtFile.statement("ST-CR-" + suffix).bookedOn(LocalDate.of(2025, 6, 2))
                .credit("100.00", s.e2eA(), null, null, "RET-A", IBAN_A)
                .credit("250.00", s.e2eB(), null, null, "RET-B", IBAN_B).bytes()).andExpect(status().isCreated()), "$.statements[0].id");
        List<Map<String, Object>> lines = json(getAs(t, "/api/v1/bank-statements/" + credits + "/lines"), "$.items");
        assertThat(lines).extracting(l -> l.get("matchedBy")).containsExactly("SEPA", "SEPA");
        Map<String, Object> a = lines.get(0);
        Map<String, Object> b = lines.get(1);
        // The statement of 5 June takes A's money back; banking leaves it to sepa.
        String debits = json(bankStatement(t, CamtFile.statement("ST-DB-" + suffix).bookedOn(LocalDate.of(2025, 6, 5))
                .reversal("100.00", s.e2eA(), null, "AM04").bytes())
                .andExpect(jsonPath("$.reversals.leftForPerson").value(1)), "$.statements[0].id");
        List<Map<String, Object>> debitLines = json(getAs(t, "/api/v1/bank-statements/" + debits + "/lines"), "$.items");
        Map<String, Object> returnDebit = debitLines.get(0);
        assertThat(returnDebit).containsEntry("status", "UNMATCHED");

        upload(t, "returns.xml", returnsFile("/fr/encaisse/sepa/camt054-returns.xml", s, "2025-06-05"), "2025-06-05")
                .andExpect(status().isOk()).andExpect(jsonPath("$.returns.length()").value(2));

        // the ledger's events reach banking after the commit, on another thread
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(List.of(bankLine(t, a.get("id")).get("status"),
                bankLine(t, b.get("id")).get("status"), bankLine(t, returnDebit.get("id")).get("status")))
                .containsExactly("RETURNED", "RETURNED", "REVERSAL"));
        Map<String, Object> returnedA = bankLine(t, a.get("id"));
        assertThat(returnedA).containsEntry("status", "RETURNED").containsEntry("autoBlocked", true);
        assertThat(returnedA.get("paymentId")).isNull();
        assertThat((String) returnedA.get("note")).contains(a.get("paymentId").toString(), s.e2eA(), "AM04");
        assertThat(bankLine(t, b.get("id"))).containsEntry("status", "RETURNED");
        assertThat((String) bankLine(t, b.get("id")).get("note")).contains("MD01");
        Map<String, Object> reversal = bankLine(t, returnDebit.get("id"));
        assertThat(reversal).containsEntry("status", "REVERSAL");
        assertThat((String) reversal.get("note")).contains(a.get("id").toString(), "sepa");
        List<String> actions = json(getAs(t, "/api/v1/evidence?subjectId={id}", a.get("id")), "$[*].action");
        assertThat(actions).containsExactly("bank-line.linked-to-direct-debit", "bank-line.payment-deleted");
        List<String> debitActions = json(getAs(t, "/api/v1/evidence?subjectId={id}", returnDebit.get("id")), "$[*].action");
        assertThat(debitActions).containsExactly("bank-line.reversal-applied");
        postAs(t, "/api/v1/bank-statements/lines/" + a.get("id") + "/match", "{\"debtorId\":\"" + a.get("debtorId") + "\"}")
                .andExpect(status().isConflict());

        // The registry delivers the event again, or the statements are matched again: nothing changes.
        long evidence = evidenceRows(t);
        transactions.executeWithoutResult(status -> events.publishEvent(new PaymentDeleted(t.id(),
                UUID.fromString((String) a.get("paymentId")), UUID.fromString((String) a.get("debtorId")),
                new BigDecimal("100.00"), "EUR", PaymentMethod.DIRECT_DEBIT, s.e2eA(), "AM04")));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                + " WHERE completion_date IS NULL AND serialized_event LIKE ?")
                .param("%" + a.get("paymentId") + "%").query(Long.class).single() == 0);
        for (String statement : List.of(credits, debits)) {
            postAs(t, "/api/v1/bank-statements/" + statement + "/match", "").andExpect(status().isOk());
        }
        assertThat(evidenceRows(t)).isEqualTo(evidence);
        assertThat(bankLine(t, a.get("id"))).isEqualTo(returnedA);
        assertThat(bankLine(t, returnDebit.get("id"))).isEqualTo(reversal);
    }

    private long evidenceRows(TestTenant t) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_entry WHERE tenant_id = ?").param(t.id()).query(Long.class).single();
    }

    @Test
    void a_reject_before_the_collection_date_leaves_the_ledger_as_it_was() throws Exception {
        Settled s = twoCollections(false);
        var t = s.t();
        String body = upload(t, "reject.xml", returnsFile("/fr/encaisse/sepa/pain002-v10-returns.xml", s, "2025-05-21"),
                "2025-05-21").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.returns[*].kind")).containsExactly("REJECT", "REJECT");
        assertThat(JsonPath.<List<Boolean>>read(body, "$.returns[*].reopened")).containsExactly(false, false);
        assertThat(openAmount(t, s.invoiceA())).isEqualTo(100.0);
        assertThat(openAmount(t, s.invoiceB())).isEqualTo(250.0);
        // The collection date comes: nothing rejected is booked.
        run(t, "2025-06-02");
        assertThat(openAmount(t, s.invoiceA())).isEqualTo(100.0);
        getAs(t, "/api/v1/payments").andExpect(jsonPath("$.items.length()").value(0));
        assertThat(collections(t, s.invoiceB())).extracting(c -> c.get("status")).containsExactly("REJECTED");
        // AM04 rejected on 21 May: + 10 days = Saturday 31 May, announced 14 days ahead → Wednesday 4 June.
        assertThat(collections(t, s.invoiceA())).extracting(c -> c.get("collectionDate"))
                .contains("2025-06-04");
    }

    @Test
    void a_collection_whose_invoice_was_paid_meanwhile_is_cancelled_and_its_pause_lifted() throws Exception {
        var t = sepaTenant();
        String debtor = debtor(t, "PAID-1", email());
        signedMandate(t, debtor, IBAN_A);
        String invoice = invoice(t, debtor, "F-PAID-1", "2025-09-15", "90.00");
        run(t, "2025-08-20");
        assertThat(collection(t, invoice)).containsEntry("status", "PLANNED");
        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2025-08-25","amount":90.00,"currency":"EUR","method":"TRANSFER",
                 "allocations":[{"invoiceId":"%s","amount":90.00}]}""".formatted(debtor, invoice)).andExpect(status().isCreated());
        run(t, "2025-09-01");
        assertThat(collection(t, invoice)).containsEntry("status", "CANCELLED");
        assertThat(paused(t, invoice, "2025-09-01")).isFalse();
    }

    private static void camt054SchemaValid(byte[] xml) throws Exception {
        Path xsd = Path.of(System.getProperty("encaisse.shared.dir", "../shared"), "standards", "iso20022",
                "camt.054.001.08.xsd");
        if (Files.isRegularFile(xsd)) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                    .validate(new StreamSource(new java.io.ByteArrayInputStream(xml)));
        }
    }
}
