package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One open invoice as batch work needs it: whose, when due, how much is still open. */
public record OpenInvoiceRow(UUID id, UUID debtorId, LocalDate dueDate, BigDecimal openAmount, String currency) {
}
