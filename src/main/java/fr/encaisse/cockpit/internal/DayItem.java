package fr.encaisse.cockpit.internal;

/** One line of the day's work: what, how many, and where to see them ({@code link}, an API path). */
public record DayItem(String key, String label, long count, String link) {
}
