package fr.encaisse.documents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A letter to write to a debtor about its overdue invoices.
 *
 * @param kind          {@link DocumentKind#REMINDER_1}, {@link DocumentKind#REMINDER_2} or {@link DocumentKind#FORMAL_NOTICE}
 * @param date          letter date, which is also the date amounts are computed at; null = today (tenant's zone)
 * @param language      "fr" or "en"; null = the debtor's language
 * @param deadlineDays  days given to pay, from the letter date; null = 8 (formal notice, second reminder);
 *                      the first reminder states no deadline unless one is given
 */
public record LetterRequest(UUID debtorId, DocumentKind kind, LocalDate date, String language, Integer deadlineDays) {

    public static LetterRequest of(UUID debtorId, DocumentKind kind) {
        return new LetterRequest(debtorId, kind, null, null, null);
    }
}
