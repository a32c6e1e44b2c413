package fr.encaisse.dunning.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.OutboundMessage;
import fr.encaisse.communication.Outbox;
import fr.encaisse.dunning.Contact;
import fr.encaisse.dunning.DunningRun;
import fr.encaisse.dunning.DunningSettings;
import fr.encaisse.dunning.Evaluation;
import fr.encaisse.dunning.Grouping;
import fr.encaisse.dunning.RunReport;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Step;
import fr.encaisse.dunning.StepMode;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.recovery.ActivePauses;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tenant = one transaction: lock the tenant's row (a second run of the same tenant waits, then
 * finds the work done), stream and decide, re-read the balances of what it will chase, write
 * actions + state + messages + evidence, commit. A crash before the commit leaves nothing; after it,
 * everything; the next run takes whatever is still due.
 */
@Service
class RunService implements DunningRun {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    static final String SOURCE = "DUNNING_CONTACT";
    private static final String ACTOR = "system:dunning";
    private static final int RECHECK_CHUNK = 500;
    private static final int LOCK_ATTEMPTS = 10;

    private final DunningStore store;
    private final ScenarioService scenarios;
    private final OpenItems openItems;
    private final DunningPauses pauses;
    private final Outbox outbox;
    private final Evidence evidence;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final FrenchBusinessDays calendar = new FrenchBusinessDays();

