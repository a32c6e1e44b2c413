package fr.encaisse.recovery;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.dunning.DunningTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Disputes, promises, plans and pauses through the API: the one rule, its dates, and tenant isolation. */
abstract class RecoveryContract extends DunningTestSupport {

    @Test
    void a_payment_plan_pauses_its_invoices_until_its_last_installment_and_resumes_when_broken() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "PLAN-1", "B2B", "fr", "a@b.fr");
        String planned = invoice(t, debtor, "P-1", "2026-03-02", "300.00");
        String other = invoice(t, debtor, "P-2", "2026-03-02", "50.00");
        String plan = id(postAs(t, "/api/v1/recovery/payment-plans", """
                {"debtorId":"%s","invoiceIds":["%s"],"installments":[
                   {"dueOn":"2026-05-15","amount":100.00},{"dueOn":"2026-04-15","amount":100.00},{"dueOn":"2026-06-15","amount":100.00}]}"""
                .formatted(debtor, planned)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.installments[0].dueOn").value("2026-04-15"))
                .andExpect(jsonPath("$.pausedUntil").value("2026-06-17")));
        getAs(t, "/api/v1/recovery/invoices/" + planned + "/pause-status?on=2026-06-17")
                .andExpect(jsonPath("$.paused").value(true)).andExpect(jsonPath("$.pauses[0].reason").value("PAYMENT_PLAN"));
        getAs(t, "/api/v1/recovery/invoices/" + planned + "/pause-status?on=2026-06-18").andExpect(jsonPath("$.paused").value(false));
        getAs(t, "/api/v1/recovery/invoices/" + other + "/pause-status?on=2026-04-01").andExpect(jsonPath("$.paused").value(false));
        getAs(t, "/api/v1/recovery/debtors/" + debtor + "/pause-status?on=2026-04-01").andExpect(jsonPath("$.paused").value(false));
        postAs(t, "/api/v1/recovery/payment-plans/" + plan + "/close", "{\"status\":\"CANCELLED\"}")
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        getAs(t, "/api/v1/recovery/invoices/" + planned + "/pause-status?on=2026-04-01").andExpect(jsonPath("$.paused").value(false));
        postAs(t, "/api/v1/recovery/payment-plans/" + plan + "/close", "{\"status\":\"COMPLETED\"}").andExpect(status().isConflict());
    }

    @Test
    void a_debtor_wide_dispute_pauses_every_invoice_and_says_why() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "DW-1", "B2B", "fr", "a@b.fr");
        String invoice = invoice(t, debtor, "W-1", "2026-03-02", "300.00");
        postAs(t, "/api/v1/recovery/disputes", """
                {"debtorId":"%s","reason":"Conteste l'ensemble du contrat"}""".formatted(debtor)).andExpect(status().isCreated());
        getAs(t, "/api/v1/recovery/invoices/" + invoice + "/pause-status")
                .andExpect(jsonPath("$.paused").value(true))
                .andExpect(jsonPath("$.pauses[0].note").value("Conteste l'ensemble du contrat"));
        getAs(t, "/api/v1/recovery/debtors/" + debtor + "/pause-status").andExpect(jsonPath("$.paused").value(true));
        getAs(t, "/api/v1/recovery/disputes").andExpect(jsonPath("$.length()").value(1));
        getAs(t, "/api/v1/recovery/pauses").andExpect(jsonPath("$[0].reason").value("DISPUTE"));
        postAs(t, "/api/v1/recovery/disputes", """
                {"debtorId":"%s","reason":" "}""".formatted(debtor)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postAs(t, "/api/v1/recovery/promises", """
                {"debtorId":"%s"}""".formatted(debtor)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("promisedOn"));
    }

    @Test
    void a_second_open_dispute_on_the_same_invoice_or_account_is_a_conflict_until_the_first_is_resolved() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "DUP-1", "B2B", "fr", "a@b.fr");
        String invoice = invoice(t, debtor, "DUP-INV", "2026-03-02", "300.00");
        String other = invoice(t, debtor, "DUP-OTHER", "2026-03-02", "80.00");
        String first = id(postAs(t, "/api/v1/recovery/disputes", """
                {"invoiceId":"%s","reason":"Prix non conforme"}""".formatted(invoice)).andExpect(status().isCreated()));
        postAs(t, "/api/v1/recovery/disputes", """
                {"invoiceId":"%s","reason":"Toujours le prix"}""".formatted(invoice)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("dispute " + first + " is open")));
        // Another invoice, and the whole account, are other disagreements.
        postAs(t, "/api/v1/recovery/disputes", """
                {"invoiceId":"%s","reason":"Livraison"}""".formatted(other)).andExpect(status().isCreated());
        postAs(t, "/api/v1/recovery/disputes", """
                {"debtorId":"%s","reason":"Tout le contrat"}""".formatted(debtor)).andExpect(status().isCreated());
        postAs(t, "/api/v1/recovery/disputes", """
                {"debtorId":"%s","reason":"Encore"}""".formatted(debtor)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("The whole account is already disputed")));
        getAs(t, "/api/v1/recovery/disputes").andExpect(jsonPath("$.length()").value(3));

        postAs(t, "/api/v1/recovery/disputes/" + first + "/resolve", "{\"resolution\":\"avoir émis\"}").andExpect(status().isOk());
        postAs(t, "/api/v1/recovery/disputes", """
                {"invoiceId":"%s","reason":"Nouveau désaccord"}""".formatted(invoice)).andExpect(status().isCreated());
    }

    @Test
    void recovery_records_of_another_tenant_do_not_exist() throws Exception {
        var owner = newTenant();
        var intruder = newTenant();
        String debtor = debtor(owner, "RSEC", "B2B", "fr", "a@b.fr");
        String invoice = invoice(owner, debtor, "R-1", "2026-03-02", "300.00");
        String dispute = id(postAs(owner, "/api/v1/recovery/disputes", """
                {"invoiceId":"%s","reason":"x"}""".formatted(invoice)));
        String promise = id(postAs(owner, "/api/v1/recovery/promises", """
                {"debtorId":"%s","promisedOn":"2026-04-01"}""".formatted(debtor)));
        String plan = id(postAs(owner, "/api/v1/recovery/payment-plans", """
                {"debtorId":"%s","installments":[{"dueOn":"2026-04-01","amount":300.00}]}""".formatted(debtor)));
        String pause = id(postAs(owner, "/api/v1/recovery/pauses", """
                {"reason":"TENANT_HOLD","debtorId":"%s"}""".formatted(debtor)));
        getAs(intruder, "/api/v1/recovery/disputes/" + dispute).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/recovery/disputes/" + dispute + "/resolve", "{}").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/recovery/promises/" + promise).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/recovery/promises/" + promise + "/cancel", "").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/recovery/payment-plans/" + plan).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/recovery/payment-plans/" + plan + "/close", "{\"status\":\"CANCELLED\"}").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/recovery/pauses/" + pause).andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/recovery/pauses/" + pause).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/recovery/invoices/" + invoice + "/pause-status").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/recovery/debtors/" + debtor + "/pause-status").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/recovery/disputes?openOnly=false").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/recovery/pauses").andExpect(jsonPath("$.length()").value(0));
        // Pausing another tenant's debtor reads like pausing one that does not exist.
        postAs(intruder, "/api/v1/recovery/pauses", """
                {"reason":"TENANT_HOLD","debtorId":"%s"}""".formatted(debtor)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("no debtor")));
        getAs(owner, "/api/v1/recovery/pauses?on=2026-03-15").andExpect(jsonPath("$.length()").value(4));
        getAs(owner, "/api/v1/recovery/pauses?on=2026-04-04").andExpect(jsonPath("$.length()").value(2));
    }
}
