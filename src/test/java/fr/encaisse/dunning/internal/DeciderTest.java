package fr.encaisse.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.dunning.Grouping;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Step;
import fr.encaisse.dunning.StepConditions;
import fr.encaisse.ledger.OpenInvoiceRow;
import fr.encaisse.recovery.ActivePauses;
import fr.encaisse.recovery.Pause;
import fr.encaisse.recovery.PauseReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The decision rules, without Spring or a database. */
class DeciderTest {

    private static final FrenchBusinessDays CALENDAR = new FrenchBusinessDays();
    private static final UUID DEBTOR = UUID.randomUUID();

    private final UuidIntMap levels = new UuidIntMap(16);
    private final Map<UUID, Decider.DebtorInfo> debtors = new HashMap<>();
    private final Set<UUID> pending = new HashSet<>();
    private final List<Pause> pauses = new ArrayList<>();

    private static CompiledScenario standard() throws IOException {
        return new CompiledScenario(ScenarioYamlTest.bundled());
    }

    private static OpenInvoiceRow invoice(UUID id, String due, String open) {
        return new OpenInvoiceRow(id, DEBTOR, LocalDate.parse(due), new BigDecimal(open), "EUR");
    }

    private Decider.Plan decide(CompiledScenario s, String asOf, OpenInvoiceRow... rows) {
        LocalDate day = LocalDate.parse(asOf);
        Decider d = new Decider((int) day.toEpochDay(), CALENDAR, s, debtors, levels, pending, Set.of(), new ActivePauses(day, pauses));
        for (OpenInvoiceRow r : rows) {
            d.accept(r);
        }
        return d.finish(Map.of());
    }

    private static List<String> steps(Decider.Plan plan) {
        List<String> out = new ArrayList<>();
        for (Decider.Planned p : plan.contacts()) {
            out.add(p.scenario().steps[p.step()].code() + "@" + LocalDate.ofEpochDay(p.stepDate()) + " "
                    + p.items().stream().map(i -> p.scenario().steps[i.step()].code()).toList());
        }
        return out;
    }

    @Test
    void a_step_is_dated_from_the_due_date_and_moves_past_holidays_and_weekends() throws IOException {
        UUID a = UUID.randomUUID();
        levels.put(a, -5);
        // Due Tuesday 28 April 2026: D+3 is Friday 1 May (holiday) → Monday 4 May.
        assertThat(steps(decide(standard(), "2026-04-30", invoice(a, "2026-04-28", "100.00")))).isEmpty();
        assertThat(steps(decide(standard(), "2026-05-04", invoice(a, "2026-04-28", "100.00"))))
                .containsExactly("reminder@2026-05-04 [reminder]");
    }

    @Test
    void a_backlog_is_worked_off_one_step_per_run_and_a_courtesy_reminder_expires_at_the_due_date() throws IOException {
        UUID a = UUID.randomUUID();
        // Never chased, due 2 March, first run on 16 March: the courtesy reminder is stale, the reminder (5 March)
        // and the call (12 March) are both due; only the first is taken today.
        assertThat(steps(decide(standard(), "2026-03-16", invoice(a, "2026-03-02", "100.00"))))
                .containsExactly("reminder@2026-03-05 [reminder]");
        levels.put(a, 3);
        assertThat(steps(decide(standard(), "2026-03-17", invoice(a, "2026-03-02", "100.00"))))
                .containsExactly("call@2026-03-12 [call]");
        // On the due date itself the courtesy reminder still goes.
        UUID b = UUID.randomUUID();
        assertThat(steps(decide(standard(), "2026-03-02", invoice(b, "2026-03-02", "100.00"))))
                .containsExactly("courtesy@2026-02-25 [courtesy]");
    }

