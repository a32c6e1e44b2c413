package fr.encaisse.recovery;

import java.util.List;
import java.util.UUID;

/** {@code invoiceIds} empty or null = the whole account. */
public record NewPaymentPlan(UUID debtorId, List<UUID> invoiceIds, List<Installment> installments) {
}
