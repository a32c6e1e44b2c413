package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Money received; {@code unallocatedAmount} is what no invoice has taken yet (a credit for the debtor). */
public record Payment(
        UUID id,
        UUID debtorId,
        LocalDate receivedOn,
        BigDecimal amount,
        String currency,
        BigDecimal unallocatedAmount,
        PaymentMethod method,
        String reference) {
}