    @Test
    void one_contact_per_debtor_at_the_most_advanced_step_each_invoice_keeping_its_own() throws IOException {
        UUID a = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        levels.put(a, 10);
        levels.put(c, -5);
        Decider.Plan plan = decide(standard(), "2026-05-15", invoice(a, "2026-04-28", "100.00"), invoice(c, "2026-05-12", "50.00"));
        assertThat(steps(plan)).containsExactly("penalty-letter@2026-05-13 [penalty-letter, reminder]");
        assertThat(plan.dueByStep()).containsEntry("penalty-letter", 1L).containsEntry("reminder", 1L);
    }

    @Test
    void the_gap_between_contacts_defers_and_never_drops() throws IOException {
        UUID a = UUID.randomUUID();
        levels.put(a, 10);
        debtors.put(DEBTOR, new Decider.DebtorInfo(null, null, null, (int) LocalDate.parse("2026-05-11").toEpochDay()));
        Decider.Plan waiting = decide(standard(), "2026-05-13", invoice(a, "2026-04-28", "100.00"));
        assertThat(waiting.contacts()).isEmpty();
        assertThat(waiting.deferred()).isEqualTo(1);
        assertThat(steps(decide(standard(), "2026-05-15", invoice(a, "2026-04-28", "100.00"))))
                .containsExactly("penalty-letter@2026-05-13 [penalty-letter]");
    }

    @Test
    void paused_and_awaiting_review_invoices_wait() throws IOException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        pauses.add(new Pause(UUID.randomUUID(), PauseReason.DISPUTE, DEBTOR, a, null, null, null, null, null, "t", null, null));
        pending.add(b);
        Decider.Plan plan = decide(standard(), "2026-03-05", invoice(a, "2026-03-02", "10.00"), invoice(b, "2026-03-02", "10.00"));
        assertThat(plan.contacts()).isEmpty();
        assertThat(plan.paused()).isEqualTo(1);
        assertThat(plan.held()).isEqualTo(1);
        // A pause that ended yesterday no longer holds.
        pauses.set(0, new Pause(UUID.randomUUID(), PauseReason.PROMISE_TO_PAY, DEBTOR, null, null, LocalDate.parse("2026-03-04"),
                null, null, null, "t", null, null));
        assertThat(decide(standard(), "2026-03-05", invoice(a, "2026-03-02", "10.00")).contacts()).hasSize(1);
    }

    @Test
    void a_step_whose_conditions_fail_is_passed_over_for_the_next_due_one() {
        CompiledScenario s = new CompiledScenario(new Scenario(UUID.randomUUID(), "big only", Grouping.PER_INVOICE, 0, true, List.of(
                new Step("small", 3, List.of(fr.encaisse.communication.Channel.EMAIL), "reminder", fr.encaisse.dunning.Stage.REMINDER,
                        null, null, null),
                new Step("big-call", 10, List.of(fr.encaisse.communication.Channel.CALL_TASK), "call",
                        fr.encaisse.dunning.Stage.REMINDER, new StepConditions(new BigDecimal("1000"), null, null, null), null, null),
                new Step("letter", 15, List.of(fr.encaisse.communication.Channel.LETTER), "penalty-letter",
                        fr.encaisse.dunning.Stage.REMINDER, null, null, null))));
        UUID small = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        levels.put(small, 3);
        levels.put(big, 3);
        OpenInvoiceRow smallRow = invoice(small, "2026-03-02", "999.99");
        OpenInvoiceRow bigRow = invoice(big, "2026-03-02", "1000.00");
        Decider.Plan day10 = decide(s, "2026-03-12", smallRow, bigRow);
        assertThat(steps(day10)).containsExactly("big-call@2026-03-12 [big-call]");
        assertThat(day10.notApplicable()).isEqualTo(1);
        levels.put(big, 10);
        assertThat(steps(decide(s, "2026-03-17", smallRow, bigRow)))
                .containsExactlyInAnyOrder("letter@2026-03-17 [letter]", "letter@2026-03-17 [letter]");
    }
}
