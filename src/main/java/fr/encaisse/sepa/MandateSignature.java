package fr.encaisse.sepa;

import java.time.LocalDate;

/** The debtor's signature of the mandate form: date, place, and who signed (optional). */
public record MandateSignature(LocalDate signedOn, String place, String signatory) {
}
