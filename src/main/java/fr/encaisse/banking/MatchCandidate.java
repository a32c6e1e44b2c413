package fr.encaisse.banking;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One way of settling a credit, as proposed by the matching engine: the debtor (null when the
 * payment covers invoices of several debtors), the allocations, the credit notes applied on the
 * way, what would stay as a credit on the debtor's account, a confidence from 0 to 99 and the
 * reasons for it.
 */
public record MatchCandidate(
        UUID debtorId,
        String debtorName,
        List<Allocation> allocations,
        List<CreditNoteUse> creditNotes,
        BigDecimal unallocated,
        int confidence,
        List<Reason> reasons) {

    public MatchCandidate {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        creditNotes = creditNotes == null ? List.of() : List.copyOf(creditNotes);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public record Allocation(UUID invoiceId, String invoiceNumber, BigDecimal amount) {
    }

    public record CreditNoteUse(UUID creditNoteId, String creditNoteNumber, UUID invoiceId, String invoiceNumber,
                                BigDecimal amount) {
    }

    /** {@code code} is stable (e.g. {@code RF_REFERENCE}, {@code PAYER_IBAN}, {@code AMBIGUOUS}); {@code text} is for people. */
    public record Reason(String code, String text) {
    }
}
