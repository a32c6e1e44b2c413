package fr.encaisse.banking.internal.matching;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One way of settling a credit: which debtor paid, how much goes to which invoice, which credit
 * notes are applied on the way, what is left as a credit on the debtor's account, how sure the
 * engine is (0-100) and why.
 *
 * @param debtor      the debtor's position in the book, -1 when the payment spans several debtors
 * @param debtorId    null when the payment spans several debtors
 * @param unallocated the part of the payment no invoice takes (a credit for the debtor)
 */
public record Proposal(
        int debtor,
        UUID debtorId,
        String debtorName,
        List<Share> shares,
        List<CreditNoteUse> creditNotes,
        BigDecimal unallocated,
        int confidence,
        List<Reason> reasons) {

    public Proposal {
        shares = List.copyOf(shares);
        creditNotes = List.copyOf(creditNotes);
        reasons = List.copyOf(reasons);
    }

    /** The part of the payment that goes to one invoice; {@code item} is the invoice's position in the book. */
    public record Share(UUID invoiceId, String invoiceNumber, BigDecimal amount, int item) {
    }

    /** A credit note applied to an invoice as part of the settlement. */
    public record CreditNoteUse(UUID creditNoteId, String creditNoteNumber, UUID invoiceId, String invoiceNumber,
                                BigDecimal amount, int creditNoteItem, int invoiceItem) {
    }

    /** Same debtor, invoices, amounts and credit notes: the same settlement, however it was found. */
    String signature() {
        StringBuilder s = new StringBuilder().append(debtor).append('|');
        shares.stream().map(x -> x.item() + ":" + x.amount().toPlainString()).sorted().forEach(x -> s.append(x).append(','));
        s.append('|');
        creditNotes.stream().map(x -> x.creditNoteItem() + ">" + x.invoiceItem() + ":" + x.amount().toPlainString()).sorted()
                .forEach(x -> s.append(x).append(','));
        return s.toString();
    }

    Proposal withConfidence(int newConfidence, Reason extra) {
        List<Reason> more = new java.util.ArrayList<>(reasons);
        if (extra != null) {
            more.add(extra);
        }
        return new Proposal(debtor, debtorId, debtorName, shares, creditNotes, unallocated,
                Math.max(0, Math.min(99, newConfidence)), more);
    }
}
