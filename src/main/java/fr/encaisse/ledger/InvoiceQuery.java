package fr.encaisse.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters for listing invoices, read in (due date, id) order with keyset pagination: the
 * {@code after} cursor of the previous page, so page 20,000 costs what page 1 costs.
 */
public record InvoiceQuery(InvoiceStatus status, UUID debtorId, LocalDate dueFrom, LocalDate dueTo,
                           boolean overdueOnly, int limit, String after) {
}
