package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pause another module or a person declares: give {@code invoiceId} for one invoice, or only
 * {@code debtorId} for the whole account. Only {@link PauseReason#declarable()} reasons.
 */
public record PauseRequest(PauseReason reason, UUID debtorId, UUID invoiceId, LocalDate startsOn, LocalDate endsOn,
                           String sourceRef, String note) {
}
