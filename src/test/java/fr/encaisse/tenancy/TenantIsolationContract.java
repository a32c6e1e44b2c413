package fr.encaisse.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.support.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A tenant's API key can neither read, change, delete nor learn of another tenant's rows:
 * every such call answers exactly as for an id that never existed (404, or "no debtor").
 */
abstract class TenantIsolationContract extends ApiTestSupport {

    TestTenant owner;
    TestTenant intruder;
    String debtor;
    String invoice;
    String creditNote;
    String payment;
    String allocation;

    @BeforeEach
    void ownerHasOneOfEverything() throws Exception {
        owner = newTenant();
        intruder = newTenant();
        debtor = createDebtor(owner, "SECRET-1");
        invoice = createInvoice(owner, debtor, "F-SECRET", "2026-02-14", "120.00");
        creditNote = id(postAs(owner, "/api/v1/credit-notes", """
                {"debtorId":"%s","number":"AV-SECRET","issueDate":"2026-02-01","currency":"EUR",
                 "amountExclTax":10.00,"vatAmount":2.00,"amountInclTax":12.00}""".formatted(debtor)));
        payment = id(postAs(owner, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2026-02-21","amount":50.00,"currency":"EUR","method":"TRANSFER"}""".formatted(debtor)));
        allocation = id(postAs(owner, "/api/v1/allocations", """
                {"invoiceId":"%s","paymentId":"%s","amount":20.00}""".formatted(invoice, payment)));
    }

    @Test
    void debtors_of_another_tenant_do_not_exist() throws Exception {
        getAs(intruder, "/api/v1/debtors/" + debtor).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/debtors/" + debtor + "/balance").andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/debtors/" + debtor, """
                {"reference":"X","legalName":"Hijacked","kind":"B2B"}""").andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/debtors/" + debtor).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/debtors?q=SECRET").andExpect(jsonPath("$.items.length()").value(0));
        getAs(owner, "/api/v1/debtors/" + debtor).andExpect(jsonPath("$.legalName").value("Client SECRET-1 SAS"));
    }

    @Test
    void invoices_of_another_tenant_do_not_exist() throws Exception {
        getAs(intruder, "/api/v1/invoices/" + invoice).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/invoices/" + invoice + "/allocations").andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/invoices/" + invoice, """
                {"debtorId":"%s","number":"F-SECRET","issueDate":"2026-01-15","dueDate":"2026-02-14","currency":"EUR",
                 "amountExclTax":1.00,"vatAmount":0,"amountInclTax":1.00}""".formatted(debtor)).andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/invoices/" + invoice).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/invoices").andExpect(jsonPath("$.items.length()").value(0));
        getAs(intruder, "/api/v1/invoices?debtorId=" + debtor).andExpect(jsonPath("$.items.length()").value(0));
        // Invoicing the other tenant's debtor reads exactly like a debtor that does not exist.
        String unknown = "00000000-0000-0000-0000-000000000001";
        String foreignMessage = json(postAs(intruder, "/api/v1/invoices", invoiceFor(debtor)).andExpect(status().isUnprocessableContent()), "$.errors[0].message");
        String unknownMessage = json(postAs(intruder, "/api/v1/invoices", invoiceFor(unknown)).andExpect(status().isUnprocessableContent()), "$.errors[0].message");
        assertThat(foreignMessage.replace(debtor, "ID")).isEqualTo(unknownMessage.replace(unknown, "ID"));
        getAs(owner, "/api/v1/invoices/" + invoice).andExpect(jsonPath("$.openAmount").value(100.0));
    }

    @Test
    void credit_notes_payments_and_allocations_of_another_tenant_do_not_exist() throws Exception {
        getAs(intruder, "/api/v1/credit-notes/" + creditNote).andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/credit-notes/" + creditNote).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/credit-notes").andExpect(jsonPath("$.items.length()").value(0));
        getAs(intruder, "/api/v1/payments/" + payment).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/payments/" + payment + "/allocations").andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/payments/" + payment).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/payments").andExpect(jsonPath("$.items.length()").value(0));
        getAs(intruder, "/api/v1/allocations/" + allocation).andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/allocations/" + allocation).andExpect(status().isNotFound());
        // Spending the owner's payment or credit note on the intruder's own invoice is impossible too.
        String own = createInvoice(intruder, createDebtor(intruder, "MINE"), "F-MINE", "2026-02-14", "10.00");
        postAs(intruder, "/api/v1/allocations", """
                {"invoiceId":"%s","paymentId":"%s","amount":5.00}""".formatted(own, payment)).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/allocations", """
                {"invoiceId":"%s","creditNoteId":"%s","amount":5.00}""".formatted(own, creditNote)).andExpect(status().isNotFound());
        getAs(owner, "/api/v1/payments/" + payment).andExpect(jsonPath("$.unallocatedAmount").value(30.0));
    }

    @Test
    void evidence_and_imports_of_another_tenant_are_out_of_reach() throws Exception {
        getAs(intruder, "/api/v1/evidence?subjectId=" + invoice).andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/evidence/verification").andExpect(jsonPath("$.entriesChecked").value(0));
        var csv = new MockMultipartFile("file", "invoices.csv", "text/csv", """
                number;debtor_reference;issue_date;due_date;amount_incl_tax
                F-X;SECRET-1;01/02/2026;03/03/2026;10,00
                """.getBytes());
        mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/imports/invoices").file(csv).header("X-API-Key", intruder.apiKey()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("debtor_reference"));
        List<String> ownerActions = json(getAs(owner, "/api/v1/evidence?subjectId=" + invoice), "$[*].action");
        assertThat(ownerActions).contains("invoice.issued");
    }

    private static String invoiceFor(String debtorId) {
        return """
                {"debtorId":"%s","number":"F-NEW","issueDate":"2026-01-15","dueDate":"2026-02-14","currency":"EUR",
                 "amountExclTax":10.00,"vatAmount":0,"amountInclTax":10.00}""".formatted(debtorId);
    }
}
