package fr.encaisse.recovery.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.recovery.ActivePauses;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.Pause;
import fr.encaisse.recovery.PauseReason;
import fr.encaisse.recovery.PauseRequest;
import fr.encaisse.recovery.PauseStatus;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
@Transactional
class PauseService implements DunningPauses {

    private final PauseStore store;
    private final Ledger ledger;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Clock clock;

    PauseService(PauseStore store, Ledger ledger, Evidence evidence, JsonMapper json, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public PauseStatus ofInvoice(UUID invoiceId, LocalDate on) {
        Invoice invoice = ledger.invoice(invoiceId);
        return new ActivePauses(on, store.liveOfDebtor(TenantContext.tenantId(), invoice.debtorId(), on))
                .ofInvoice(invoiceId, invoice.debtorId());
    }

    @Override
    @Transactional(readOnly = true)
    public PauseStatus ofDebtor(UUID debtorId, LocalDate on) {
        ledger.debtor(debtorId);
        return new ActivePauses(on, store.liveOfDebtor(TenantContext.tenantId(), debtorId, on)).ofDebtor(debtorId);
    }

    @Override
    @Transactional(readOnly = true)
    public ActivePauses activeOn(LocalDate on) {
        return new ActivePauses(on, store.live(TenantContext.tenantId(), on));
    }

    @Override
    public Pause declare(PauseRequest r) {
        if (r.reason() == null || !r.reason().declarable()) {
            throw InvalidInputException.of("reason", "must be DIRECT_DEBIT_PENDING or TENANT_HOLD; disputes, promises and"
                    + " payment plans are recorded as such");
        }
        return create(r.reason(), r.debtorId(), r.invoiceId(), r.startsOn(), r.endsOn(), null, r.sourceRef(), r.note());
    }

    /** Creates a pause for any reason (the cases of this module use it too) and journals it. */
    Pause create(PauseReason reason, UUID debtorId, UUID invoiceId, LocalDate startsOn, LocalDate endsOn, UUID sourceId,
                 String sourceRef, String note) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw InvalidInputException.of("endsOn", "is before startsOn");
        }
        if (invoiceId != null) {
            Invoice invoice = invoiceOrInvalid(invoiceId);
            if (debtorId != null && !debtorId.equals(invoice.debtorId())) {
                throw InvalidInputException.of("invoiceId", "belongs to another debtor");
            }
            debtorId = invoice.debtorId();
        } else if (debtorId == null) {
            throw InvalidInputException.of("debtorId", "give a debtor or an invoice");
        } else {
            debtorOrInvalid(debtorId);
        }
        Pause p = new Pause(UUID.randomUUID(), reason, debtorId, invoiceId, startsOn, endsOn, sourceId, sourceRef, note,
                TenantContext.actor(), OffsetDateTime.now(clock), null);
        store.insert(TenantContext.tenantId(), p);
        evidence.record(invoiceId != null ? "INVOICE" : "DEBTOR", invoiceId != null ? invoiceId : debtorId, "dunning.paused",
                json.writeValueAsString(p));
        return p;
    }

    @Override
    public void lift(UUID pauseId) {
        Pause p = pause(pauseId);
        if (p.liftedAt() == null) {
            liftOne(p);
        }
    }

    void liftOne(Pause p) {
        store.lift(TenantContext.tenantId(), p.id(), TenantContext.actor(), OffsetDateTime.now(clock));
        evidence.record(p.invoiceId() != null ? "INVOICE" : "DEBTOR", p.invoiceId() != null ? p.invoiceId() : p.debtorId(),
                "dunning.pause-lifted", json.writeValueAsString(java.util.Map.of("pause", p.id(), "reason", p.reason())));
    }

    void liftAllOf(UUID sourceId) {
        store.liveBySource(TenantContext.tenantId(), sourceId).forEach(this::liftOne);
    }

    @Override
    public int liftBySource(PauseReason reason, String sourceRef) {
        List<Pause> pauses = store.liveByRef(TenantContext.tenantId(), reason, sourceRef);
        pauses.forEach(this::liftOne);
        return pauses.size();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Pause> live(LocalDate on) {
        return store.live(TenantContext.tenantId(), on);
    }

    @Override
    @Transactional(readOnly = true)
    public Pause pause(UUID pauseId) {
        return store.find(TenantContext.tenantId(), pauseId).orElseThrow(() -> new NotFoundException("Pause", pauseId));
    }

    Invoice invoiceOrInvalid(UUID invoiceId) {
        try {
            return ledger.invoice(invoiceId);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("invoiceId", "no invoice " + invoiceId);
        }
    }

    void debtorOrInvalid(UUID debtorId) {
        try {
            ledger.debtor(debtorId);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("debtorId", "no debtor " + debtorId);
        }
    }
}
