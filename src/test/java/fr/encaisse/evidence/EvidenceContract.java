package fr.encaisse.evidence;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import fr.encaisse.support.ApiTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The journal is chained: altering, deleting or cutting off any row shows in the verification. */
abstract class EvidenceContract extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    TestTenant tenantWithFiveEntries() throws Exception {
        var t = newTenant();
        String debtor = createDebtor(t, "C1");
        for (int i = 1; i <= 4; i++) {
            createInvoice(t, debtor, "F-" + i, "2026-02-14", "10.00");
        }
        getAs(t, "/api/v1/evidence/verification")
                .andExpect(jsonPath("$.entriesChecked").value(5))
                .andExpect(jsonPath("$.breaks.length()").value(0));
        return t;
    }

    @Test
    void an_altered_row_is_detected() throws Exception {
        var t = tenantWithFiveEntries();
        jdbc.sql("UPDATE evidence_entry SET details = REPLACE(details, '10.0', '1.0') WHERE tenant_id = ? AND position = 3")
                .param(t.id()).update();
        getAs(t, "/api/v1/evidence/verification")
                .andExpect(jsonPath("$.breaks.length()").value(1))
                .andExpect(jsonPath("$.breaks[0].position").value(3))
                .andExpect(jsonPath("$.breaks[0].problem").value(Matchers.containsString("altered")));
    }

    @Test
    void a_row_altered_with_its_hash_recomputed_still_breaks_the_link_to_the_next() throws Exception {
        var t = tenantWithFiveEntries();
        jdbc.sql("UPDATE evidence_entry SET actor = 'someone-else', hash = ? WHERE tenant_id = ? AND position = 2")
                .params("f".repeat(64), t.id()).update();
        getAs(t, "/api/v1/evidence/verification")
                .andExpect(jsonPath("$.breaks[*].position").value(Matchers.contains(2, 3)));
    }

    @Test
    void a_deleted_row_is_detected() throws Exception {
        var t = tenantWithFiveEntries();
        jdbc.sql("DELETE FROM evidence_entry WHERE tenant_id = ? AND position = 2").param(t.id()).update();
        getAs(t, "/api/v1/evidence/verification")
                .andExpect(jsonPath("$.breaks[0].position").value(2))
                .andExpect(jsonPath("$.breaks[0].problem").value(Matchers.containsString("missing")));
    }

    @Test
    void a_deleted_last_row_is_detected() throws Exception {
        var t = tenantWithFiveEntries();
        jdbc.sql("DELETE FROM evidence_entry WHERE tenant_id = ? AND position = 5").param(t.id()).update();
        getAs(t, "/api/v1/evidence/verification")
                .andExpect(jsonPath("$.breaks[0].problem").value(Matchers.containsString("tail")));
    }
}
