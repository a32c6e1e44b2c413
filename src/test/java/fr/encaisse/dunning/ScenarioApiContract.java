package fr.encaisse.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Scenarios through the API: JSON and YAML, validation, assignment per debtor, and what a VIP scenario changes. */
abstract class ScenarioApiContract extends DunningTestSupport {

    static final String VIP_YAML = """
            name: VIP
            grouping: PER_INVOICE
            minDaysBetweenContacts: 7
            steps:
              - code: gentle
                offset: 7
                channels: [EMAIL]
                template: reminder
                stage: REMINDER
              - code: account-manager-call
                offset: 20
                channels: [CALL_TASK]
                template: call
                stage: REMINDER
                conditions:
                  minOpenAmount: 500
                  segments: [vip]
              - code: notice
                offset: 45
                channels: [REGISTERED_LETTER]
                template: formal-notice
                stage: FORMAL_NOTICE
                deadlineDays: 15
                mode: APPROVAL
            """;

    String yaml(TestTenant t, String url) throws Exception {
        return mvc.perform(get(url).header("X-API-Key", t.apiKey())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void a_tenant_starts_with_the_default_french_scenario_and_exports_it_as_yaml() throws Exception {
        var t = newTenant();
        getAs(t, "/api/v1/dunning/scenarios")
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("Relance standard (FR)"))
                .andExpect(jsonPath("$[0].isDefault").value(true))
                .andExpect(jsonPath("$[0].grouping").value("PER_DEBTOR"))
                .andExpect(jsonPath("$[0].steps[*].offsetDays").value(Matchers.contains(-5, 3, 10, 15, 30, 60, 120)))
                .andExpect(jsonPath("$[4].steps").doesNotExist());
        String exported = yaml(t, "/api/v1/dunning/scenarios/yaml");
        assertThat(exported).contains("name: Relance standard (FR)", "offset: 30", "- REGISTERED_LETTER", "deadlineDays: 8",
                "mode: APPROVAL");
        // Importing the export changes nothing (same name: replaced by itself).
        mvc.perform(post("/api/v1/dunning/scenarios/yaml").header("X-API-Key", t.apiKey()).contentType("application/yaml")
                .content(exported)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        assertThat(yaml(t, "/api/v1/dunning/scenarios/yaml")).isEqualTo(exported);
    }

    @Test
    void a_vip_scenario_imported_from_yaml_and_assigned_to_a_debtor_drives_its_dunning() throws Exception {
        var t = newTenant();
        List<String> ids = JsonPath.read(mvc.perform(post("/api/v1/dunning/scenarios/yaml").header("X-API-Key", t.apiKey())
                        .contentType("application/yaml").content(VIP_YAML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$[*].id");
        String vip = ids.get(0);
        getAs(t, "/api/v1/dunning/scenarios/" + vip)
                .andExpect(jsonPath("$.steps[1].conditions.minOpenAmount").value(500))
                .andExpect(jsonPath("$.steps[1].conditions.segments[0]").value("vip"))
                .andExpect(jsonPath("$.isDefault").value(false));
        String small = debtor(t, "VIP-S", "B2B", "fr", "a@b.fr");
        String big = debtor(t, "VIP-B", "B2B", "fr", "c@d.fr");
        String standard = debtor(t, "STD", "B2B", "fr", "e@f.fr");
        putAs(t, "/api/v1/dunning/debtors/" + small, "{\"scenarioId\":\"" + vip + "\",\"segment\":\"vip\"}").andExpect(status().isOk());
        putAs(t, "/api/v1/dunning/debtors/" + big, "{\"scenarioId\":\"" + vip + "\",\"segment\":\"vip\",\"riskClass\":\"A\"}")
                .andExpect(jsonPath("$.riskClass").value("A"));
        invoice(t, small, "S-1", "2026-03-02", "100.00");
        invoice(t, big, "B-1", "2026-03-02", "900.00");
        invoice(t, big, "B-2", "2026-03-02", "800.00");
        invoice(t, standard, "D-1", "2026-03-02", "100.00");
        run(t, "2026-03-05");
        run(t, "2026-03-09");
        run(t, "2026-03-23");
        // VIP: nothing at D+3, one email per invoice at D+7; the call at D+20 only for invoices of at least 500.
        assertThat(describe(contacts(t, small))).containsExactly("2026-03-09 gentle [EMAIL] RELEASED S-1:gentle");
        assertThat(describe(contacts(t, big))).containsExactlyInAnyOrder(
                "2026-03-09 gentle [EMAIL] RELEASED B-1:gentle", "2026-03-09 gentle [EMAIL] RELEASED B-2:gentle",
                "2026-03-23 account-manager-call [CALL_TASK] RELEASED B-1:account-manager-call",
                "2026-03-23 account-manager-call [CALL_TASK] RELEASED B-2:account-manager-call");
        assertThat(describe(contacts(t, standard))).first().isEqualTo("2026-03-05 reminder [EMAIL] RELEASED D-1:reminder");
        // An assigned scenario cannot be deleted; unassigned, it can.
        deleteAs(t, "/api/v1/dunning/scenarios/" + vip).andExpect(status().isConflict());
        putAs(t, "/api/v1/dunning/debtors/" + small, "{}").andExpect(jsonPath("$.scenarioId").doesNotExist());
        putAs(t, "/api/v1/dunning/debtors/" + big, "{}").andExpect(status().isOk());
        deleteAs(t, "/api/v1/dunning/scenarios/" + vip).andExpect(status().isNoContent());
    }

    @Test
    void a_scenario_is_checked_whole_and_every_problem_named() throws Exception {
        var t = newTenant();
        postAs(t, "/api/v1/dunning/scenarios", """
                {"name":"","grouping":"PER_DEBTOR","minDaysBetweenContacts":200,
                 "steps":[{"code":"A","offsetDays":3,"channels":["EMAIL"],"template":"nope","stage":"REMINDER"},
                          {"code":"b","offsetDays":3,"channels":[],"template":"reminder","stage":null}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("name", "minDaysBetweenContacts",
                        "steps[0].code", "steps[0].template", "steps[1].offset", "steps[1].channels", "steps[1].stage")));
        mvc.perform(post("/api/v1/dunning/scenarios/yaml").header("X-API-Key", t.apiKey()).contentType("application/yaml")
                        .content("name: X\nsteps:\n  - code: a\n    offset: 3\n    channels: [FAX]\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("steps[0].channels[0]",
                        "steps[0].template", "steps[0].stage")));
        String id = JsonPath.read(getAs(t, "/api/v1/dunning/scenarios").andReturn().getResponse().getContentAsString(), "$[0].id");
        deleteAs(t, "/api/v1/dunning/scenarios/" + id).andExpect(status().isConflict());
    }

    @Test
    void a_new_default_scenario_replaces_the_old_one_for_debtors_without_their_own() throws Exception {
        var t = newTenant();
        String old = JsonPath.read(getAs(t, "/api/v1/dunning/scenarios").andReturn().getResponse().getContentAsString(), "$[0].id");
        String created = id(postAs(t, "/api/v1/dunning/scenarios", """
                {"name":"Ferme","isDefault":true,"minDaysBetweenContacts":2,
                 "steps":[{"code":"j1","offsetDays":1,"channels":["EMAIL","SMS"],"template":"reminder","stage":"REMINDER"}]}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.isDefault").value(true)));
        getAs(t, "/api/v1/dunning/scenarios/" + old).andExpect(jsonPath("$.isDefault").value(false));
        String debtor = debtor(t, "NEWDEF", "B2B", "fr", "x@y.fr");
        invoice(t, debtor, "N-1", "2026-03-02", "10.00");
        run(t, "2026-03-03");
        assertThat(describe(contacts(t, debtor))).containsExactly("2026-03-03 j1 [EMAIL, SMS] RELEASED N-1:j1");
        getAs(t, "/api/v1/dunning/invoices/" + numbersKey("N-1") + "?asOf=2026-03-03")
                .andExpect(jsonPath("$.scenarioId").value(created))
                .andExpect(jsonPath("$.lastStep").value("j1"));
    }

    String numbersKey(String number) {
        return numbers.entrySet().stream().filter(e -> e.getValue().equals(number)).findFirst().orElseThrow().getKey();
    }
}
