package fr.encaisse.banking.internal;

import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.LineStatus;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reversing debit that {@link Reversals} left {@code UNMATCHED} (credit not found, several
 * candidates, credit not matched…) is settled by a person outside this module — a call to the
 * bank, an entry in the books — who then closes it with a reason, taking it off the work queue.
 * Closing and reopening are journaled; a reopened line is checked again by the statement's
 * {@code match}.
 */
@Component
class ClosedLines {

    private final StatementStore store;
    private final Evidence evidence;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    ClosedLines(StatementStore store, Evidence evidence, JsonMapper json, PlatformTransactionManager transactions) {
        this.store = store;
        this.evidence = evidence;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    void close(UUID lineId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: say why nothing more is to be done with this line");
        }
        String why = reason.strip().length() <= 400 ? reason.strip() : reason.strip().substring(0, 400);
        tx.executeWithoutResult(status -> {
            UUID tenant = TenantContext.tenantId();
            StatementStore.LineRow row = locked(tenant, lineId);
            if (row.creditDebit() != CreditDebit.DEBIT || row.status() != LineStatus.UNMATCHED) {
                throw new ConflictException("Statement line " + lineId + " is not a reversing debit left for a person (it is "
                        + row.creditDebit() + ", " + row.status() + ")");
            }
            store.markStatus(tenant, lineId, LineStatus.CLOSED, "closed by " + TenantContext.actor() + ": " + why);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", why);
            details.put("previousNote", row.note());
            evidence.record("BANK_LINE", lineId, "bank-line.closed", json.writeValueAsString(details));
        });
    }

    void reopen(UUID lineId) {
        tx.executeWithoutResult(status -> {
            UUID tenant = TenantContext.tenantId();
            StatementStore.LineRow row = locked(tenant, lineId);
            if (row.status() != LineStatus.CLOSED) {
                throw new ConflictException("Statement line " + lineId + " is not closed (it is " + row.status() + ")");
            }
            store.markStatus(tenant, lineId, LineStatus.UNMATCHED, "reopened by " + TenantContext.actor()
                    + "; matching the statement again checks it against the credits");
            evidence.record("BANK_LINE", lineId, "bank-line.reopened", json.writeValueAsString(Map.of("closedNote", row.note())));
        });
    }

    private StatementStore.LineRow locked(UUID tenant, UUID lineId) {
        return store.line(tenant, lineId, true).orElseThrow(() -> new NotFoundException("Statement line", lineId));
    }
}
