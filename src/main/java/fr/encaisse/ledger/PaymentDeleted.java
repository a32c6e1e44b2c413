package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A payment was deleted (it had no allocation left). Whoever kept its id — a bank line it was
 * matched to — must let go of it.
 *
 * @param returnReason the R-transaction code when the money went back to the payer (a direct
 *                     debit returned, {@link Ledger#deleteReturnedPayment}); null when the payment
 *                     was deleted for another reason (entered by mistake, a match undone)
 */
public record PaymentDeleted(UUID tenantId, UUID paymentId, UUID debtorId, BigDecimal amount, String currency,
                             PaymentMethod method, String reference, String returnReason) {
}
