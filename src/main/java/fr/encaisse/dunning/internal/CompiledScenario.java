package fr.encaisse.dunning.internal;

import fr.encaisse.dunning.Grouping;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Step;
import java.util.Comparator;

/** A scenario laid out for the hot loop: steps in offset order, offsets in a plain array. */
final class CompiledScenario {

    final Scenario scenario;
    final Step[] steps;
    final int[] offsets;
    final boolean grouped;
    final boolean amountCondition;
    final boolean kindCondition;
    final int minGap;
    /** How many days before the due date the first step may fall (0 if none is before). */
    final int lead;

    CompiledScenario(Scenario scenario) {
        this.scenario = scenario;
        this.steps = scenario.steps().stream().sorted(Comparator.comparingInt(Step::offsetDays)).toArray(Step[]::new);
        this.offsets = new int[steps.length];
        boolean amount = false;
        boolean kind = false;
        for (int i = 0; i < steps.length; i++) {
            offsets[i] = steps[i].offsetDays();
            amount |= steps[i].conditions().minOpenAmount() != null;
            kind |= !steps[i].conditions().debtorKinds().isEmpty();
        }
        this.grouped = scenario.grouping() == Grouping.PER_DEBTOR;
        this.amountCondition = amount;
        this.kindCondition = kind;
        this.minGap = scenario.minDaysBetweenContacts();
        this.lead = steps.length == 0 ? 0 : Math.max(0, -offsets[0]);
    }
}
