package fr.encaisse.communication.internal;

import fr.encaisse.communication.CallOutcome;
import fr.encaisse.communication.CallResult;
import fr.encaisse.communication.CallTask;
import fr.encaisse.communication.CallTasks;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.recovery.NewPromise;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The call to-do list; an outcome of PROMISE or DISPUTE becomes a recovery promise or dispute. */
@Service
@Transactional
class CallTaskService implements CallTasks {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Clock clock;

    CallTaskService(JdbcClient jdbc, Cases cases, Evidence evidence, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
    }

    UUID create(UUID tenantId, UUID debtorId, UUID messageId, List<UUID> invoiceIds, String title, String script,
                String phone, String owner, LocalDate dueOn, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO call_task (id, tenant_id, debtor_id, message_id, invoice_ids, title, script, phone, owner, due_on,
                    status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, tenantId, debtorId, messageId, OutboxStore.ids(invoiceIds), title, script, phone, owner, dueOn, now)
                .update();
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CallTask> todo(String owner, boolean openOnly) {
        return jdbc.sql("SELECT * FROM call_task WHERE tenant_id = :tenant"
                        + (openOnly ? " AND status = 'OPEN'" : "")
                        + (owner == null ? "" : " AND owner = :owner")
                        + " ORDER BY due_on, created_at LIMIT 500")
                .param("tenant", TenantContext.tenantId()).param("owner", owner).query(CallTaskService::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public int countDueBy(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM call_task WHERE tenant_id = ? AND status = 'OPEN' AND due_on <= ?")
                .params(TenantContext.tenantId(), day).query(Integer.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public CallTask task(UUID id) {
        return jdbc.sql("SELECT * FROM call_task WHERE tenant_id = ? AND id = ?").params(TenantContext.tenantId(), id)
                .query(CallTaskService::map).optional().orElseThrow(() -> new NotFoundException("Call task", id));
    }

    @Override
    public CallTask assign(UUID id, String owner) {
        task(id);
        jdbc.sql("UPDATE call_task SET owner = ? WHERE tenant_id = ? AND id = ?")
                .params(owner == null || owner.isBlank() ? null : owner.trim(), TenantContext.tenantId(), id).update();
        return task(id);
    }

    @Override
    public CallTask recordOutcome(UUID id, CallResult result) {
        CallTask task = task(id);
        if (task.status() == CallTask.Status.DONE) {
            throw new ConflictException("Call task " + id + " is already done");
        }
        if (result == null || result.outcome() == null) {
            throw InvalidInputException.of("outcome", "is required: REACHED, PROMISE, DISPUTE or NO_ANSWER");
        }
        UUID recoveryRef = null;
        if (result.outcome() == CallOutcome.PROMISE) {
            if (result.promisedOn() == null) {
                throw InvalidInputException.of("promisedOn", "is required for a promise");
            }
            recoveryRef = cases.recordPromise(new NewPromise(task.debtorId(), task.invoiceIds(), result.promisedOn(),
                    result.promisedAmount(), result.note())).id();
        } else if (result.outcome() == CallOutcome.DISPUTE) {
            if (result.note() == null || result.note().isBlank()) {
                throw InvalidInputException.of("note", "say what the debtor contests");
            }
            recoveryRef = cases.openDispute(new NewDispute(task.debtorId(), task.invoiceIds().size() == 1
                    ? task.invoiceIds().get(0) : null, result.note(), null)).id();
        }
        jdbc.sql("""
                UPDATE call_task SET status = 'DONE', outcome = ?, note = ?, recovery_ref = ?, completed_at = ?, completed_by = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(result.outcome().name(), result.note(), recoveryRef, OffsetDateTime.now(clock), TenantContext.actor(),
                        TenantContext.tenantId(), id)
                .update();
        evidence.record("CALL_TASK", id, "call-task.completed", json.writeValueAsString(result));
        return task(id);
    }

    private static CallTask map(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CallTask(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                OutboxStore.parseIds(rs.getString("invoice_ids")), rs.getString("title"), rs.getString("script"),
                rs.getString("phone"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                CallTask.Status.valueOf(rs.getString("status")), outcome == null ? null : CallOutcome.valueOf(outcome),
                rs.getString("note"), rs.getObject("recovery_ref", UUID.class),
                rs.getObject("completed_at", OffsetDateTime.class), rs.getString("completed_by"));
    }
}
