package fr.encaisse.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.support.ApiTestSupport;
import fr.encaisse.support.OutboxProbe;
import fr.encaisse.tenancy.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The ledger through its REST API; run on H2 and on PostgreSQL by the two subclasses. */
@RecordApplicationEvents
abstract class LedgerContract extends ApiTestSupport {

    @Autowired
    ApplicationEvents events;

    @Autowired
    OutboxProbe.SettledInvoices settledListener;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_payment_covering_an_invoice_settles_it_emits_InvoiceSettled_and_is_journaled() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "F-1", "2026-02-14", "1200.00");

        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-20","amount":1200.00,"currency":"EUR","method":"TRANSFER",
                 "reference":"VIR F-1","allocations":[{"invoiceId":"%s","amount":1200.00}]}""".formatted(debtor, invoice))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unallocatedAmount").value(0.0));

        getAs(t, "/api/v1/invoices/{id}", invoice)
                .andExpect(jsonPath("$.openAmount").value(0.0))
                .andExpect(jsonPath("$.status").value("PAID"));
        getAs(t, "/api/v1/debtors/{id}/balance", debtor).andExpect(jsonPath("$[0].balance").value(0.0));
        assertThat(events.stream(InvoiceSettled.class).map(InvoiceSettled::invoiceId)).containsExactly(UUID.fromString(invoice));
        List<String> actions = json(getAs(t, "/api/v1/evidence?subjectId={id}", invoice), "$[*].action");
        assertThat(actions).containsExactly("invoice.issued", "invoice.allocated", "invoice.settled");
    }

    @Test
    void the_settled_event_reaches_other_modules_through_the_persistent_outbox() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "F-1", "2026-02-14", "240.00");
        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-20","amount":240.00,"currency":"EUR","method":"TRANSFER",
                 "allocations":[{"invoiceId":"%s","amount":240.00}]}""".formatted(debtor, invoice)).andExpect(status().isCreated());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!settledListener.received(UUID.fromString(invoice)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(settledListener.received(UUID.fromString(invoice))).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%InvoiceSettled' AND serialized_event LIKE ?")
                .param("%" + invoice + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_partial_payment_leaves_the_rest_open() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "F-1", "2026-02-14", "1200.00");

        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-20","amount":500.00,"currency":"EUR","method":"CHECK",
                 "allocations":[{"invoiceId":"%s","amount":500.00}]}""".formatted(debtor, invoice)).andExpect(status().isCreated());

        getAs(t, "/api/v1/invoices/{id}", invoice)
                .andExpect(jsonPath("$.openAmount").value(700.0))
                .andExpect(jsonPath("$.status").value("PARTIALLY_PAID"));
        getAs(t, "/api/v1/debtors/{id}/balance", debtor)
                .andExpect(jsonPath("$[0].openInvoices").value(700.0))
                .andExpect(jsonPath("$[0].balance").value(700.0));
        assertThat(events.stream(InvoiceSettled.class)).isEmpty();
        assertThat(events.stream(PaymentAllocated.class).map(PaymentAllocated::invoiceOpenAmount))
                .containsExactly(new java.math.BigDecimal("700.00"));
    }

    @Test
    void one_payment_spread_over_two_invoices_and_a_credit_note_and_an_unallocated_rest() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String f1 = createInvoice(t, debtor, "F-1", "2026-02-14", "100.00");
        String f2 = createInvoice(t, debtor, "F-2", "2026-02-20", "300.00");
        String note = id(postAs(t, "/api/v1/credit-notes", """
                {"debtorId":"%s","number":"AV-1","issueDate":"2026-02-01","currency":"EUR",
                 "amountExclTax":50.00,"vatAmount":10.00,"amountInclTax":60.00}""".formatted(debtor)));
        postAs(t, "/api/v1/allocations", """
                {"invoiceId":"%s","creditNoteId":"%s","amount":60.00}""".formatted(f2, note)).andExpect(status().isCreated());
        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-21","amount":400.00,"currency":"EUR","method":"TRANSFER",
                 "allocations":[{"invoiceId":"%s","amount":100.00},{"invoiceId":"%s","amount":240.00}]}"""
                .formatted(debtor, f1, f2)).andExpect(status().isCreated()).andExpect(jsonPath("$.unallocatedAmount").value(60.0));

        getAs(t, "/api/v1/invoices/{id}", f1).andExpect(jsonPath("$.status").value("PAID"));
        getAs(t, "/api/v1/invoices/{id}", f2).andExpect(jsonPath("$.status").value("PAID"));
        getAs(t, "/api/v1/credit-notes/{id}", note).andExpect(jsonPath("$.status").value("APPLIED"));
        // The 60.00 nobody took is a credit in the debtor's favour.
        getAs(t, "/api/v1/debtors/{id}/balance", debtor)
                .andExpect(jsonPath("$[0].unallocatedPayments").value(60.0))
                .andExpect(jsonPath("$[0].balance").value(-60.0));
    }

    @Test
    void an_allocation_above_what_is_open_is_refused_and_changes_nothing() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "F-1", "2026-02-14", "100.00");
        String payment = id(postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-21","amount":150.00,"currency":"EUR","method":"TRANSFER"}""".formatted(debtor)));

        postAs(t, "/api/v1/allocations", """
                {"invoiceId":"%s","paymentId":"%s","amount":120.00}""".formatted(invoice, payment))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.openAmount").value(100.0));
        getAs(t, "/api/v1/payments/{id}", payment).andExpect(jsonPath("$.unallocatedAmount").value(150.0));
    }

    @Test
    void reversing_an_allocation_reopens_the_invoice() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String invoice = createInvoice(t, debtor, "F-1", "2026-02-14", "100.00");
        String payment = id(postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-21","amount":100.00,"currency":"EUR","method":"TRANSFER"}""".formatted(debtor)));
        String allocation = id(postAs(t, "/api/v1/allocations", """
                {"invoiceId":"%s","paymentId":"%s","amount":100.00}""".formatted(invoice, payment)));
        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("PAID"));

        deleteAs(t, "/api/v1/allocations/" + allocation).andExpect(status().isNoContent());

        getAs(t, "/api/v1/invoices/{id}", invoice).andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.openAmount").value(100.0));
        getAs(t, "/api/v1/payments/{id}", payment).andExpect(jsonPath("$.unallocatedAmount").value(100.0));
        List<String> actions = json(getAs(t, "/api/v1/evidence?subjectId={id}", invoice), "$[*].action");
        assertThat(actions).endsWith("invoice.allocation-reversed");
    }

    @Test
    void invoices_are_listed_by_due_date_with_keyset_pages_and_filters() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String other = createDebtor(t, "C2");
        LocalDate today = tenants.today(t.id());
        for (int i = 0; i < 7; i++) {
            createInvoice(t, i % 2 == 0 ? debtor : other, "F-" + i, today.plusDays(10 - 3L * i).toString(), "10.00");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = getAs(t, "/api/v1/invoices?limit=3" + (cursor == null ? "" : "&after=" + cursor)).andExpect(status().isOk());
            seen.addAll(json(page, "$.items[*].dueDate"));
            cursor = json(page, "$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).isSorted();

        // Due dates are today+10, +7, +4, +1, -2, -5, -8: three are overdue.
        getAs(t, "/api/v1/invoices?overdue=true").andExpect(jsonPath("$.items.length()").value(3));
        getAs(t, "/api/v1/invoices?debtorId=" + other).andExpect(jsonPath("$.items.length()").value(3));
        getAs(t, "/api/v1/invoices?status=PAID").andExpect(jsonPath("$.items.length()").value(0));
        getAs(t, "/api/v1/invoices?dueFrom={from}&dueTo={to}", today.toString(), today.plusDays(5).toString())
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void bad_input_is_a_problem_naming_each_field() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"F-9","issueDate":"2026-03-01","dueDate":"2026-02-01","currency":"EUR",
                 "amountExclTax":100.00,"vatAmount":20.00,"amountInclTax":130.00}""".formatted(debtor))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("dueDate", "amountInclTax")));
        postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"F-9","issueDate":"2026-31-01"}""".formatted(debtor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("issueDate"));
        postAs(t, "/api/v1/debtors", """
                {"reference":"C2","legalName":"X","kind":"B2B","siren":"123456789"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("siren"));
        getAs(t, "/api/v1/invoices?dueFrom=yesterday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueFrom"));
    }

    @Test
    void an_invoice_number_is_unique_per_tenant() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        createInvoice(t, debtor, "F-1", "2026-02-14", "10.00");
        postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"F-1","issueDate":"2026-01-15","dueDate":"2026-02-14","currency":"EUR",
                 "amountExclTax":10.00,"vatAmount":0,"amountInclTax":10.00}""".formatted(debtor))
                .andExpect(status().isConflict());
        // Another tenant may use the same number.
        var other = newTenant();
        createInvoice(other, createDebtor(other, "C1"), "F-1", "2026-02-14", "10.00");
    }

    @Test
    void calls_without_a_valid_key_are_refused_and_viewers_cannot_write() throws Exception {
        mvc.perform(get("/api/v1/debtors")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/debtors").header("X-API-Key", "enc_AAAAAAAA_not-a-real-key-at-all")).andExpect(status().isUnauthorized());
        var viewer = newTenant(Role.VIEWER);
        getAs(viewer, "/api/v1/debtors").andExpect(status().isOk());
        postAs(viewer, "/api/v1/debtors", "{}").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/debtors").header("Authorization", "Bearer " + newTenant().apiKey())
                .contentType("application/json").content("{}")).andExpect(status().isUnprocessableContent());
    }
}
