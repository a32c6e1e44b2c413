package fr.encaisse.banking.internal;

import fr.encaisse.banking.LineStatus;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.PaymentDeleted;
import fr.encaisse.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank line must not keep the id of a payment the ledger deleted. Most often sepa applied the
 * return of our direct debit (it reverses its allocation and deletes its payment) while the
 * credit was linked to that payment: the money went back, so the line becomes {@code RETURNED},
 * off the work queue, and a return debit waiting for sepa becomes {@code REVERSAL}. A payment
 * deleted for another reason leaves money on the account: the line is {@code UNMATCHED} again,
 * for a person. Banking's own undo clears the line before deleting, so its events find nothing;
 * a redelivered event finds nothing either.
 */
@Component
class DeletedPayments {

    private final StatementStore store;
    private final Reversals reversals;
    private final Evidence evidence;
    private final JsonMapper json;

    DeletedPayments(StatementStore store, Reversals reversals, Evidence evidence, JsonMapper json) {
        this.store = store;
        this.reversals = reversals;
        this.evidence = evidence;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(PaymentDeleted event) {
        TenantContext.runAs(event.tenantId(), "banking", () -> release(event));
    }

    private void release(PaymentDeleted event) {
        UUID tenant = event.tenantId();
        StatementStore.LineRow line = store.lineOfPayment(tenant, event.paymentId())
                .flatMap(id -> store.line(tenant, id, true))
                .filter(l -> event.paymentId().equals(l.paymentId()))
                .orElse(null);
        if (line == null) {
            return;
        }
        String payment = "payment " + event.paymentId() + (event.reference() == null ? "" : " (" + event.reference() + ")");
        LineStatus status;
        if (event.returnReason() != null) {
            status = LineStatus.RETURNED;
            store.markTakenBack(tenant, line.id(), status, payment + " deleted by the ledger: the direct debit was returned ("
                    + event.returnReason() + ") and the money went back to the payer; nothing to match");
        } else {
            status = LineStatus.UNMATCHED;
            store.markUnmatched(tenant, line.id(), payment + " was deleted in the ledger: match this credit again by hand");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentId", event.paymentId());
        details.put("reference", event.reference());
        details.put("matchedBy", line.matchedBy());
        details.put("returnReason", event.returnReason());
        details.put("status", status);
        evidence.record("BANK_LINE", line.id(), "bank-line.payment-deleted", json.writeValueAsString(details));
        if (status == LineStatus.RETURNED) {
            reversals.check(store.pendingReversalsOf(tenant, line));
        }
    }
}
