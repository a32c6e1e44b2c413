package fr.encaisse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.Reconciliation;
import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.Outbox;
import fr.encaisse.dunning.DunningCases;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo as a newcomer starts it: the startup seeds the ledger and a recent history the cockpit shows. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:encaisse-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "encaisse.demo.enabled=true", "db-scheduler.enabled=false"})
class DemoDataTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tenants tenants;
    @Autowired
    Ledger ledger;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DunningCases dunning;
    @Autowired
    Outbox outbox;
    @Autowired
    Reconciliation reconciliation;

    /** What the background dispatcher (off here) does in the application's first minute. */
    @BeforeEach
    void dispatch() {
        TenantContext.runAs(tenants.bySlug(DemoData.TENANT).orElseThrow().id(), "test", () -> outbox.dispatchDue());
    }

    @Test
    void the_cockpit_has_work_for_today() throws Exception {
        mvc.perform(get("/api/v1/cockpit/today").header("X-API-Key", DemoData.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key=='call-tasks')].count", everyItem(greaterThan(0))))
                .andExpect(jsonPath("$.items[?(@.key=='dunning-review')].count", everyItem(greaterThan(0))))
                .andExpect(jsonPath("$.items[?(@.key=='disputes')].count", contains(2)))
                .andExpect(jsonPath("$.items[?(@.key=='promises-due')].count", contains(1)))
                .andExpect(jsonPath("$.items[?(@.key=='promises-broken')].count", contains(1)))
                .andExpect(jsonPath("$.items[?(@.key=='bank-suggested')].count", contains(1)));
    }

    @Test
    void dunning_went_out_and_no_email_was_attempted() {
        UUID tenant = tenants.bySlug(DemoData.TENANT).orElseThrow().id();
        TenantContext.runAs(tenant, "test", () -> {
            assertThat(dunning.contacts(null, null, null, null)).hasSizeGreaterThan(20);
            assertThat(reconciliation.countLines(LineStatus.MATCHED)).isEqualTo(2);
            List<Message> messages = outbox.messages(null, null, 500);
            assertThat(messages).extracting(Message::status).doesNotContain(MessageStatus.QUEUED, MessageStatus.FAILED);
            assertThat(messages).filteredOn(m -> m.channel() == Channel.LETTER).isNotEmpty()
                    .extracting(Message::status).isSubsetOf(MessageStatus.SENT, MessageStatus.CANCELLED);
            // No mail server for the demo tenant: emails are parked as dead letters, never handed to SMTP.
            assertThat(messages).filteredOn(m -> m.channel() == Channel.EMAIL).isNotEmpty()
                    .extracting(Message::status).isSubsetOf(MessageStatus.DEAD, MessageStatus.CANCELLED);
        });
    }

    @Test
    void only_the_first_start_creates_the_demo() {
        assertThat(new DemoData(tenants, ledger, new TransactionTemplate(transactions)).createIfAbsent(1, 1)).isFalse();
    }
}
