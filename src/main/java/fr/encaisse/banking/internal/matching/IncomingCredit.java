package fr.encaisse.banking.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Money received, as the engine sees it: what a credit line of a statement says about who paid
 * and for what.
 *
 * @param amount               the amount received, positive
 * @param currency             ISO 4217 code; only open items in this currency are candidates
 * @param bookingDate          when the bank booked it (may be null)
 * @param endToEndId           the SEPA end-to-end id, {@code NOTPROVIDED} or null when absent
 * @param structuredReferences creditor references (RF or other) given as such
 * @param remittance           free remittance text and labels
 * @param payerName            the payer's name as the bank reports it
 * @param payerIban            the payer's account
 */
public record IncomingCredit(
        BigDecimal amount,
        String currency,
        LocalDate bookingDate,
        String endToEndId,
        List<String> structuredReferences,
        List<String> remittance,
        String payerName,
        String payerIban) {

    public IncomingCredit {
        structuredReferences = structuredReferences == null ? List.of() : List.copyOf(structuredReferences);
        remittance = remittance == null ? List.of() : List.copyOf(remittance);
    }
}
