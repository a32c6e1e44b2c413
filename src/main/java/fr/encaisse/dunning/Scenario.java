package fr.encaisse.dunning;

import java.util.List;
import java.util.UUID;

/**
 * A tenant's dunning scenario: steps in offset order. The default scenario applies to every debtor
 * without one of its own.
 *
 * @param minDaysBetweenContacts a debtor is not contacted again before this many days have passed
 *                               (a step due meanwhile waits; it is never dropped)
 */
public record Scenario(UUID id, String name, Grouping grouping, int minDaysBetweenContacts, boolean isDefault,
                       List<Step> steps) {

    public Scenario {
        steps = steps == null ? List.of() : List.copyOf(steps);
        grouping = grouping == null ? Grouping.PER_DEBTOR : grouping;
    }
}
