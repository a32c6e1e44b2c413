package fr.encaisse.documents;

import java.time.LocalDate;

/**
 * A letter sent by registered mail with acknowledgement of receipt (LRAR): La Poste's tracking
 * number and the dates, as recorded by the user; each recording is an evidence entry.
 *
 * @param trackingNumber  null until the letter is posted
 * @param postedOn        date of posting
 * @param acknowledgedOn  date the debtor signed the acknowledgement of receipt
 */
public record RegisteredMail(String trackingNumber, LocalDate postedOn, LocalDate acknowledgedOn) {
}
