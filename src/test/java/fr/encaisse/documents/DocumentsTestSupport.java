package fr.encaisse.documents;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.support.ApiTestSupport;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A debtor with two overdue invoices in one call, and the document bytes as the API serves them. */
abstract class DocumentsTestSupport extends ApiTestSupport {

    /**
     * F-A 1,200.00 (1,000.00 + 200.00 VAT) issued 01/02/2026, due 31/03/2026; F-B 2,500.00 (2,083.33 + 416.67 VAT)
     * issued 15/01/2026, due 28/02/2026, order PO-77. The debtor has SIREN 404833048 and an accounts-payable contact.
     */
    String debtorWithTwoOverdueInvoices(TestTenant t, String reference, String name, String language, String kind) throws Exception {
        String debtor = id(postAs(t, "/api/v1/debtors", """
                {"reference":"%s","legalName":"%s",%s"kind":"%s",
                 "address":{"line1":"2 rue Neuve","postalCode":"69001","city":"Lyon","country":"FR"},"language":"%s",
                 "contacts":[{"name":"Paul Payeur","email":"paul@client.fr","role":"ACCOUNTS_PAYABLE"}]}"""
                .formatted(reference, name, "B2C".equals(kind) ? "" : "\"siren\":\"404833048\",\"vatNumber\":\"FR83404833048\",",
                        kind, language)));
        postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"F-A","issueDate":"2026-02-01","dueDate":"2026-03-31","currency":"EUR",
                 "amountExclTax":1000.00,"vatAmount":200.00,"amountInclTax":1200.00}""".formatted(debtor)).andExpect(status().isCreated());
        postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"F-B","issueDate":"2026-01-15","dueDate":"2026-02-28","currency":"EUR",
                 "amountExclTax":2083.33,"vatAmount":416.67,"amountInclTax":2500.00,"poReference":"PO-77"}""".formatted(debtor))
                .andExpect(status().isCreated());
        return debtor;
    }

    String debtorWithTwoOverdueInvoices(TestTenant t, String reference, String name, String language) throws Exception {
        return debtorWithTwoOverdueInvoices(t, reference, name, language, "B2B");
    }

    byte[] content(TestTenant t, String documentId) throws Exception {
        return getAs(t, "/api/v1/documents/" + documentId + "/content").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
