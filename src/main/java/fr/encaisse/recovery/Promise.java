package fr.encaisse.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The debtor promised to pay {@code amount} (null = everything due) by {@code promisedOn}, for
 * some invoices (empty = the whole account). Dunning waits until {@code pausedUntil}.
 */
public record Promise(UUID id, UUID debtorId, List<UUID> invoiceIds, LocalDate promisedOn, BigDecimal amount, String note,
                      Status status, LocalDate pausedUntil, String createdBy) {

    public enum Status { OPEN, CANCELLED }
}
