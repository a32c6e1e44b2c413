package fr.encaisse.dunning;

/** Where a step stands in the escalation. */
public enum Stage {
    REMINDER, FORMAL_NOTICE, AMICABLE, JUDICIAL
}
