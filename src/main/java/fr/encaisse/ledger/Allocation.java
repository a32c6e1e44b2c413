package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Part of an invoice settled by a payment or by a credit note (exactly one of the two). */
public record Allocation(
        UUID id,
        UUID invoiceId,
        UUID paymentId,
        UUID creditNoteId,
        BigDecimal amount,
        LocalDate allocatedOn) {
}