    RunService(DunningStore store, ScenarioService scenarios, OpenItems openItems, DunningPauses pauses, Outbox outbox,
               Evidence evidence, Tenants tenants, JsonMapper json, Clock clock, PlatformTransactionManager txManager) {
        this.store = store;
        this.scenarios = scenarios;
        this.openItems = openItems;
        this.pauses = pauses;
        this.outbox = outbox;
        this.evidence = evidence;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    FrenchBusinessDays calendar() {
        return calendar;
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        return calendar.isBusinessDay(date);
    }

    @Override
    public RunReport run(LocalDate asOf) {
        return runTenant(TenantContext.tenantId(), asOf, "API");
    }

    @Override
    public List<RunReport> runTenants(Collection<UUID> tenantIds, LocalDate asOf, String trigger, Consumer<RunReport> afterEach) {
        List<RunReport> reports = new ArrayList<>();
        for (UUID tenantId : tenantIds) {
            RunReport r = TenantContext.runAs(tenantId, ACTOR,
                    () -> runTenant(tenantId, asOf != null ? asOf : tenants.today(tenantId), trigger));
            reports.add(r);
            afterEach.accept(r);
        }
        return reports;
    }

    @Override
    public List<RunReport> runDaily() {
        List<RunReport> reports = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        for (UUID tenantId : store.dailyRunTenants()) {
            try {
                reports.addAll(runTenants(List.of(tenantId), null, "SCHEDULER", r -> {
                }));
            } catch (RuntimeException e) {
                log.error("Dunning run failed for tenant {}; the other tenants go on", tenantId, e);
                failed.add(tenantId);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Dunning run failed for tenants " + failed + " (the others were committed)");
        }
        return reports;
    }

    /**
     * The whole run of one tenant, in one transaction; retried when the database gives up waiting for
     * a lock or breaks a deadlock (another run of the tenant, a payment being allocated): the run is
     * idempotent, so trying again is always safe.
     */
    RunReport runTenant(UUID tenantId, LocalDate asOf, String trigger) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runTenantOnce(tenantId, asOf, trigger);
            } catch (TransientDataAccessException e) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw e;
                }
                log.info("Dunning run of tenant {} as of {} waited too long for a lock (attempt {}), retrying", tenantId, asOf,
                        attempt);
            }
        }
    }

    private RunReport runTenantOnce(UUID tenantId, LocalDate asOf, String trigger) {
        long start = System.nanoTime();
        if (!calendar.isBusinessDay(asOf)) {
            return new RunReport(tenantId, asOf, false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return tx.execute(status -> {
            OffsetDateTime started = OffsetDateTime.now(clock);
            store.lockTenant(tenantId, started);
            Decider.Plan plan = decide(prepare(tenantId, asOf));
            UUID runId = UUID.randomUUID();
            Applied applied = apply(tenantId, asOf, runId, plan, started);
            RunReport report = new RunReport(tenantId, asOf, true, plan.invoicesRead(), applied.contacts, applied.drafted,
                    applied.actions, (int) plan.paused(), (int) plan.held(), (int) plan.deferred(), applied.settled,
                    (System.nanoTime() - start) / 1_000_000);
            store.insertRun(tenantId, runId, asOf, trigger, started, OffsetDateTime.now(clock), plan.invoicesRead(),
                    applied.contacts, applied.actions, json.writeValueAsString(report));
            return report;
        });
    }

    @Override
    public Evaluation evaluate(LocalDate asOf) {
        UUID tenantId = TenantContext.tenantId();
        long start = System.nanoTime();
        // Read-write: a tenant's first use stores its default scenario; the decision itself writes nothing.
        Decider.Plan plan = tx.execute(s -> decide(prepare(tenantId, asOf)));
        return new Evaluation(asOf, plan.invoicesRead(), plan.dueSteps(), plan.contacts().size(), plan.paused(), plan.held(),
                plan.deferred(), plan.dueByStep(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Everything the decision needs, read in the current transaction; then the streaming read decides. */
    private record Prepared(Decider decider, LocalDate dueUntil, long millis) {
    }

    private Decider.Plan decide(Prepared p) {
        long start = System.nanoTime();
        openItems.forEachOpenInvoice(p.dueUntil(), p.decider()::accept);
        long streamed = System.nanoTime();
        Set<UUID> needKind = p.decider().debtorsNeedingKind();
        Map<UUID, DebtorKind> kinds = needKind.isEmpty() ? Map.of() : openItems.debtorKinds(needKind);
        Decider.Plan plan = p.decider().finish(kinds);
        if (log.isDebugEnabled()) {
            log.debug("decision: prepared in {} ms, {} invoices streamed and decided in {} ms, grouped in {} ms", p.millis(),
                    plan.invoicesRead(), (streamed - start) / 1_000_000, (System.nanoTime() - streamed) / 1_000_000);
        }
        return plan;
    }

    private Prepared prepare(UUID tenantId, LocalDate asOf) {
        long start = System.nanoTime();
        scenarios.ensureDefault(tenantId);
        Map<UUID, CompiledScenario> compiled = new HashMap<>();
        CompiledScenario defaultScenario = null;
        int lead = 0;
        for (Scenario s : scenarios.all(tenantId)) {
            CompiledScenario c = new CompiledScenario(s);
            compiled.put(s.id(), c);
            lead = Math.max(lead, c.lead);
            if (s.isDefault()) {
                defaultScenario = c;
            }
        }
        Map<UUID, Decider.DebtorInfo> debtors = store.debtors(tenantId, compiled::get);
        UuidIntMap levels = new UuidIntMap(1 << 16);
        Set<UUID> pending = new HashSet<>();
        store.loadStates(tenantId, levels, pending);
        ActivePauses active = pauses.activeOn(asOf);
        Decider decider = new Decider((int) asOf.toEpochDay(), calendar, defaultScenario, debtors, levels, pending,
                store.debtorsWithDraft(tenantId), active);
        return new Prepared(decider, asOf.plusDays(lead), (System.nanoTime() - start) / 1_000_000);
    }

    private static final class Applied {
        int contacts;
        int drafted;
        int actions;
        int settled;
    }

    private Applied apply(UUID tenantId, LocalDate asOf, UUID runId, Decider.Plan plan, OffsetDateTime now) {
        Applied a = new Applied();
        List<Decider.Planned> contacts = plan.contacts();
        for (int from = 0; from < contacts.size(); from += RECHECK_CHUNK) {
            List<Decider.Planned> chunk = contacts.subList(from, Math.min(contacts.size(), from + RECHECK_CHUNK));
            List<UUID> ids = new ArrayList<>();
            chunk.forEach(c -> c.items().forEach(i -> ids.add(i.candidate().invoiceId())));
            // The balance as it is now, in this transaction: what was paid since the read is not chased.
            Map<UUID, BigDecimal> open = openItems.openAmounts(ids);
            for (Decider.Planned c : chunk) {
                write(tenantId, asOf, runId, c, open, now, a);
            }
        }
        return a;
    }

    private void write(UUID tenantId, LocalDate asOf, UUID runId, Decider.Planned planned, Map<UUID, BigDecimal> open,
                       OffsetDateTime now, Applied a) {
        CompiledScenario s = planned.scenario();
        List<DunningStore.ActionRow> actions = new ArrayList<>();
        for (Decider.Item i : planned.items()) {
            BigDecimal current = open.get(i.candidate().invoiceId());
            if (current == null || current.signum() <= 0) {
                a.settled++;
                continue;
            }
            Step step = s.steps[i.step()];
            actions.add(new DunningStore.ActionRow(i.candidate().invoiceId(), step.code(), step.offsetDays(),
                    LocalDate.ofEpochDay(i.stepDate()), current));
        }
        if (actions.isEmpty()) {
            return;
        }
        Step step = s.steps[planned.step()];
        boolean draft = step.mode() == StepMode.APPROVAL;
        Contact.Status status = draft ? Contact.Status.DRAFT : Contact.Status.RELEASED;
        UUID contactId = UUID.randomUUID();
        LocalDate deadline = step.deadlineDays() == null ? null : asOf.plusDays(step.deadlineDays());
        store.insertContact(tenantId, contactId, planned.debtorId(), s.scenario.id(), s.scenario.grouping().name(), step.code(),
                step.offsetDays(), step.stage(), step.channels(), step.template(), asOf, LocalDate.ofEpochDay(planned.stepDate()),
                deadline, status, actions.size(), runId, now);
        store.insertActions(tenantId, contactId, planned.debtorId(), asOf, actions, now);
        store.advance(tenantId, planned.debtorId(), actions, asOf, draft ? contactId : null);
        store.touchDebtor(tenantId, planned.debtorId(), asOf);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contact", contactId.toString());
        details.put("step", step.code());
        details.put("stage", step.stage().name());
        details.put("channels", step.channels());
        details.put("asOf", asOf.toString());
        details.put("status", status.name());
        details.put("invoices", actions.stream().map(x -> Map.of("invoice", x.invoiceId().toString(), "step", x.stepCode(),
                "open", x.openAmount().toPlainString())).toList());
        evidence.record("DEBTOR", planned.debtorId(), draft ? "dunning.contact-drafted" : "dunning.contact", json.writeValueAsString(details));
        if (!draft) {
            enqueue(contactId, planned.debtorId(), s.scenario.grouping(), step, asOf, deadline,
                    actions.stream().map(DunningStore.ActionRow::invoiceId).toList());
        }
        a.contacts++;
        a.actions += actions.size();
        if (draft) {
            a.drafted++;
        }
    }

    /** One message per channel of the step; an email goes with the letter's PDF when the step also writes one. */
    void enqueue(UUID contactId, UUID debtorId, Grouping grouping, Step step, LocalDate sendOn, LocalDate deadline,
                 List<UUID> invoiceIds) {
        boolean withLetter = step.channels().stream().anyMatch(Channel::isLetter);
        for (Channel channel : step.channels()) {
            outbox.enqueue(new OutboundMessage(debtorId, channel, step.template(), invoiceIds, grouping == Grouping.PER_DEBTOR,
                    sendOn, deadline, channel == Channel.EMAIL && withLetter, SOURCE, contactId));
        }
    }

    @Override
    public DunningSettings settings() {
        return new DunningSettings(store.dailyRun(TenantContext.tenantId()));
    }

    @Override
    public DunningSettings updateSettings(DunningSettings settings) {
        return tx.execute(s -> {
            store.setDailyRun(TenantContext.tenantId(), settings.dailyRun(), OffsetDateTime.now(clock));
            evidence.record("TENANT", TenantContext.tenantId(), "dunning.settings-updated", json.writeValueAsString(settings));
            return settings();
        });
    }
}
