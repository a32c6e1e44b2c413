package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice and what is still owed on it ({@code openAmount}, incl. tax). */
public record Invoice(
        UUID id,
        UUID debtorId,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String paymentTerms,
        String currency,
        BigDecimal amountExclTax,
        BigDecimal vatAmount,
        BigDecimal amountInclTax,
        BigDecimal openAmount,
        String poReference,
        InvoiceStatus status) {
}
