package fr.encaisse.banking.internal;

import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.ReversalCounts;
import fr.encaisse.banking.internal.matching.MatchingEngine;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A debit line that reverses a credit (camt {@code RvslInd}) or returns it (a return reason, a
 * CFONB reject code) undoes the match of that credit: the credit is the one line of the same
 * account, booked no later, with the same amount and currency, named by the debit's end-to-end
 * id, else by its bank reference. The credit becomes {@code REVERSED} and the debit
 * {@code REVERSAL}. Anything less certain (no such credit, several, another amount, a credit
 * that was not matched) is left {@code UNMATCHED} for a person, with a note saying why. Returns
 * of our own direct debits are sepa's to apply (it keeps the collections): the line says so, and
 * becomes {@code REVERSAL} once sepa's return has made the credit {@code RETURNED}
 * ({@link DeletedPayments}).
 * Each debit line in a transaction of its own, the debit locked, then the credit.
 */
@Component
class Reversals {

    private final StatementStore store;
    private final MatchUndo matchUndo;
    private final Evidence evidence;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    Reversals(StatementStore store, MatchUndo matchUndo, Evidence evidence, JsonMapper json,
              PlatformTransactionManager transactions) {
        this.store = store;
        this.matchUndo = matchUndo;
        this.evidence = evidence;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    private enum Outcome { APPLIED, LEFT, SKIPPED }

    ReversalCounts check(List<UUID> lineIds) {
        int applied = 0;
        int left = 0;
        for (UUID id : lineIds) {
            Outcome outcome = tx.execute(status -> checkOne(TenantContext.tenantId(), id));
            applied += outcome == Outcome.APPLIED ? 1 : 0;
            left += outcome == Outcome.LEFT ? 1 : 0;
        }
        return new ReversalCounts(applied, left);
    }

    private Outcome checkOne(UUID tenant, UUID lineId) {
        StatementStore.LineRow debit = store.line(tenant, lineId, true).orElse(null);
        if (debit == null || debit.creditDebit() != CreditDebit.DEBIT
                || (debit.status() != LineStatus.NEW && debit.status() != LineStatus.UNMATCHED)) {
            return Outcome.SKIPPED;
        }
        String what = debit.returnReason() != null ? "return (" + debit.returnReason() + ")" : "reversal";
        List<StatementStore.LineRow> named = store.creditsNamedBy(tenant, debit);
        List<StatementStore.LineRow> same = named.stream().filter(c -> c.currency().equals(debit.currency())
                && c.amount().compareTo(debit.amount()) == 0).toList();
        if (same.size() == 1 && same.get(0).status() == LineStatus.RETURNED) {
            returnedBySepa(tenant, debit, what, same.get(0));
            return Outcome.APPLIED;
        }
        String ours = MatchingEngine.isOurEndToEndId(debit.endToEndId()) ? debit.endToEndId()
                : named.stream().filter(Reversals::sepas).map(StatementStore.LineRow::endToEndId).findFirst().orElse(null);
        if (ours != null) {
            return leave(tenant, debit, what + " of our direct debit " + ours + ": import the bank's return (camt.054 or"
                    + " pain.002) in sepa, POST /api/v1/sepa/returns; nothing was undone here");
        }
        if (named.isEmpty()) {
            return leave(tenant, debit, what + " of a credit not found: no credit of this account carries its end-to-end id"
                    + " or bank reference; check by hand");
        } else if (same.isEmpty()) {
            return leave(tenant, debit, what + " naming line " + named.get(0).id() + " but for another amount; check by hand");
        } else if (same.size() > 1) {
            return leave(tenant, debit, what + " naming several credits (lines " + same.stream().map(c -> c.id().toString())
                    .toList() + "); check by hand");
        }
        return undo(tenant, debit, what, store.line(tenant, same.get(0).id(), true).orElseThrow());
    }

    /** Sepa applied the return of our direct debit (the credit is {@code RETURNED}): nothing is left to undo. */
    private void returnedBySepa(UUID tenant, StatementStore.LineRow debit, String what, StatementStore.LineRow credit) {
        store.markStatus(tenant, debit.id(), LineStatus.REVERSAL, what + " of line " + credit.id() + ", our direct debit "
                + credit.endToEndId() + ", whose return sepa applied: its payment was deleted and the invoice reopened there");
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("creditLine", credit.id());
        applied.put("by", DirectDebitLinks.BY);
        applied.put("returnReason", debit.returnReason());
        evidence.record("BANK_LINE", debit.id(), "bank-line.reversal-applied", json.writeValueAsString(applied));
    }

    private Outcome undo(UUID tenant, StatementStore.LineRow debit, String what, StatementStore.LineRow credit) {
        if (credit.status() != LineStatus.MATCHED || credit.paymentId() == null) {
            return leave(tenant, debit, what + " of line " + credit.id() + ", which is " + credit.status()
                    + ": nothing was undone; check by hand");
        }
        Map<String, Object> details = matchUndo.undo(tenant, credit);
        details.put("reversedBy", debit.id());
        details.put("returnReason", debit.returnReason());
        store.markTakenBack(tenant, credit.id(), LineStatus.REVERSED, "taken back by line " + debit.id() + " (" + what + ", booked "
                + debit.bookingDate() + "): match undone");
        evidence.record("BANK_LINE", credit.id(), "bank-line.match-undone", json.writeValueAsString(details));
        store.markStatus(tenant, debit.id(), LineStatus.REVERSAL, what + " of line " + credit.id()
                + ": its match was undone and the invoices reopened");
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("creditLine", credit.id());
        applied.put("paymentId", credit.paymentId());
        applied.put("invoices", details.get("invoices"));
        applied.put("returnReason", debit.returnReason());
        evidence.record("BANK_LINE", debit.id(), "bank-line.reversal-applied", json.writeValueAsString(applied));
        return Outcome.APPLIED;
    }

    /** A credit of our own direct debit, or linked to sepa's payment for it. */
    private static boolean sepas(StatementStore.LineRow credit) {
        return DirectDebitLinks.BY.equals(credit.matchedBy()) || MatchingEngine.isOurEndToEndId(credit.endToEndId());
    }

    /** Left for a person; written only when the note changes, so that checking again changes nothing. */
    private Outcome leave(UUID tenant, StatementStore.LineRow debit, String note) {
        if (debit.status() != LineStatus.UNMATCHED || !Objects.equals(debit.note(), cut(note))) {
            store.markStatus(tenant, debit.id(), LineStatus.UNMATCHED, cut(note));
        }
        return Outcome.LEFT;
    }

    private static String cut(String note) {
        return note.length() <= 500 ? note : note.substring(0, 500);
    }
}
