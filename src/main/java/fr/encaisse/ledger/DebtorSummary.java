package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of the debtors list: who, and how much is open and overdue (tenant currency). */
public record DebtorSummary(UUID id, String reference, String legalName, DebtorKind kind, BigDecimal openAmount,
                            BigDecimal overdueAmount, int openInvoiceCount) {
}
