package fr.encaisse.dunning;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.encaisse.support.ApiTestSupport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One-line fixtures for dunning through the REST API: debtors, invoices, payments, runs, contacts. */
public abstract class DunningTestSupport extends ApiTestSupport {

    /** Invoice id → number, to print contacts readably. */
    protected final Map<String, String> numbers = new HashMap<>();

    protected String debtor(TestTenant t, String reference, String kind, String language, String email) throws Exception {
        return id(postAs(t, "/api/v1/debtors", """
                {"reference":"%s","legalName":"Client %s SAS","kind":"%s","language":"%s",
                 "address":{"line1":"2 rue Neuve","postalCode":"69001","city":"Lyon","country":"FR"},
                 "phone":"+33 4 00 00 00 00",
                 "contacts":[{"name":"Paul Payeur","email":%s,"role":"ACCOUNTS_PAYABLE"}]}"""
                .formatted(reference, reference, kind, language, email == null ? "null" : "\"" + email + "\""))
                .andExpect(status().isCreated()));
    }

    protected String invoice(TestTenant t, String debtor, String number, String due, String amount) throws Exception {
        BigDecimal total = new BigDecimal(amount);
        BigDecimal excl = total.divide(new BigDecimal("1.2"), 2, RoundingMode.HALF_UP);
        String id = id(postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"%s","issueDate":"2026-01-15","dueDate":"%s","currency":"EUR",
                 "amountExclTax":%s,"vatAmount":%s,"amountInclTax":%s}"""
                .formatted(debtor, number, due, excl, total.subtract(excl), total)).andExpect(status().isCreated()));
        numbers.put(id, number);
        return id;
    }

    protected void pay(TestTenant t, String debtor, String invoice, String amount, String on) throws Exception {
        postAs(t, "/api/v1/payments", """
                {"debtorId":"%s","receivedOn":"%s","amount":%s,"currency":"EUR","method":"TRANSFER",
                 "allocations":[{"invoiceId":"%s","amount":%s}]}""".formatted(debtor, on, amount, invoice, amount))
                .andExpect(status().isCreated());
    }

    protected Map<String, Object> run(TestTenant t, String asOf) throws Exception {
        return JsonPath.read(postAs(t, "/api/v1/dunning/runs", "{\"asOf\":\"" + asOf + "\"}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    protected List<Map<String, Object>> contacts(TestTenant t, String debtor) throws Exception {
        return JsonPath.read(getAs(t, "/api/v1/dunning/contacts?debtorId=" + debtor).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    /** Approves every drafted contact, sent on that day. */
    protected List<String> approveAll(TestTenant t, String sendOn) throws Exception {
        List<String> ids = JsonPath.read(getAs(t, "/api/v1/dunning/review").andReturn().getResponse().getContentAsString(), "$[*].id");
        if (!ids.isEmpty()) {
            postAs(t, "/api/v1/dunning/review/approve", """
                    {"ids":[%s],"sendOn":"%s"}""".formatted(String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList()), sendOn))
                    .andExpect(status().isOk());
        }
        return ids;
    }

    /** "2026-05-15 penalty-letter [LETTER] RELEASED F-A:penalty-letter F-C:reminder" per contact (invoices by number). */
    @SuppressWarnings("unchecked")
    protected List<String> describe(List<Map<String, Object>> contacts) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> c : contacts) {
            StringBuilder s = new StringBuilder(c.get("asOf") + " " + c.get("stepCode") + " "
                    + new ArrayList<>((List<Object>) c.get("channels")) + " " + c.get("status"));
            ((List<Map<String, Object>>) c.get("invoices")).stream()
                    .map(i -> numbers.getOrDefault((String) i.get("invoiceId"), (String) i.get("invoiceId")) + ":" + i.get("stepCode"))
                    .sorted().forEach(x -> s.append(' ').append(x));
            out.add(s.toString());
        }
        return out;
    }
}
