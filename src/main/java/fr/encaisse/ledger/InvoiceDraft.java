package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record InvoiceDraft(
        UUID debtorId,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String paymentTerms,
        String currency,
        BigDecimal amountExclTax,
        BigDecimal vatAmount,
        BigDecimal amountInclTax,
        String poReference) {
}
