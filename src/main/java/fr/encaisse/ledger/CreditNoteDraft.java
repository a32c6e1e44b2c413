package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record CreditNoteDraft(
        UUID debtorId,
        String number,
        LocalDate issueDate,
        String currency,
        BigDecimal amountExclTax,
        BigDecimal vatAmount,
        BigDecimal amountInclTax) {
}
