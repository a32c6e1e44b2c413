package fr.encaisse.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.encaisse.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What stops or resumes dunning, what a run may never do twice, and who may see it. */
abstract class DunningRunContract extends DunningTestSupport {

    @Autowired
    DunningRun runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DunningCases dunningCases;

    @Test
    void paying_the_invoice_stops_the_next_step_and_a_partial_payment_is_chased_for_what_remains() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "PAY-1", "B2B", "fr", "ap@client.fr");
        String paid = invoice(t, debtor, "F-PAID", "2026-03-02", "1000.00");
        String partly = invoice(t, debtor, "F-PART", "2026-03-02", "1200.00");
        run(t, "2026-03-05");
        pay(t, debtor, paid, "1000.00", "2026-03-06");
        pay(t, debtor, partly, "500.00", "2026-03-06");
        run(t, "2026-03-12");
        List<Map<String, Object>> contacts = contacts(t, debtor);
        assertThat(describe(contacts)).containsExactly(
                "2026-03-05 reminder [EMAIL] RELEASED F-PAID:reminder F-PART:reminder",
                "2026-03-12 call [CALL_TASK] RELEASED F-PART:call");
        assertThat(JsonPath.<List<Double>>read(contacts.get(1), "$.invoices[*].openAmount")).containsExactly(700.0);
        getAs(t, "/api/v1/dunning/invoices/" + paid + "?asOf=2026-03-12").andExpect(jsonPath("$.nextStep").doesNotExist());
    }

    @Test
    void a_payment_recorded_between_the_read_and_the_write_is_seen_before_writing() throws Exception {
        // The run re-reads balances in its transaction just before writing; here the payment lands first,
        // so the invoice is not chased even though an evaluation a moment earlier would have chased it.
        var t = newTenant();
        String debtor = debtor(t, "RACE-1", "B2B", "fr", "ap@client.fr");
        String invoice = invoice(t, debtor, "F-R", "2026-03-02", "100.00");
        getAs(t, "/api/v1/dunning/evaluation?asOf=2026-03-05").andExpect(jsonPath("$.dueSteps").value(1));
        pay(t, debtor, invoice, "100.00", "2026-03-05");
        assertThat(run(t, "2026-03-05")).containsEntry("contacts", 0);
    }

    @Test
    void an_open_dispute_stops_dunning_and_its_resolution_resumes_it() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "DIS-1", "B2B", "fr", "ap@client.fr");
        String invoice = invoice(t, debtor, "F-D", "2026-03-02", "100.00");
        run(t, "2026-03-05");
        String dispute = id(postAs(t, "/api/v1/recovery/disputes", """
                {"invoiceId":"%s","reason":"Goods not delivered"}""".formatted(invoice)).andExpect(status().isCreated()));
        getAs(t, "/api/v1/recovery/invoices/" + invoice + "/pause-status?on=2026-03-12")
                .andExpect(jsonPath("$.paused").value(true))
                .andExpect(jsonPath("$.pauses[0].reason").value("DISPUTE"));
        getAs(t, "/api/v1/dunning/invoices/" + invoice + "?asOf=2026-03-12").andExpect(jsonPath("$.pause.paused").value(true));
        assertThat(run(t, "2026-03-12")).containsEntry("contacts", 0).containsEntry("paused", 1);
        postAs(t, "/api/v1/recovery/disputes/" + dispute + "/resolve", """
                {"resolution":"Delivered on 10 March, signed receipt"}""").andExpect(jsonPath("$.status").value("RESOLVED"));
        run(t, "2026-03-13");
        assertThat(describe(contacts(t, debtor))).containsExactly(
                "2026-03-05 reminder [EMAIL] RELEASED F-D:reminder",
                "2026-03-13 call [CALL_TASK] RELEASED F-D:call");
    }

    @Test
    void a_promise_to_pay_stops_dunning_until_it_expires_then_dunning_resumes_by_itself() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "PRO-1", "B2B", "fr", "ap@client.fr");
        invoice(t, debtor, "F-P", "2026-03-02", "100.00");
        run(t, "2026-03-05");
        postAs(t, "/api/v1/recovery/promises", """
                {"debtorId":"%s","promisedOn":"2026-03-18","amount":100.00,"note":"paying by transfer"}""".formatted(debtor))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pausedUntil").value("2026-03-20"));
        for (String day : List.of("2026-03-12", "2026-03-16", "2026-03-20")) {
            assertThat(run(t, day)).as(day).containsEntry("contacts", 0);
        }
        run(t, "2026-03-23");
        assertThat(describe(contacts(t, debtor))).containsExactly(
                "2026-03-05 reminder [EMAIL] RELEASED F-P:reminder",
                "2026-03-23 call [CALL_TASK] RELEASED F-P:call");
    }

    @Test
    void a_tenant_hold_and_a_pending_direct_debit_pause_like_the_rest() throws Exception {
        var t = newTenant();
        String d1 = debtor(t, "HOLD-1", "B2B", "fr", "ap@client.fr");
        String d2 = debtor(t, "SEPA-1", "B2B", "fr", "ap@client.fr");
        invoice(t, d1, "F-H", "2026-03-02", "100.00");
        String debited = invoice(t, d2, "F-S", "2026-03-02", "100.00");
        postAs(t, "/api/v1/recovery/pauses", """
                {"reason":"TENANT_HOLD","debtorId":"%s","endsOn":"2026-03-31","note":"key account, CEO call"}""".formatted(d1))
                .andExpect(status().isCreated());
        String debit = id(postAs(t, "/api/v1/recovery/pauses", """
                {"reason":"DIRECT_DEBIT_PENDING","invoiceId":"%s","sourceRef":"E2E-42"}""".formatted(debited))
                .andExpect(status().isCreated()));
        postAs(t, "/api/v1/recovery/pauses", """
                {"reason":"DISPUTE","debtorId":"%s"}""".formatted(d1)).andExpect(status().isUnprocessableContent());
        assertThat(run(t, "2026-03-05")).containsEntry("contacts", 0).containsEntry("paused", 2);
        deleteAs(t, "/api/v1/recovery/pauses/" + debit).andExpect(status().isNoContent());
        assertThat(run(t, "2026-03-06")).containsEntry("contacts", 1);
    }

    @Test
    void drafts_wait_in_the_review_queue_and_are_approved_or_skipped_in_bulk() throws Exception {
        var t = newTenant();
        String d1 = debtor(t, "REV-1", "B2B", "fr", "ap@client.fr");
        String d2 = debtor(t, "REV-2", "B2B", "fr", "ap@client.fr");
        String d3 = debtor(t, "REV-3", "B2B", "fr", "ap@client.fr");
        for (String d : List.of(d1, d2, d3)) {
            invoice(t, d, "F-" + d.substring(0, 8), "2026-02-27", "100.00");
        }
        // Mark the first four steps done by running their days, then the formal notice (approval mode) on D+30.
        for (String day : List.of("2026-03-02", "2026-03-09", "2026-03-16")) {
            run(t, day);
        }
        run(t, "2026-03-30");
        List<String> queue = JsonPath.read(getAs(t, "/api/v1/dunning/review").andReturn().getResponse().getContentAsString(), "$[*].id");
        assertThat(queue).hasSize(3);
        assertThat(TenantContext.runAs(t.id(), "test", () -> dunningCases.reviewQueueSize())).isEqualTo(3);
        // Held while in review: not drafted again, and the next step (D+60) waits for the review.
        assertThat(run(t, "2026-03-31")).containsEntry("contacts", 0);
        assertThat(run(t, "2026-04-28")).containsEntry("contacts", 0).containsEntry("held", 3);
        postAs(t, "/api/v1/dunning/review/approve", """
                {"ids":["%s","%s"],"sendOn":"2026-03-31"}""".formatted(queue.get(0), queue.get(1)))
                .andExpect(jsonPath("$[*].status").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("RELEASED"))));
        postAs(t, "/api/v1/dunning/review/skip", """
                {"ids":["%s"]}""".formatted(queue.get(2))).andExpect(jsonPath("$[0].status").value("SKIPPED"));
        postAs(t, "/api/v1/dunning/review/skip", """
                {"ids":["%s"]}""".formatted(queue.get(0))).andExpect(status().isConflict());
        getAs(t, "/api/v1/dunning/review").andExpect(jsonPath("$.length()").value(0));
        assertThat(TenantContext.runAs(t.id(), "test", () -> dunningCases.reviewQueueSize())).isZero();
        // Approved contacts went to the outbox, one message per channel (registered letter + email).
        List<String> sources = JsonPath.read(getAs(t, "/api/v1/communication/messages?limit=100").andReturn().getResponse()
                .getContentAsString(), "$[?(@.template == 'formal-notice')].sourceId");
        assertThat(sources).hasSize(4).containsOnly(queue.get(0), queue.get(1));
    }

    @Test
    void two_runs_of_the_same_day_at_once_make_each_action_exactly_once() throws Exception {
        var t1 = newTenant();
        var t2 = newTenant();
        for (var t : List.of(t1, t2)) {
            for (int d = 0; d < 8; d++) {
                String debtor = debtor(t, "CC-" + d, "B2B", "fr", "ap@client.fr");
                for (int i = 0; i < 3; i++) {
                    invoice(t, debtor, "F-" + d + "-" + i, "2026-03-02", "10" + i + ".00");
                }
            }
        }
        List<UUID> tenants = List.of(t1.id(), t2.id());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<RunReport>>> results = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return runs.runTenants(tenants, LocalDate.parse("2026-03-05"), "TEST", r -> {
                    });
                }));
            }
            int contacts = 0;
            for (Future<List<RunReport>> f : results) {
                for (RunReport r : f.get(60, TimeUnit.SECONDS)) {
                    contacts += r.contacts();
                }
            }
            assertThat(contacts).as("contacts made by both runs together").isEqualTo(16);
        } finally {
            pool.shutdownNow();
        }
        for (var t : List.of(t1, t2)) {
            assertThat(count("dunning_action", t.id())).isEqualTo(24);
            assertThat(count("dunning_contact", t.id())).isEqualTo(8);
            assertThat(count("outbox_message", t.id())).isEqualTo(8);
        }
    }

    @Test
    void a_run_killed_between_two_tenants_and_restarted_leaves_no_duplicate_and_no_gap() throws Exception {
        var t1 = newTenant();
        var t2 = newTenant();
        for (var t : List.of(t1, t2)) {
            for (int d = 0; d < 3; d++) {
                String debtor = debtor(t, "CR-" + d, "B2B", "fr", "ap@client.fr");
                invoice(t, debtor, "F-" + d + "-a", "2026-03-02", "100.00");
                invoice(t, debtor, "F-" + d + "-b", "2026-03-02", "200.00");
            }
        }
        List<UUID> tenants = List.of(t1.id(), t2.id());
        LocalDate day = LocalDate.parse("2026-03-05");
        assertThatThrownBy(() -> runs.runTenants(tenants, day, "TEST", r -> {
            throw new IllegalStateException("node killed after tenant " + r.tenantId());
        })).hasMessageContaining("node killed");
        assertThat(count("dunning_action", t1.id())).isEqualTo(6);
        assertThat(count("dunning_action", t2.id())).isZero();

        List<RunReport> restart = runs.runTenants(tenants, day, "TEST", r -> {
        });
        assertThat(restart).extracting(RunReport::contacts).containsExactly(0, 3);
        for (var t : List.of(t1, t2)) {
            assertThat(count("dunning_action", t.id())).isEqualTo(6);
            assertThat(count("dunning_contact", t.id())).isEqualTo(3);
            assertThat(count("outbox_message", t.id())).isEqualTo(3);
        }
    }

    @Autowired
    DunningCommandLine commandLine;

    @Autowired
    com.github.kagkarlsson.scheduler.Scheduler scheduler;

    @Test
    void the_daily_run_is_a_db_scheduler_recurring_task_and_the_command_line_runs_a_date() throws Exception {
        assertThat(scheduler.getScheduledExecution(
                com.github.kagkarlsson.scheduler.task.TaskInstanceId.of("dunning-daily-run", "recurring"))).isPresent();
        assertThat(scheduler.getScheduledExecution(
                com.github.kagkarlsson.scheduler.task.TaskInstanceId.of("communication-outbox-dispatch", "recurring"))).isPresent();
        var t = newTenant();
        String debtor = debtor(t, "CLI-1", "B2B", "fr", "ap@client.fr");
        invoice(t, debtor, "F-CLI", "2026-03-02", "100.00");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(commandLine.execute(print, "dunning", "run", "--tenant", "nobody-here", "--as-of", "2026-03-05")).isEqualTo(3);
        assertThat(commandLine.execute(print, "dunning", "run", "--as-of", "2026-03-05")).isEqualTo(2);
        assertThat(commandLine.execute(print, "dunning", "run", "--tenant", t.tenant().slug(), "--as-of", "5 March")).isEqualTo(2);
        assertThat(commandLine.execute(print, "dunning", "run", "--tenant", t.tenant().slug(), "--as-of", "2026-03-05", "--no-send"))
                .isEqualTo(0);
        assertThat(commandLine.execute(print, "dunning", "run", "--tenant", t.tenant().slug(), "--as-of", "2026-05-01")).isEqualTo(0);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Unknown tenant 'nobody-here'", "Usage:", "as of 2026-03-05: 1 open invoices read, 1 contacts",
                        "2026-05-01 is not a business day");
        assertThat(describe(contacts(t, debtor))).containsExactly("2026-03-05 reminder [EMAIL] RELEASED F-CLI:reminder");
    }

    @Test
    void the_daily_run_is_off_until_the_tenant_turns_it_on() throws Exception {
        var t = newTenant();
        getAs(t, "/api/v1/dunning/settings").andExpect(jsonPath("$.dailyRun").value(false));
        putAs(t, "/api/v1/dunning/settings", "{\"dailyRun\":true}").andExpect(jsonPath("$.dailyRun").value(true));
        getAs(t, "/api/v1/dunning/settings").andExpect(jsonPath("$.dailyRun").value(true));
        putAs(t, "/api/v1/dunning/settings", "{\"dailyRun\":false}").andExpect(jsonPath("$.dailyRun").value(false));
        assertThat(run(t, "2026-05-01")).containsEntry("businessDay", false);
    }

    @Test
    void dunning_records_of_another_tenant_do_not_exist() throws Exception {
        var owner = newTenant();
        var intruder = newTenant();
        String debtor = debtor(owner, "SEC-1", "B2B", "fr", "ap@client.fr");
        String invoice = invoice(owner, debtor, "F-SEC", "2026-02-27", "100.00");
        for (String day : List.of("2026-03-02", "2026-03-09", "2026-03-16", "2026-03-30")) {
            run(owner, day);
        }
        String contact = JsonPath.read(getAs(owner, "/api/v1/dunning/review").andReturn().getResponse().getContentAsString(), "$[0].id");
        String scenario = JsonPath.read(getAs(owner, "/api/v1/dunning/scenarios").andReturn().getResponse().getContentAsString(), "$[0].id");

        getAs(intruder, "/api/v1/dunning/contacts/" + contact).andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/dunning/review/approve", "{\"ids\":[\"" + contact + "\"]}").andExpect(status().isNotFound());
        postAs(intruder, "/api/v1/dunning/review/skip", "{\"ids\":[\"" + contact + "\"]}").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/dunning/invoices/" + invoice).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/dunning/debtors/" + debtor).andExpect(status().isNotFound());
        putAs(intruder, "/api/v1/dunning/debtors/" + debtor, "{\"segment\":\"vip\"}").andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/dunning/contacts?debtorId=" + debtor).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/dunning/scenarios/" + scenario).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/dunning/scenarios/" + scenario + "/yaml").andExpect(status().isNotFound());
        String body = getAs(owner, "/api/v1/dunning/scenarios/" + scenario).andReturn().getResponse().getContentAsString();
        putAs(intruder, "/api/v1/dunning/scenarios/" + scenario, body).andExpect(status().isNotFound());
        deleteAs(intruder, "/api/v1/dunning/scenarios/" + scenario).andExpect(status().isNotFound());
        getAs(intruder, "/api/v1/dunning/contacts").andExpect(jsonPath("$.length()").value(0));
        getAs(intruder, "/api/v1/dunning/review").andExpect(jsonPath("$.length()").value(0));
        // The intruder's own run does not touch the owner's invoices.
        assertThat(run(intruder, "2026-03-31")).containsEntry("invoicesRead", 0);
        getAs(owner, "/api/v1/dunning/review").andExpect(jsonPath("$.length()").value(1));
        getAs(owner, "/api/v1/dunning/contacts/" + contact).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    private long count(String table, UUID tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(tenant).query(Long.class).single();
    }
}
