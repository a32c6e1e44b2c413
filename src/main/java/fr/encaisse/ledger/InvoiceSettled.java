package fr.encaisse.ledger;

import java.time.LocalDate;
import java.util.UUID;

/** An invoice's open amount reached zero. */
public record InvoiceSettled(UUID tenantId, UUID invoiceId, UUID debtorId, LocalDate settledOn) {
}
