package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.UUID;

/** Give {@code invoiceId}, or only {@code debtorId} for the whole account; {@code openedOn} defaults to today. */
public record NewDispute(UUID debtorId, UUID invoiceId, String reason, LocalDate openedOn) {
}
