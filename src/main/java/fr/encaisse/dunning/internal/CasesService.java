package fr.encaisse.dunning.internal;

import fr.encaisse.dunning.Contact;
import fr.encaisse.dunning.DunningCases;
import fr.encaisse.dunning.InvoiceDunning;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Step;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.PauseStatus;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** History, the state of one invoice, and the review queue. */
@Service
@Transactional
class CasesService implements DunningCases {

    private final DunningStore store;
    private final ScenarioService scenarios;
    private final RunService runs;
    private final Ledger ledger;
    private final DunningPauses pauses;
    private final Evidence evidence;
    private final Tenants tenants;
    private final Clock clock;

    CasesService(DunningStore store, ScenarioService scenarios, RunService runs, Ledger ledger, DunningPauses pauses,
                 Evidence evidence, Tenants tenants, Clock clock) {
        this.store = store;
        this.scenarios = scenarios;
        this.runs = runs;
        this.ledger = ledger;
        this.pauses = pauses;
        this.evidence = evidence;
        this.tenants = tenants;
        this.clock = clock;
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Contact> contacts(UUID debtorId, LocalDate from, LocalDate to, Contact.Status status) {
        if (debtorId != null) {
            ledger.debtor(debtorId);
        }
        return store.contacts(tenant(), debtorId, from, to, status);
    }

    @Override
    @Transactional(readOnly = true)
    public Contact contact(UUID id) {
        return store.contact(tenant(), id).orElseThrow(() -> new NotFoundException("Contact", id));
    }

    @Override
    public InvoiceDunning invoice(UUID invoiceId, LocalDate asOf) {
        Invoice invoice = ledger.invoice(invoiceId);
        LocalDate on = asOf != null ? asOf : tenants.today(tenant());
        Scenario scenario = store.scenarioOf(tenant(), invoice.debtorId()).map(scenarios::get).orElseGet(scenarios::defaultScenario);
        Optional<DunningStore.State> state = store.state(tenant(), invoiceId);
        int level = state.map(DunningStore.State::lastOffset).orElse(Decider.NONE);
        CompiledScenario c = new CompiledScenario(scenario);
        FrenchBusinessDays calendar = runs.calendar();
        int due = (int) invoice.dueDate().toEpochDay();
        String next = null;
        LocalDate nextDate = null;
        if (invoice.openAmount().signum() > 0) {
            for (int i = 0; i < c.steps.length && next == null; i++) {
                int offset = c.offsets[i];
                if (offset > level && !(offset < 0 && on.toEpochDay() > due)) {
                    next = c.steps[i].code();
                    nextDate = LocalDate.ofEpochDay(calendar.onOrAfter(due + offset));
                }
            }
        }
        PauseStatus pause = pauses.ofInvoice(invoiceId, on);
        return new InvoiceDunning(invoiceId, invoice.debtorId(), scenario.id(), scenario.name(),
                state.map(DunningStore.State::lastStep).orElse(null), state.map(DunningStore.State::lastOffset).orElse(null),
                state.map(DunningStore.State::lastActionOn).orElse(null), next, nextDate,
                state.map(DunningStore.State::pendingContact).isPresent(), pause, store.actionsOfInvoice(tenant(), invoiceId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Contact> reviewQueue() {
        return store.contacts(tenant(), null, null, null, Contact.Status.DRAFT);
    }

    @Override
    public int reviewQueueSize() {
        return store.countContacts(tenant(), Contact.Status.DRAFT);
    }

    @Override
    public List<Contact> approve(Collection<UUID> contactIds, LocalDate sendOn) {
        List<Contact> drafts = drafts(contactIds);
        LocalDate today = tenants.today(tenant());
        List<Contact> result = new ArrayList<>();
        for (Contact c : drafts) {
            if (!store.review(tenant(), c.id(), Contact.Status.RELEASED, TenantContext.actor(), OffsetDateTime.now(clock))) {
                throw new ConflictException("Contact " + c.id() + " was reviewed meanwhile");
            }
            store.clearPending(tenant(), c.id());
            LocalDate on = sendOn != null ? sendOn : (c.asOf().isAfter(today) ? c.asOf() : today);
            // The channels and template decided at the time, whatever the scenario says now.
            Step asDecided = new Step(c.stepCode(), c.stepOffset(), c.channels(), c.template(), c.stage(), null, null, null);
            LocalDate deadline = c.deadline() == null ? null : on.plusDays(c.deadline().toEpochDay() - c.asOf().toEpochDay());
            runs.enqueue(c.id(), c.debtorId(), c.grouping(), asDecided, on, deadline,
                    c.invoices().stream().map(Contact.Item::invoiceId).toList());
            evidence.record("DEBTOR", c.debtorId(), "dunning.contact-approved", "{\"contact\":\"" + c.id() + "\",\"sendOn\":\"" + on + "\"}");
            result.add(contact(c.id()));
        }
        return result;
    }

    @Override
    public List<Contact> skip(Collection<UUID> contactIds) {
        List<Contact> drafts = drafts(contactIds);
        List<Contact> result = new ArrayList<>();
        for (Contact c : drafts) {
            if (!store.review(tenant(), c.id(), Contact.Status.SKIPPED, TenantContext.actor(), OffsetDateTime.now(clock))) {
                throw new ConflictException("Contact " + c.id() + " was reviewed meanwhile");
            }
            store.clearPending(tenant(), c.id());
            evidence.record("DEBTOR", c.debtorId(), "dunning.contact-skipped", "{\"contact\":\"" + c.id() + "\"}");
            result.add(contact(c.id()));
        }
        return result;
    }

    /** All the contacts exist for this tenant and are drafts, or nothing is done. */
    private List<Contact> drafts(Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "give at least one contact id");
        }
        List<Contact> drafts = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Contact c = contact(id);
            if (c.status() != Contact.Status.DRAFT) {
                throw new ConflictException("Contact " + id + " is " + c.status() + ", not awaiting review");
            }
            drafts.add(c);
        }
        return drafts;
    }
}
