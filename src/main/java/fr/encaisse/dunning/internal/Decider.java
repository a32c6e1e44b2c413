package fr.encaisse.dunning.internal;

import fr.encaisse.dunning.StepConditions;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.OpenInvoiceRow;
import fr.encaisse.recovery.ActivePauses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The decision, pure and in memory: fed one open invoice at a time (no order needed), it keeps
 * only the invoices with a step due, then groups them into contacts.
 * <p>
 * Rules, in the order applied:
 * <ol>
 * <li>A step's date is the first French business day on or after due date + offset, computed from
 * the due date, never from the last run: a run that did not happen on a step's date takes it on the
 * next run (catch-up), and only once, since the invoice's last step is stored.</li>
 * <li>The next step of an invoice is the first one after its last step; at most one step per invoice
 * per run, so none is ever skipped — a backlog is worked off one step per run.</li>
 * <li>A step before the due date (courtesy reminder) is no longer sent once the due date has passed.</li>
 * <li>Paused invoices (or debtors) are left alone: {@link ActivePauses}, the recovery module's rule.</li>
 * <li>An invoice whose drafted contact awaits review waits (per-debtor scenarios: the whole debtor).</li>
 * <li>A debtor contacted less than {@code minDaysBetweenContacts} days ago waits.</li>
 * <li>A step whose conditions do not hold is passed over for the next due one, if any.</li>
 * <li>Per-debtor scenarios make one contact per debtor, at the most advanced step due among its
 * invoices; each invoice still records its own step.</li>
 * </ol>
 */
final class Decider {

    static final int NONE = Integer.MIN_VALUE;

    /** What dunning knows of a debtor: scenario (null = default), segment, risk class, last contact (epoch day or NONE). */
    record DebtorInfo(CompiledScenario scenario, String segment, String riskClass, int lastContact) {
    }

    record Candidate(UUID invoiceId, UUID debtorId, int due, BigDecimal open, CompiledScenario scenario, int first, int last) {
    }

    record Item(Candidate candidate, int step, int stepDate) {
    }

    /** A contact to make: debtor, step (index into the scenario) and the invoices with their own steps. */
    record Planned(UUID debtorId, CompiledScenario scenario, int step, int stepDate, List<Item> items) {
    }

    record Plan(List<Planned> contacts, long invoicesRead, long dueSteps, long paused, long held, long deferred,
                long notApplicable, Map<String, Long> dueByStep) {
    }

    private final int asOf;
    private final FrenchBusinessDays calendar;
    private final CompiledScenario defaultScenario;
    private final Map<UUID, DebtorInfo> debtors;
    private final UuidIntMap levels;
    private final Set<UUID> pendingInvoices;
    private final Set<UUID> debtorsWithDraft;
    private final ActivePauses pauses;
    private final boolean anyPause;

    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<UUID, BigDecimal> overdueByDebtor = new HashMap<>();
    private long read;
    private long paused;
    private long held;

    Decider(int asOf, FrenchBusinessDays calendar, CompiledScenario defaultScenario, Map<UUID, DebtorInfo> debtors,
            UuidIntMap levels, Set<UUID> pendingInvoices, Set<UUID> debtorsWithDraft, ActivePauses pauses) {
        this.asOf = asOf;
        this.calendar = calendar;
        this.defaultScenario = defaultScenario;
        this.debtors = debtors;
        this.levels = levels;
        this.pendingInvoices = pendingInvoices;
        this.debtorsWithDraft = debtorsWithDraft;
        this.pauses = pauses;
        this.anyPause = !pauses.isEmpty();
    }

    void accept(OpenInvoiceRow row) {
        read++;
        if (anyPause && pauses.isPaused(row.id(), row.debtorId())) {
            paused++;
            return;
        }
        DebtorInfo debtor = debtors.isEmpty() ? null : debtors.get(row.debtorId());
        CompiledScenario s = debtor == null || debtor.scenario() == null ? defaultScenario : debtor.scenario();
        int due = (int) row.dueDate().toEpochDay();
        if (s.grouped && s.amountCondition && due < asOf) {
            overdueByDebtor.merge(row.debtorId(), row.openAmount(), BigDecimal::add);
        }
        int level = levels.get(row.id(), NONE);
        int first = -1;
        int last = -1;
        int[] offsets = s.offsets;
        for (int i = 0; i < offsets.length; i++) {
            int offset = offsets[i];
            if (offset <= level || (offset < 0 && asOf > due)) {
                continue;
            }
            if (calendar.onOrAfter(due + offset) > asOf) {
                break;
            }
            if (first < 0) {
                first = i;
            }
            last = i;
        }
        if (first < 0) {
            return;
        }
        if (!pendingInvoices.isEmpty() && pendingInvoices.contains(row.id())) {
            held++;
            return;
        }
        candidates.add(new Candidate(row.id(), row.debtorId(), due, row.openAmount(), s, first, last));
    }

