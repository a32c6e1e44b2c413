package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record InvoiceIssued(UUID tenantId, UUID invoiceId, UUID debtorId, String number, BigDecimal amountInclTax,
                            String currency, LocalDate dueDate) {
}
