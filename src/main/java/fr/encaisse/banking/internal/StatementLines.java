package fr.encaisse.banking.internal;

import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.EntryDetails;
import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.StatementEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a statement entry into the lines that are matched: one line per entry, except a batch
 * of credits whose transactions each carry their own amount (in the entry's currency, adding up
 * to the entry), which becomes one line per transaction, since each is a payment of its own.
 * Only booked credits that are not reversals wait for a match, and debits that reverse or return
 * a credit wait for {@link Reversals}; the rest is kept for the record.
 */
final class StatementLines {

    private static final int MAX_TEXT = 4_000;

    private StatementLines() {
    }

    static List<StatementStore.LineRow> of(StatementEntry entry, UUID statementId) {
        List<EntryDetails> details = entry.details();
        if (details.size() >= 2 && entry.creditDebit() == CreditDebit.CREDIT && splittable(entry)) {
            List<StatementStore.LineRow> lines = new ArrayList<>(details.size());
            for (int t = 0; t < details.size(); t++) {
                lines.add(row(entry, statementId, t + 1, details.get(t).amount(), List.of(details.get(t))));
            }
            return lines;
        }
        return List.of(row(entry, statementId, 0, entry.amount(), details));
    }

    private static boolean splittable(StatementEntry entry) {
        BigDecimal sum = BigDecimal.ZERO;
        for (EntryDetails d : entry.details()) {
            if (d.amount() == null || d.amount().signum() <= 0 || !entry.currency().equals(d.currency())
                    || d.creditDebit() == CreditDebit.DEBIT) {
                return false;
            }
            sum = sum.add(d.amount());
        }
        return sum.compareTo(entry.amount()) == 0;
    }

    private static StatementStore.LineRow row(StatementEntry e, UUID statementId, int transaction, BigDecimal amount,
                                              List<EntryDetails> details) {
        String endToEnd = null;
        String payerName = null;
        String payerIban = null;
        String returnReason = null;
        String transactionReference = null;
        Set<String> references = new LinkedHashSet<>();
        List<String> remittance = new ArrayList<>();
        for (EntryDetails d : details) {
            if (endToEnd == null && d.endToEndId() != null && !"NOTPROVIDED".equalsIgnoreCase(d.endToEndId().trim())) {
                endToEnd = d.endToEndId();
            }
            returnReason = returnReason == null ? d.returnReasonCode() : returnReason;
            transactionReference = transactionReference == null ? d.transactionReference() : transactionReference;
            payerName = payerName == null ? d.debtorName() : payerName;
            payerIban = payerIban == null ? d.debtorIban() : payerIban;
            references.addAll(d.creditorReferences());
            remittance.addAll(d.remittanceLines());
        }
        LineStatus status = LineStatus.NEW;
        String note = null;
        if (e.status() != null && !"BOOK".equalsIgnoreCase(e.status())) {
            status = LineStatus.NOT_APPLICABLE;
            note = "not booked (" + e.status() + ")";
        } else if (e.creditDebit() != CreditDebit.CREDIT && (e.reversal() || returnReason != null)) {
            note = "reversal or return of a credit: to be checked against the credits imported";
        } else if (e.creditDebit() != CreditDebit.CREDIT) {
            status = LineStatus.NOT_APPLICABLE;
            note = "debit";
        } else if (e.reversal()) {
            status = LineStatus.NOT_APPLICABLE;
            note = "reversal of an earlier entry";
        }
        String bankReference = e.accountServicerReference() != null ? e.accountServicerReference() : e.entryReference();
        return new StatementStore.LineRow(UUID.randomUUID(), statementId, e.position(), transaction, e.line(), e.fingerprint(),
                e.bookingDate(), e.valueDate(), amount.setScale(2, java.math.RoundingMode.UNNECESSARY), e.currency(),
                e.creditDebit(), e.reversal(), e.status(), cut(bankReference, 140), cut(endToEnd, 140), cut(payerName, 200),
                payerIban == null ? null : cut(payerIban.replace(" ", ""), 34), List.copyOf(references),
                remittance.isEmpty() ? null : cut(String.join("\n", remittance), MAX_TEXT), cut(e.additionalInfo(), 1000),
                status, null, null, null, null, null, null, false, note, null, cut(returnReason, 35),
                cut(transactionReference, 140));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
