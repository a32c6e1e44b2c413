package fr.encaisse.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An imported statement and where its lines stand. Balances are signed (negative: overdrawn).
 *
 * @param reference camt {@code Stmt/Id} or {@code Ntfctn/Id}; CFONB {@code <account>/<date>}
 */
public record BankStatement(
        UUID id,
        StatementFormat format,
        String messageName,
        String messageId,
        String reference,
        String accountId,
        String accountIban,
        String currency,
        OffsetDateTime createdByBank,
        BigDecimal openingBalance,
        LocalDate openingDate,
        BigDecimal closingBalance,
        LocalDate closingDate,
        String fileName,
        OffsetDateTime importedAt,
        int lines,
        int matched,
        int suggested,
        int unmatched) {
}
