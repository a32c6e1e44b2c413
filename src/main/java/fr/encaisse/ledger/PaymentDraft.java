package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payment and, optionally, how it is spread over invoices (several, partial). */
public record PaymentDraft(
        UUID debtorId,
        LocalDate receivedOn,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        String reference,
        List<Share> allocations) {

    public PaymentDraft {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** The part of the payment that goes to one invoice. */
    public record Share(UUID invoiceId, BigDecimal amount) {
    }
}
