package fr.encaisse.recovery.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.Dispute;
import fr.encaisse.recovery.Installment;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.recovery.NewPaymentPlan;
import fr.encaisse.recovery.NewPromise;
import fr.encaisse.recovery.PauseReason;
import fr.encaisse.recovery.PaymentPlan;
import fr.encaisse.recovery.Promise;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Disputes, promises and plans: each writes its row, its pause(s) and its evidence entry in one
 * transaction. A promise pauses dunning until the promised date plus {@code encaisse.recovery.promise-grace-days}
 * (default 2: time for the transfer to reach the account); a plan until its last installment plus the same grace.
 */
@Service
@Transactional
class CaseService implements Cases {

    private final JdbcClient jdbc;
    private final PauseService pauses;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Tenants tenants;
    private final Clock clock;
    private final int graceDays;

    CaseService(JdbcClient jdbc, PauseService pauses, Evidence evidence, JsonMapper json, Tenants tenants, Clock clock,
                @Value("${encaisse.recovery.promise-grace-days:2}") int graceDays) {
        this.jdbc = jdbc;
        this.pauses = pauses;
        this.evidence = evidence;
        this.json = json;
        this.tenants = tenants;
        this.clock = clock;
        this.graceDays = graceDays;
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    // ---- disputes

    @Override
    public Dispute openDispute(NewDispute d) {
        if (d.reason() == null || d.reason().isBlank()) {
            throw InvalidInputException.of("reason", "is required");
        }
        UUID debtorId = debtorOf(d.debtorId(), d.invoiceId());
        refuseSecondOpenDispute(debtorId, d.invoiceId());
        LocalDate openedOn = d.openedOn() != null ? d.openedOn() : tenants.today(tenant());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO recovery_dispute (id, tenant_id, debtor_id, invoice_id, reason, opened_on, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, tenant(), debtorId, d.invoiceId(), d.reason().trim(), openedOn, TenantContext.actor(),
                        OffsetDateTime.now(clock))
                .update();
        pauses.create(PauseReason.DISPUTE, debtorId, d.invoiceId(), null, null, id, null, d.reason().trim());
        evidence.record("DISPUTE", id, "dispute.opened", json.writeValueAsString(d));
        return dispute(id);
    }

    /**
     * One open dispute per invoice (or per whole account): a second one would pause nothing more and
     * leave two cases to resolve for one disagreement. Not enforced by the database, so two requests at
     * the same instant may still both pass.
     */
    private void refuseSecondOpenDispute(UUID debtorId, UUID invoiceId) {
        jdbc.sql("SELECT id FROM recovery_dispute WHERE tenant_id = ? AND debtor_id = ? AND status = 'OPEN' AND "
                        + (invoiceId == null ? "invoice_id IS NULL" : "invoice_id = ?") + " LIMIT 1")
                .params(invoiceId == null ? List.of(tenant(), debtorId) : List.of(tenant(), debtorId, invoiceId))
                .query(UUID.class).optional()
                .ifPresent(open -> {
                    throw new ConflictException((invoiceId == null ? "The whole account" : "Invoice " + invoiceId)
                            + " is already disputed: dispute " + open + " is open; resolve it before opening another");
                });
    }

    @Override
    public Dispute resolveDispute(UUID disputeId, String resolution) {
        Dispute d = dispute(disputeId);
        if (d.status() == Dispute.Status.RESOLVED) {
            throw new ConflictException("Dispute " + disputeId + " is already resolved");
        }
        jdbc.sql("UPDATE recovery_dispute SET status = 'RESOLVED', resolution = ?, resolved_at = ? WHERE tenant_id = ? AND id = ?")
                .params(resolution, OffsetDateTime.now(clock), tenant(), disputeId).update();
        pauses.liftAllOf(disputeId);
        evidence.record("DISPUTE", disputeId, "dispute.resolved", json.writeValueAsString(Map.of("resolution",
                resolution == null ? "" : resolution)));
        return dispute(disputeId);
    }

    @Override
    @Transactional(readOnly = true)
    public Dispute dispute(UUID disputeId) {
        return jdbc.sql("SELECT * FROM recovery_dispute WHERE tenant_id = ? AND id = ?").params(tenant(), disputeId)
                .query(CaseService::dispute).optional().orElseThrow(() -> new NotFoundException("Dispute", disputeId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Dispute> disputes(boolean openOnly) {
        return jdbc.sql("SELECT * FROM recovery_dispute WHERE tenant_id = ?" + (openOnly ? " AND status = 'OPEN'" : "")
                        + " ORDER BY opened_on DESC, created_at DESC LIMIT 500")
                .param(tenant()).query(CaseService::dispute).list();
    }

    private static Dispute dispute(ResultSet rs, int row) throws SQLException {
        return new Dispute(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                rs.getObject("invoice_id", UUID.class), rs.getString("reason"), rs.getObject("opened_on", LocalDate.class),
                Dispute.Status.valueOf(rs.getString("status")), rs.getString("resolution"),
                rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    // ---- promises

    @Override
    public Promise recordPromise(NewPromise p) {
        if (p.promisedOn() == null) {
            throw InvalidInputException.of("promisedOn", "is required");
        }
        if (p.amount() != null && p.amount().signum() <= 0) {
            throw InvalidInputException.of("amount", "must be greater than zero");
        }
        List<UUID> invoices = p.invoiceIds() == null ? List.of() : List.copyOf(p.invoiceIds());
        UUID debtorId = debtorOfAll(p.debtorId(), invoices);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO recovery_promise (id, tenant_id, debtor_id, invoice_ids, promised_on, amount, note, status,
                    created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, tenant(), debtorId, ids(invoices), p.promisedOn(), p.amount(), p.note(), TenantContext.actor(),
                        OffsetDateTime.now(clock))
                .update();
        LocalDate until = p.promisedOn().plusDays(graceDays);
        pauseEach(PauseReason.PROMISE_TO_PAY, debtorId, invoices, until, id, "promise to pay by " + p.promisedOn());
        evidence.record("PROMISE", id, "promise.recorded", json.writeValueAsString(p));
        return promise(id);
    }

    @Override
    public Promise cancelPromise(UUID promiseId) {
        promise(promiseId);
        jdbc.sql("UPDATE recovery_promise SET status = 'CANCELLED' WHERE tenant_id = ? AND id = ?").params(tenant(), promiseId)
                .update();
        pauses.liftAllOf(promiseId);
        evidence.record("PROMISE", promiseId, "promise.cancelled", "{}");
        return promise(promiseId);
    }

    @Override
    @Transactional(readOnly = true)
    public Promise promise(UUID promiseId) {
        return jdbc.sql("SELECT * FROM recovery_promise WHERE tenant_id = ? AND id = ?").params(tenant(), promiseId)
                .query(this::promiseRow).optional().orElseThrow(() -> new NotFoundException("Promise", promiseId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Promise> openPromisesDueBy(LocalDate day) {
        return jdbc.sql("SELECT * FROM recovery_promise WHERE tenant_id = ? AND status = 'OPEN' AND promised_on <= ?"
                        + " ORDER BY promised_on, created_at, id")
                .params(tenant(), day).query(this::promiseRow).list();
    }

    private Promise promiseRow(ResultSet rs, int row) throws SQLException {
        return new Promise(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                parseIds(rs.getString("invoice_ids")), rs.getObject("promised_on", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("note"), Promise.Status.valueOf(rs.getString("status")),
                rs.getObject("promised_on", LocalDate.class).plusDays(graceDays), rs.getString("created_by"));
    }

    // ---- payment plans

    @Override
    public PaymentPlan createPlan(NewPaymentPlan p) {
        if (p.installments() == null || p.installments().isEmpty()) {
            throw InvalidInputException.of("installments", "at least one installment is required");
        }
        for (int i = 0; i < p.installments().size(); i++) {
            Installment in = p.installments().get(i);
            if (in == null || in.dueOn() == null) {
                throw InvalidInputException.of("installments[" + i + "].dueOn", "is required");
            }
            if (in.amount() == null || in.amount().signum() <= 0) {
                throw InvalidInputException.of("installments[" + i + "].amount", "must be greater than zero");
            }
        }
        List<UUID> invoices = p.invoiceIds() == null ? List.of() : List.copyOf(p.invoiceIds());
        UUID debtorId = debtorOfAll(p.debtorId(), invoices);
        List<Installment> schedule = p.installments().stream().sorted(Comparator.comparing(Installment::dueOn)).toList();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO recovery_payment_plan (id, tenant_id, debtor_id, invoice_ids, installments, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(id, tenant(), debtorId, ids(invoices), json.writeValueAsString(schedule), TenantContext.actor(),
                        OffsetDateTime.now(clock))
                .update();
        LocalDate until = schedule.get(schedule.size() - 1).dueOn().plusDays(graceDays);
        pauseEach(PauseReason.PAYMENT_PLAN, debtorId, invoices, until, id, schedule.size() + " installments");
        evidence.record("PAYMENT_PLAN", id, "payment-plan.created", json.writeValueAsString(p));
        return plan(id);
    }

    @Override
    public PaymentPlan closePlan(UUID planId, PaymentPlan.Status outcome) {
        PaymentPlan plan = plan(planId);
        if (outcome == null || outcome == PaymentPlan.Status.ACTIVE) {
            throw InvalidInputException.of("status", "must be COMPLETED or CANCELLED");
        }
        if (plan.status() != PaymentPlan.Status.ACTIVE) {
            throw new ConflictException("Payment plan " + planId + " is already " + plan.status());
        }
        jdbc.sql("UPDATE recovery_payment_plan SET status = ?, closed_at = ? WHERE tenant_id = ? AND id = ?")
                .params(outcome.name(), OffsetDateTime.now(clock), tenant(), planId).update();
        pauses.liftAllOf(planId);
        evidence.record("PAYMENT_PLAN", planId, "payment-plan." + outcome.name().toLowerCase(), "{}");
        return plan(planId);
    }

    @Override
    @Transactional(readOnly = true)
    public PaymentPlan plan(UUID planId) {
        return jdbc.sql("SELECT * FROM recovery_payment_plan WHERE tenant_id = ? AND id = ?").params(tenant(), planId)
                .query((rs, n) -> {
                    List<Installment> schedule = json.readValue(rs.getString("installments"), new TypeReference<List<Installment>>() {
                    });
                    return new PaymentPlan(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                            parseIds(rs.getString("invoice_ids")), schedule, PaymentPlan.Status.valueOf(rs.getString("status")),
                            schedule.get(schedule.size() - 1).dueOn().plusDays(graceDays), rs.getString("created_by"));
                })
                .optional().orElseThrow(() -> new NotFoundException("Payment plan", planId));
    }

    // ---- helpers

    private void pauseEach(PauseReason reason, UUID debtorId, List<UUID> invoices, LocalDate until, UUID sourceId, String note) {
        if (invoices.isEmpty()) {
            pauses.create(reason, debtorId, null, null, until, sourceId, null, note);
        } else {
            for (UUID invoice : invoices) {
                pauses.create(reason, debtorId, invoice, null, until, sourceId, null, note);
            }
        }
    }

    private UUID debtorOf(UUID debtorId, UUID invoiceId) {
        if (invoiceId != null) {
            Invoice invoice = pauses.invoiceOrInvalid(invoiceId);
            if (debtorId != null && !debtorId.equals(invoice.debtorId())) {
                throw InvalidInputException.of("invoiceId", "belongs to another debtor");
            }
            return invoice.debtorId();
        }
        if (debtorId == null) {
            throw InvalidInputException.of("debtorId", "give a debtor or an invoice");
        }
        pauses.debtorOrInvalid(debtorId);
        return debtorId;
    }

    private UUID debtorOfAll(UUID debtorId, List<UUID> invoices) {
        UUID result = debtorId;
        for (UUID invoice : invoices) {
            result = debtorOf(result, invoice);
        }
        return invoices.isEmpty() ? debtorOf(debtorId, null) : result;
    }

    private static String ids(List<UUID> ids) {
        return ids.isEmpty() ? null : String.join(",", ids.stream().map(UUID::toString).toList());
    }

    private static List<UUID> parseIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(text.split(",")).map(UUID::fromString).toList());
    }
}
