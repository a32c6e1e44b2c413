package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A credit note; {@code openAmount} is the part not yet applied to an invoice. */
public record CreditNote(
        UUID id,
        UUID debtorId,
        String number,
        LocalDate issueDate,
        String currency,
        BigDecimal amountExclTax,
        BigDecimal vatAmount,
        BigDecimal amountInclTax,
        BigDecimal openAmount,
        CreditNoteStatus status) {
}
