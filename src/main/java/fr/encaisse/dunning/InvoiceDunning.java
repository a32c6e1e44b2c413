package fr.encaisse.dunning;

import fr.encaisse.recovery.PauseStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Where an invoice stands in dunning: last step, next step and its date, pauses, history. */
public record InvoiceDunning(UUID invoiceId, UUID debtorId, UUID scenarioId, String scenarioName, String lastStep,
                             Integer lastOffset, LocalDate lastActionOn, String nextStep, LocalDate nextStepDate,
                             boolean awaitingReview, PauseStatus pause, List<Contact.Item> history) {
}
