package fr.encaisse.sepa;

import java.time.LocalDate;

/**
 * Which collections to put in a new pain.008 file: the pre-notified ones that may be submitted on
 * {@code asOf} (null: today) under the scheme's lead time, in {@code version} (null: the tenant's).
 */
public record BatchRequest(LocalDate asOf, PainVersion version) {
}
