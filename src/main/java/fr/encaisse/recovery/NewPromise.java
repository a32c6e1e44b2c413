package fr.encaisse.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code invoiceIds} empty or null = the whole account. */
public record NewPromise(UUID debtorId, List<UUID> invoiceIds, LocalDate promisedOn, BigDecimal amount, String note) {
}
