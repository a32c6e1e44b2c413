package fr.encaisse.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.Tenants;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Builds a fresh tenant per test and calls the REST API with its key, in one line each. */
public abstract class ApiTestSupport {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Tenants tenants;

    /** A tenant of its own for each test: tests never see each other's rows. */
    protected record TestTenant(Tenant tenant, String apiKey) {
        public UUID id() {
            return tenant.id();
        }
    }

    protected TestTenant newTenant() {
        return newTenant(Role.CREDIT_MANAGER);
    }

    protected TestTenant newTenant(Role role) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Tenant t = tenants.create(new NewTenant(slug, "Créancier " + slug, "732829320", "FR44732829320",
                "1 rue du Test", "75001", "Paris", "FR7630006000011234567890189", null, null));
        return new TestTenant(t, tenants.createApiKey(t.id(), "test", role));
    }

    protected ResultActions getAs(TestTenant t, String url, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).header("X-API-Key", t.apiKey()));
    }

    protected ResultActions postAs(TestTenant t, String url, String json) throws Exception {
        return mvc.perform(post(url).header("X-API-Key", t.apiKey()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions putAs(TestTenant t, String url, String json) throws Exception {
        return mvc.perform(put(url).header("X-API-Key", t.apiKey()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions deleteAs(TestTenant t, String url) throws Exception {
        return mvc.perform(delete(url).header("X-API-Key", t.apiKey()));
    }

    protected static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }

    protected static <T> T json(ResultActions result, String path) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
    }

    protected String createDebtor(TestTenant t, String reference) throws Exception {
        return id(postAs(t, "/api/v1/debtors", """
                {"reference":"%s","legalName":"Client %s SAS","siren":"404833048","vatNumber":"FR83404833048",
                 "kind":"B2B","address":{"line1":"2 rue Neuve","postalCode":"69001","city":"Lyon","country":"FR"},
                 "email":"ap@client.fr","language":"fr",
                 "contacts":[{"name":"Paul Payeur","email":"paul@client.fr","role":"ACCOUNTS_PAYABLE"}]}"""
                .formatted(reference, reference)));
    }

    protected String createInvoice(TestTenant t, String debtorId, String number, String dueDate, String incl) throws Exception {
        java.math.BigDecimal total = new java.math.BigDecimal(incl);
        java.math.BigDecimal excl = total.divide(new java.math.BigDecimal("1.2"), 2, java.math.RoundingMode.HALF_UP);
        return id(postAs(t, "/api/v1/invoices", """
                {"debtorId":"%s","number":"%s","issueDate":"2026-01-15","dueDate":"%s","currency":"EUR",
                 "amountExclTax":%s,"vatAmount":%s,"amountInclTax":%s}"""
                .formatted(debtorId, number, dueDate, excl, total.subtract(excl), total)));
    }
}
