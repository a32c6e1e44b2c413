package fr.encaisse.sepa.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.PauseReason;
import fr.encaisse.recovery.PauseRequest;
import fr.encaisse.sepa.DirectDebitStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moves every part of the module makes on a collection, with their side effects kept together:
 * the {@code DIRECT_DEBIT_PENDING} pause (declared with the end-to-end id as its source reference,
 * lifted by it) and the evidence entry.
 */
@Component
class DebitLifecycle {

    private final DebitStore debits;
    private final DunningPauses pauses;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Clock clock;

    DebitLifecycle(DebitStore debits, DunningPauses pauses, Evidence evidence, JsonMapper json, Clock clock) {
        this.debits = debits;
        this.pauses = pauses;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Dunning leaves the invoice alone while its collection is under way. */
    void pause(UUID invoiceId, String endToEndId, LocalDate collectionDate) {
        pauses.declare(new PauseRequest(PauseReason.DIRECT_DEBIT_PENDING, null, invoiceId, null, null, endToEndId,
                "SEPA direct debit " + endToEndId + " due " + collectionDate));
    }

    void liftPause(String endToEndId) {
        pauses.liftBySource(PauseReason.DIRECT_DEBIT_PENDING, endToEndId);
    }

    /** Cancels a collection that has not reached the bank, and lifts its pause. */
    void cancel(DebitStore.Row d, String reason, boolean keepOut) {
        if (!EnumSet.of(DirectDebitStatus.PLANNED, DirectDebitStatus.NOTIFIED, DirectDebitStatus.BATCHED).contains(d.status())) {
            throw new IllegalStateException("collection " + d.endToEndId() + " is " + d.status());
        }
        debits.cancel(d.tenantId(), d.id(), reason, keepOut, now());
        liftPause(d.endToEndId());
        journal(d.id(), "sepa.debit.cancelled", Map.of("endToEndId", d.endToEndId(), "reason", reason));
    }

    void journal(UUID debitId, String action, Map<String, ?> details) {
        journal("SEPA_DEBIT", debitId, action, details);
    }

    void journal(String subjectType, UUID subjectId, String action, Map<String, ?> details) {
        evidence.record(subjectType, subjectId, action, json.writeValueAsString(new LinkedHashMap<>(details)));
    }
}
