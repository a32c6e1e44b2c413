package fr.encaisse.banking.internal;

import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.internal.matching.MatchingEngine;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit of one of our own direct debits ({@code ENC-…}) is already in the ledger when sepa
 * booked the collection on its date: a {@code DIRECT_DEBIT} payment whose reference is the
 * end-to-end id. Such a line is linked to that payment ({@code MATCHED}, {@code matchedBy}
 * {@value #BY}) instead of being matched again, which would find the invoice paid (or, worse,
 * book the money twice). One look-up for all the lines of a run; each link in a transaction of
 * its own, after locking the line. Lines whose payment sepa has not booked yet go on to the
 * matching engine as before.
 */
@Component
class DirectDebitLinks {

    static final String BY = "SEPA";

    private final StatementStore store;
    private final OpenItems openItems;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    DirectDebitLinks(StatementStore store, OpenItems openItems, Evidence evidence, JsonMapper json, Clock clock,
                     PlatformTransactionManager transactions) {
        this.store = store;
        this.openItems = openItems;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * @param done   the lines this run must leave alone now: linked, or matched meanwhile
     * @param linked how many were linked
     * @param notes  why a line naming a booked direct debit was not linked
     */
    record Outcome(Set<UUID> done, int linked, Map<UUID, String> notes) {
    }

    /** {@code note} null: linked; {@code open} false: matched meanwhile, nothing done. */
    private record Attempt(boolean open, String note) {
        static final Attempt LINKED = new Attempt(true, null);
        static final Attempt NOT_OPEN = new Attempt(false, null);

        static Attempt refused(String note) {
            return new Attempt(true, note);
        }
    }

    Outcome link(List<StatementStore.LineRow> rows) {
        List<StatementStore.LineRow> ours = rows.stream()
                .filter(r -> !r.autoBlocked() && MatchingEngine.isOurEndToEndId(r.endToEndId())).toList();
        if (ours.isEmpty()) {
            return new Outcome(Set.of(), 0, Map.of());
        }
        Map<String, List<Payment>> booked = openItems.paymentsByReference(PaymentMethod.DIRECT_DEBIT,
                        ours.stream().map(StatementStore.LineRow::endToEndId).toList())
                .stream().collect(Collectors.groupingBy(Payment::reference));
        Set<UUID> done = new HashSet<>();
        int linked = 0;
        Map<UUID, String> notes = new HashMap<>();
        for (StatementStore.LineRow row : ours) {
            List<Payment> payments = booked.getOrDefault(row.endToEndId(), List.of());
            if (payments.isEmpty()) {
                continue;
            }
            Attempt attempt = tx.execute(status -> linkOne(row.id(), payments));
            if (attempt.note() != null) {
                notes.put(row.id(), attempt.note());
            } else {
                done.add(row.id());
                linked += attempt.open() ? 1 : 0;
            }
        }
        return new Outcome(done, linked, notes);
    }

    private Attempt linkOne(UUID lineId, List<Payment> payments) {
        UUID tenant = TenantContext.tenantId();
        Optional<StatementStore.LineRow> locked = store.line(tenant, lineId, true);
        if (locked.isEmpty() || locked.get().paymentId() != null || locked.get().status() == LineStatus.MATCHED) {
            return Attempt.NOT_OPEN;
        }
        StatementStore.LineRow row = locked.get();
        List<Payment> sameAmount = payments.stream()
                .filter(p -> p.currency().equals(row.currency()) && p.amount().compareTo(row.amount()) == 0).toList();
        if (sameAmount.isEmpty()) {
            Payment p = payments.get(0);
            return Attempt.refused("direct debit " + row.endToEndId() + " was booked by sepa for " + p.amount().toPlainString() + " "
                    + p.currency() + ", not " + row.amount().toPlainString() + " " + row.currency() + ": check by hand");
        }
        UUID takenBy = null;
        for (Payment p : sameAmount) {
            Optional<UUID> other = store.lineOfPayment(tenant, p.id());
            if (other.isPresent()) {
                takenBy = other.get();
                continue;
            }
            store.markLinked(tenant, lineId, p.debtorId(), p.id(), "credit of our direct debit " + row.endToEndId()
                    + ", booked by sepa on " + p.receivedOn() + ": linked to that payment, nothing recorded here",
                    OffsetDateTime.now(clock));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("by", BY);
            details.put("reason", "SEPA_BOOKED");
            details.put("paymentId", p.id());
            details.put("reference", p.reference());
            details.put("debtorId", p.debtorId());
            details.put("amount", row.amount());
            details.put("bookedOn", p.receivedOn());
            evidence.record("BANK_LINE", lineId, "bank-line.linked-to-direct-debit", json.writeValueAsString(details));
            return Attempt.LINKED;
        }
        return Attempt.refused("the payment of direct debit " + row.endToEndId() + " is already linked to line " + takenBy
                + " (the same credit reported twice?): check by hand");
    }
}
