package fr.encaisse.sepa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An R-transaction matched to its collection, and what was done about it.
 *
 * @param kind                  {@code REJECT} (before settlement, pain.002) or {@code RETURN} (after)
 * @param fee                   the bank's charge for it when the file gives one, else null
 * @param reopened              whether a ledger allocation was reversed (the invoice reopened)
 * @param representationDebitId the new collection when re-presented (AM04), else null
 */
public record DebitReturn(UUID id, UUID debitId, UUID invoiceId, String endToEndId, String kind, String reasonCode,
        BigDecimal amount, BigDecimal fee, LocalDate returnedOn, ReturnRoute route, boolean mandateRevoked,
        boolean reopened, UUID representationDebitId, UUID noticeId) {
}
