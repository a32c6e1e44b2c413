package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/** Part of an invoice was settled; {@code paymentId} or {@code creditNoteId} says by what. */
public record PaymentAllocated(UUID tenantId, UUID allocationId, UUID invoiceId, UUID paymentId, UUID creditNoteId,
                               BigDecimal amount, BigDecimal invoiceOpenAmount) {
}
