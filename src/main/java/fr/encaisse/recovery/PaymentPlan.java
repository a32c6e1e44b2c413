package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreed schedule of installments; dunning waits while it is active (until {@code pausedUntil}). */
public record PaymentPlan(UUID id, UUID debtorId, List<UUID> invoiceIds, List<Installment> installments, Status status,
                          LocalDate pausedUntil, String createdBy) {

    public enum Status { ACTIVE, COMPLETED, CANCELLED }
}
