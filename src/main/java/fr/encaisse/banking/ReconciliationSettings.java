package fr.encaisse.banking;

/**
 * A tenant's reconciliation settings. {@code autoMatchThreshold}, 50 to 100: a candidate at least
 * this confident (and well ahead of the next) is applied without a person; 100 turns automatic
 * matching off (no candidate is ever above 99). Default 90.
 */
public record ReconciliationSettings(int autoMatchThreshold) {

    public static final ReconciliationSettings DEFAULT = new ReconciliationSettings(90);
}
