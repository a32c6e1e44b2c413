package fr.encaisse.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.support.ApiTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Penalty statements computed from the ledger and the tenant's terms of sale, through the API. */
abstract class PenaltiesContract extends ApiTestSupport {

    /** 1,000.00 due 31/01/2025; 500.00 paid on 02/03/2025 (it still bears that day). */
    String halfPaidInvoice(TestTenant t, String kind) throws Exception {
        String debtor = id(postAs(t, "/api/v1/debtors", """
                {"reference":"D-%s","legalName":"Débiteur %s","kind":"%s"}""".formatted(kind, kind, kind)));
        String invoice = id(postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"F-%s","issueDate":"2025-01-01","dueDate":"2025-01-31","currency":"EUR",
                 "amountExclTax":1000.00,"vatAmount":0,"amountInclTax":1000.00}""".formatted(debtor, kind)));
        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"2025-03-02","amount":500.00,"currency":"EUR","method":"TRANSFER",
                 "allocations":[{"invoiceId":"%s","amount":500.00}]}""".formatted(debtor, invoice)).andExpect(status().isCreated());
        return invoice;
    }

    @Test
    void a_professional_owes_default_interest_day_by_day_and_the_40_euro_indemnity() throws Exception {
        var t = newTenant();
        String invoice = halfPaidInvoice(t, "B2B");
        // 2025-S1 default rate: ECB 3.15 + 10 = 13.15 %, ACT/365.
        // 1 Feb–2 Mar: 30 days on 1,000.00 = 10.8082; 3 Mar–30 Apr: 59 days on 500.00 = 10.6281; total 21.4363 → 21.44.
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2025-04-30&lang=en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.principalOutstanding").value(500.0))
                .andExpect(jsonPath("$.periods.length()").value(2))
                .andExpect(jsonPath("$.periods[0].days").value(30))
                .andExpect(jsonPath("$.periods[0].ratePercent").value(13.15))
                .andExpect(jsonPath("$.interest").value(21.44))
                .andExpect(jsonPath("$.indemnity").value(40.0))
                .andExpect(jsonPath("$.totalClaimable").value(561.44))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.explanation").value(Matchers.allOf(Matchers.containsString("L441-10"),
                        Matchers.containsString("21.44"))));
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2025-04-30&lang=fr")
                .andExpect(jsonPath("$.explanation").value(Matchers.containsString("D441-5")));
    }

    @Test
    void the_contract_rate_of_the_terms_of_sale_applies_per_tenant_and_per_debtor() throws Exception {
        var t = newTenant();
        String invoice = halfPaidInvoice(t, "B2B");
        putAs(t, "/api/v1/terms-of-sale", """
                {"contractRate":20,"agreedTerm":"SIXTY_DAYS_FROM_ISSUE"}""").andExpect(status().isOk());
        // 20 % is above the 3 × 3.71 % = 11.13 % floor: 1,000 × 20 % × 30/365 + 500 × 20 % × 59/365 = 32.6027 → 32.60.
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2025-04-30").andExpect(jsonPath("$.interest").value(32.6));
        String debtor = json(getAs(t, "/api/v1/invoices/" + invoice), "$.debtorId");
        putAs(t, "/api/v1/debtors/" + debtor + "/terms-of-sale", """
                {"contractRate":5}""").andExpect(status().isOk());
        // 5 % is below the floor, so 11.13 %: 1,000 × 11.13 % × 30/365 + 500 × 11.13 % × 59/365 = 18.1434 → 18.14.
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2025-04-30").andExpect(jsonPath("$.interest").value(18.14));
        putAs(t, "/api/v1/terms-of-sale", """
                {"contractRate":-1}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("contractRate"));
    }

    @Test
    void a_consumer_owes_neither_l441_10_interest_nor_the_indemnity_without_a_formal_notice() throws Exception {
        var t = newTenant();
        String invoice = halfPaidInvoice(t, "B2C");
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2025-04-30")
                .andExpect(jsonPath("$.interest").value(0.0))
                .andExpect(jsonPath("$.indemnity").value(0.0))
                .andExpect(jsonPath("$.totalClaimable").value(500.0));
    }

    @Test
    void a_debtor_statement_adds_up_its_overdue_invoices() throws Exception {
        var t = newTenant();
        String invoice = halfPaidInvoice(t, "B2B");
        String debtor = json(getAs(t, "/api/v1/invoices/" + invoice), "$.debtorId");
        getAs(t, "/api/v1/debtors/" + debtor + "/penalties?asOf=2025-04-30")
                .andExpect(jsonPath("$.invoices.length()").value(1))
                .andExpect(jsonPath("$.indemnity").value(40.0))
                .andExpect(jsonPath("$.totalClaimable").value(561.44));
    }

    @Test
    void a_half_year_missing_from_the_rate_table_is_refused_unless_the_flagged_fallback_is_allowed() throws Exception {
        var t = newTenant();
        String invoice = halfPaidInvoice(t, "B2B");
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2035-01-10")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Rates not available"))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        putAs(t, "/api/v1/terms-of-sale", """
                {"lastKnownRatesAllowed":true}""").andExpect(status().isOk());
        getAs(t, "/api/v1/invoices/" + invoice + "/penalties?asOf=2035-01-10")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(true));
    }

    @Test
    void the_payment_term_is_checked_against_l441_10() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        String ok = createInvoice(t, debtor, "F-OK", "2026-03-01", "10.00");
        String tooLong = createInvoice(t, debtor, "F-LONG", "2026-04-30", "10.00");
        getAs(t, "/api/v1/invoices/" + ok + "/term-check").andExpect(jsonPath("$.compliant").value(true));
        getAs(t, "/api/v1/invoices/" + tooLong + "/term-check")
                .andExpect(jsonPath("$.compliant").value(false))
                .andExpect(jsonPath("$.limitDate").value("2026-03-16"));
    }

    @Test
    void penalties_and_terms_of_another_tenant_do_not_exist_and_rates_need_the_operator() throws Exception {
        var owner = newTenant();
        var intruder = newTenant();
        String invoice = halfPaidInvoice(owner, "B2B");
        String debtor = json(getAs(owner, "/api/v1/invoices/" + invoice), "$.debtorId");
        getAs(intruder, "/api/v1/invoices/" + invoice + "/penalties?asOf=2025-04-30").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/debtors/" + debtor + "/penalties?asOf=2025-04-30").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/debtors/" + debtor + "/terms-of-sale").andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/debtors/" + debtor + "/terms-of-sale", "{\"contractRate\":50}").andExpect(status().isNotFound());
        String rates = getAs(intruder, "/api/v1/law/rates").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rates).contains("half-year;2025-S1");
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/law/rates").header("X-API-Key", intruder.apiKey())
                .contentType("text/plain").content("garbage")).andExpect(status().isForbidden());
    }
}
