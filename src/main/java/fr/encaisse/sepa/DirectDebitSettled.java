package fr.encaisse.sepa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A collection reached its collection date and was booked in the ledger. */
public record DirectDebitSettled(UUID tenantId, UUID debitId, UUID invoiceId, UUID paymentId, BigDecimal amount,
        LocalDate settledOn) {
}
