package fr.encaisse.dunning;

import java.time.LocalDate;
import java.util.Map;

/** What a run would do on a date, decided but not written (same code path as the run). */
public record Evaluation(LocalDate asOf, long invoicesRead, long dueSteps, int contacts, long paused, long held,
                         long deferred, Map<String, Long> dueByStep, long millis) {
}
