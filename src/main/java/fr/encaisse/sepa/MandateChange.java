package fr.encaisse.sepa;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One amendment of a mandate: old and new values of what changed (null when unchanged), and the
 * end-to-end id of the collection that announced it to the debtor's bank (null until then, and
 * for changes made before the first collection, which need no announcement).
 */
public record MandateChange(LocalDate amendedOn, String oldUmr, String newUmr, String oldIban, String newIban,
        String oldBic, String newBic, String reason, String carriedBy, OffsetDateTime createdAt, String createdBy) {
}
