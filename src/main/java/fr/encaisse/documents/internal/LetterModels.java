package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The {@code letter} part of a reminder's or formal notice's data. */
final class LetterModels {

    private LetterModels() {
    }

    static Map<String, Object> letter(LocalDate deadline, Integer deadlineDays, List<Map<String, Object>> previousLetters, Formats f) {
        return m("hasDeadline", deadline != null, "deadline", f.date(deadline), "deadlineLong", f.longDate(deadline),
                "deadlineDays", deadlineDays == null ? "" : String.valueOf(deadlineDays),
                "previousLetters", previousLetters, "hasPreviousLetters", !previousLetters.isEmpty());
    }
}
