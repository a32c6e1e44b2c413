package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.List;

/** Whether an invoice or a debtor is paused on a day, and by what (empty when not paused). */
public record PauseStatus(LocalDate on, boolean paused, List<Pause> pauses) {

    public List<PauseReason> reasons() {
        return pauses.stream().map(Pause::reason).distinct().toList();
    }
}
