package fr.encaisse.banking.internal;

import fr.encaisse.banking.MatchCandidate;
import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Ledger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes back what matching a line recorded, in the caller's transaction: every allocation of its
 * payment and of the credit notes it applied is reversed (the invoices reopen), the payment is
 * deleted and the payer accounts learnt from the line are forgotten. The caller has locked the
 * line, sets its new status and journals the returned details.
 */
@Component
class MatchUndo {

    private final StatementStore store;
    private final Ledger ledger;
    private final JsonMapper json;

    MatchUndo(StatementStore store, Ledger ledger, JsonMapper json) {
        this.store = store;
        this.ledger = ledger;
        this.json = json;
    }

    /** @return what was undone, for the evidence journal */
    Map<String, Object> undo(UUID tenant, StatementStore.LineRow row) {
        ReconciliationService.Applied applied = row.applied() == null
                ? new ReconciliationService.Applied(row.paymentId(), List.of(), null)
                : json.readValue(row.applied(), ReconciliationService.Applied.class);
        List<Allocation> reversed = new ArrayList<>(ledger.allocationsOfPayment(row.paymentId()));
        if (applied.candidate() != null) {
            for (MatchCandidate.CreditNoteUse use : applied.candidate().creditNotes()) {
                for (Allocation a : ledger.allocationsOfInvoice(use.invoiceId())) {
                    if (applied.creditNoteAllocations().contains(a.id())) {
                        reversed.add(a);
                    }
                }
            }
        }
        for (Allocation a : reversed) {
            ledger.reverseAllocation(a.id());
        }
        ledger.deletePayment(row.paymentId());
        List<StatementStore.PayerAccount> forgotten = store.forgetLearnedFrom(tenant, row.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentId", row.paymentId());
        details.put("reversedAllocations", reversed.stream().map(Allocation::id).toList());
        details.put("invoices", reversed.stream().map(Allocation::invoiceId).distinct().toList());
        details.put("forgottenAccounts", forgotten.stream().map(StatementStore.PayerAccount::iban).toList());
        return details;
    }
}
