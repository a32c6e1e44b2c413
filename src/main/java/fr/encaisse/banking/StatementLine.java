package fr.encaisse.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One line of an imported statement: what the bank said, and how it was matched.
 *
 * @param position    the entry's rank in its statement
 * @param transaction 0 for a whole entry; 1, 2, … for the transactions of a batch entry imported
 *                    one by one
 * @param fileLine    the line of the file where the entry starts
 * @param matchedBy   {@code AUTO} or {@code USER} once matched; {@code SEPA} for the credit of our direct debit
 *                    linked to the payment sepa booked (no payment recorded here)
 * @param candidates  the engine's proposals, best first (kept after a match, for the record)
 * @param autoBlocked a person rejected its suggestion or undid its match: it is never applied
 *                    automatically again
 */
public record StatementLine(
        UUID id,
        UUID statementId,
        int position,
        int transaction,
        long fileLine,
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        CreditDebit creditDebit,
        boolean reversal,
        String bankReference,
        String endToEndId,
        String payerName,
        String payerIban,
        List<String> creditorReferences,
        String remittance,
        LineStatus status,
        Integer confidence,
        String matchedBy,
        UUID debtorId,
        UUID paymentId,
        OffsetDateTime matchedAt,
        List<MatchCandidate> candidates,
        boolean autoBlocked,
        String note) {
}