    /** Debtors whose kind the conditions need (only those with a candidate). */
    Set<UUID> debtorsNeedingKind() {
        Set<UUID> ids = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.scenario().kindCondition) {
                ids.add(c.debtorId());
            }
        }
        return ids;
    }

    Plan finish(Map<UUID, DebtorKind> kinds) {
        // Group by debtor with a hash map (a tree map costs more than everything else here), then
        // walk the debtors in id order so that a run's output does not depend on the read order.
        Map<UUID, List<Candidate>> byDebtor = new HashMap<>();
        for (Candidate c : candidates) {
            List<Candidate> list = byDebtor.get(c.debtorId());
            if (list == null) {
                list = new ArrayList<>(4);
                byDebtor.put(c.debtorId(), list);
            }
            list.add(c);
        }
        UUID[] debtorIds = byDebtor.keySet().toArray(new UUID[0]);
        Arrays.sort(debtorIds);
        List<Planned> contacts = new ArrayList<>();
        Map<CompiledScenario, long[]> stepCounts = new HashMap<>();
        long deferred = 0;
        long heldHere = held;
        long notApplicable = 0;
        long due = 0;
        for (UUID debtorId : debtorIds) {
            List<Candidate> list = byDebtor.get(debtorId);
            CompiledScenario s = list.get(0).scenario();
            DebtorInfo info = debtors.get(debtorId);
            if (s.grouped && !debtorsWithDraft.isEmpty() && debtorsWithDraft.contains(debtorId)) {
                heldHere += list.size();
                continue;
            }
            if (info != null && info.lastContact() != NONE && asOf - info.lastContact() < s.minGap) {
                deferred += list.size();
                continue;
            }
            BigDecimal groupAmount = null;
            if (s.grouped && s.amountCondition) {
                groupAmount = overdueByDebtor.getOrDefault(debtorId, BigDecimal.ZERO);
                for (Candidate c : list) {
                    if (c.due() >= asOf) {
                        groupAmount = groupAmount.add(c.open());
                    }
                }
            }
            DebtorKind kind = kinds.isEmpty() ? null : kinds.get(debtorId);
            List<Item> items = new ArrayList<>(list.size());
            int top = -1;
            int topDate = Integer.MAX_VALUE;
            for (Candidate c : list) {
                int chosen = -1;
                for (int i = c.first(); i <= c.last() && chosen < 0; i++) {
                    if (holds(s.steps[i].conditions(), info, kind, s.grouped ? groupAmount : c.open())) {
                        chosen = i;
                    }
                }
                if (chosen < 0) {
                    notApplicable++;
                    continue;
                }
                int stepDate = calendar.onOrAfter(c.due() + s.offsets[chosen]);
                items.add(new Item(c, chosen, stepDate));
                if (chosen > top || (chosen == top && stepDate < topDate)) {
                    top = chosen;
                    topDate = stepDate;
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            if (items.size() > 1) {
                items.sort(ITEM_ORDER);
            }
            due += items.size();
            long[] counts = stepCounts.computeIfAbsent(s, k -> new long[k.steps.length]);
            for (Item i : items) {
                counts[i.step()]++;
            }
            if (s.grouped) {
                contacts.add(new Planned(debtorId, s, top, topDate, items));
            } else {
                for (Item i : items) {
                    contacts.add(new Planned(debtorId, s, i.step(), i.stepDate(), List.of(i)));
                }
            }
        }
        Map<String, Long> byStep = new TreeMap<>();
        stepCounts.forEach((s, counts) -> {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    byStep.merge(s.steps[i].code(), counts[i], Long::sum);
                }
            }
        });
        return new Plan(contacts, read, due, paused, heldHere, deferred, notApplicable, byStep);
    }

    private static final Comparator<Item> ITEM_ORDER = (a, b) -> {
        int byDue = Integer.compare(a.candidate().due(), b.candidate().due());
        return byDue != 0 ? byDue : a.candidate().invoiceId().compareTo(b.candidate().invoiceId());
    };

    static boolean holds(StepConditions c, DebtorInfo debtor, DebtorKind kind, BigDecimal amount) {
        if (c.isEmpty()) {
            return true;
        }
        if (c.minOpenAmount() != null && (amount == null || amount.compareTo(c.minOpenAmount()) < 0)) {
            return false;
        }
        if (!c.segments().isEmpty() && (debtor == null || debtor.segment() == null || !c.segments().contains(debtor.segment()))) {
            return false;
        }
        if (!c.riskClasses().isEmpty()
                && (debtor == null || debtor.riskClass() == null || !c.riskClasses().contains(debtor.riskClass()))) {
            return false;
        }
        return c.debtorKinds().isEmpty() || (kind != null && c.debtorKinds().contains(kind));
    }
}
