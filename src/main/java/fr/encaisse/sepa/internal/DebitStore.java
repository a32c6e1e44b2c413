package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.Amendment;
import fr.encaisse.sepa.DirectDebit;
import fr.encaisse.sepa.DirectDebitStatus;
import fr.encaisse.sepa.MandateDetails;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SequenceType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code sepa_debit} table: one row per collection of an invoice. */
@Component
class DebitStore {

    /** A collection as stored, with what it carried to the bank once batched. */
    record Row(UUID id, UUID tenantId, UUID mandateId, UUID debtorId, UUID invoiceId, String invoiceNumber,
               String endToEndId, BigDecimal amount, String currency, LocalDate dueDate, LocalDate collectionDate,
               LocalDate prenotifyOn, Scheme scheme, DirectDebitStatus status, int attempt, UUID representsDebitId,
               UUID prenotificationId, UUID batchId, String paymentInformationId, SequenceType sequenceType,
               String carriedUmr, String carriedIban, String carriedBic, String carriedCreditorId,
               String carriedCreditorName, LocalDate signedOn, boolean amended, String originalUmr, String originalIban,
               String originalCreditorId, String originalCreditorName, boolean changedDebtorAgent, UUID paymentId,
               UUID allocationId, LocalDate settledOn, String statusReason) {

        /** The mandate details this collection carried (null before it was batched). */
        MandateDetails carried() {
            return carriedUmr == null ? null
                    : new MandateDetails(carriedUmr, carriedCreditorId, carriedCreditorName, carriedIban, carriedBic);
        }

        Amendment amendment() {
            return amended ? new Amendment(originalUmr, originalCreditorId, originalCreditorName, originalIban,
                    changedDebtorAgent) : Amendment.NONE;
        }

        DirectDebit view() {
            return new DirectDebit(id, mandateId, carriedUmr, debtorId, invoiceId, invoiceNumber, endToEndId, amount,
                    currency, dueDate, collectionDate, prenotifyOn, scheme, sequenceType, status, attempt,
                    representsDebitId, batchId, amended, paymentId, allocationId, settledOn, statusReason);
        }
    }

    private final JdbcClient jdbc;

    DebitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID tenantId, UUID mandateId, UUID debtorId, UUID invoiceId, String invoiceNumber, String e2e,
                BigDecimal amount, String currency, LocalDate dueDate, LocalDate collectionDate, LocalDate prenotifyOn,
                Scheme scheme, DirectDebitStatus status, int attempt, UUID representsDebitId, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO sepa_debit (id, tenant_id, mandate_id, debtor_id, invoice_id, invoice_number, end_to_end_id,
                               amount, currency, due_date, collection_date, prenotify_on, scheme, status, attempt,
                               represents_debit_id, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, mandateId, debtorId, invoiceId, invoiceNumber, e2e, amount, currency, dueDate,
                        collectionDate, prenotifyOn, scheme.name(), status.name(), attempt, representsDebitId, now, now)
                .update();
    }

    Optional<Row> find(UUID tenantId, UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(DebitStore::row).optional();
    }

    Optional<Row> byEndToEndId(UUID tenantId, String e2e) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = ? AND end_to_end_id = ? FOR UPDATE")
                .params(tenantId, e2e).query(DebitStore::row).optional();
    }

    List<Row> list(UUID tenantId, DirectDebitStatus status, UUID invoiceId, UUID mandateId, int limit) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = :tenant"
                        + (status == null ? "" : " AND status = :status")
                        + (invoiceId == null ? "" : " AND invoice_id = :invoice")
                        + (mandateId == null ? "" : " AND mandate_id = :mandate")
                        + " ORDER BY collection_date DESC, created_at DESC, id LIMIT :limit")
                .param("tenant", tenantId).param("status", status == null ? null : status.name())
                .param("invoice", invoiceId).param("mandate", mandateId).param("limit", limit)
                .query(DebitStore::row).list();
    }

    /** Collections in these statuses, locked, oldest collection date first. */
    List<Row> inStatus(UUID tenantId, Collection<DirectDebitStatus> statuses, LocalDate collectionUpTo) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = :tenant AND status IN (:statuses)"
                        + (collectionUpTo == null ? "" : " AND collection_date <= :upTo")
                        + " ORDER BY collection_date, mandate_id, end_to_end_id FOR UPDATE")
                .param("tenant", tenantId).param("statuses", statuses.stream().map(Enum::name).toList())
                .param("upTo", collectionUpTo)
                .query(DebitStore::row).list();
    }

    List<Row> planDue(UUID tenantId, LocalDate asOf) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = ? AND status = 'PLANNED' AND prenotify_on <= ?"
                        + " ORDER BY prenotify_on, end_to_end_id FOR UPDATE")
                .params(tenantId, asOf).query(DebitStore::row).list();
    }

    /** Pre-notified collections whose notice went out, collection date within the window, locked. */
    List<Row> batchable(UUID tenantId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT * FROM sepa_debit
                        WHERE tenant_id = ? AND status = 'NOTIFIED' AND collection_date >= ? AND collection_date <= ?
                          AND prenotification_id IN (SELECT id FROM sepa_notice WHERE tenant_id = ? AND status = 'SENT')
                        ORDER BY mandate_id, collection_date, end_to_end_id FOR UPDATE""")
                .params(tenantId, from, to, tenantId).query(DebitStore::row).list();
    }

    List<Row> ofMandate(UUID tenantId, UUID mandateId, Set<DirectDebitStatus> statuses) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = :tenant AND mandate_id = :mandate AND status IN (:statuses)"
                        + " ORDER BY collection_date, created_at FOR UPDATE")
                .param("tenant", tenantId).param("mandate", mandateId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(DebitStore::row).list();
    }

    List<Row> ofBatch(UUID tenantId, UUID batchId) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = ? AND batch_id = ? ORDER BY collection_date, scheme,"
                        + " sequence_type, end_to_end_id FOR UPDATE")
                .params(tenantId, batchId).query(DebitStore::row).list();
    }

    /** The last collection presented with the mandate (what the bank last saw of it), if any. */
    Optional<Row> lastPresented(UUID tenantId, UUID mandateId) {
        return jdbc.sql("SELECT * FROM sepa_debit WHERE tenant_id = ? AND mandate_id = ? AND status IN "
                        + MandateStore.PRESENTED_STATUSES + " ORDER BY collection_date DESC, updated_at DESC LIMIT 1")
                .params(tenantId, mandateId).query(DebitStore::row).optional();
    }

    boolean finalPresented(UUID tenantId, UUID mandateId) {
        return jdbc.sql("SELECT COUNT(*) FROM sepa_debit WHERE tenant_id = ? AND mandate_id = ? AND sequence_type = 'FNAL'"
                        + " AND status IN " + MandateStore.PRESENTED_STATUSES)
                .params(tenantId, mandateId).query(Long.class).single() > 0;
    }

    /** Any collection of the mandate other than cancelled or rejected ones (a one-off mandate is used once). */
    boolean everUsed(UUID tenantId, UUID mandateId) {
        return jdbc.sql("SELECT COUNT(*) FROM sepa_debit WHERE tenant_id = ? AND mandate_id = ? AND status NOT IN ('CANCELLED', 'REJECTED')")
                .params(tenantId, mandateId).query(Long.class).single() > 0;
    }

    /**
     * Invoices (among these) that planning must leave alone: a collection under way, done or
     * returned, or cancelled by a person. Collections cancelled automatically (mandate revoked,
     * invoice paid then reopened) do not count.
     */
    Set<UUID> invoicesTaken(UUID tenantId, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT invoice_id FROM sepa_debit WHERE tenant_id = :tenant AND invoice_id IN (:ids)"
                        + " AND (status <> 'CANCELLED' OR keep_out)")
                .param("tenant", tenantId).param("ids", invoiceIds).query(UUID.class).list());
    }

    void setStatus(UUID tenantId, UUID id, DirectDebitStatus status, String reason, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_debit SET status = ?, status_reason = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(status.name(), reason, now, tenantId, id).update();
    }

    void cancel(UUID tenantId, UUID id, String reason, boolean keepOut, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_debit SET status = 'CANCELLED', status_reason = ?, keep_out = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND id = ?")
                .params(reason, keepOut, now, tenantId, id).update();
    }

    void replan(UUID tenantId, UUID id, LocalDate collectionDate, LocalDate prenotifyOn, String reason, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_debit SET status = 'PLANNED', collection_date = ?, prenotify_on = ?, prenotification_id = NULL,
                               status_reason = ?, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")
                .params(collectionDate, prenotifyOn, reason, now, tenantId, id).update();
    }

    void notified(UUID tenantId, UUID id, BigDecimal amount, LocalDate collectionDate, LocalDate prenotifyOn, UUID noticeId,
                  OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_debit SET status = 'NOTIFIED', amount = ?, collection_date = ?, prenotify_on = ?,
                               prenotification_id = ?, status_reason = NULL, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")
                .params(amount, collectionDate, prenotifyOn, noticeId, now, tenantId, id).update();
    }

    void planningNote(UUID tenantId, UUID id, String reason, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_debit SET status_reason = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(reason, now, tenantId, id).update();
    }

    void batched(UUID tenantId, UUID id, UUID batchId, BigDecimal amount, SequenceType sequenceType, MandateDetails carried,
                 LocalDate signedOn, Amendment a, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_debit SET status = 'BATCHED', batch_id = ?, amount = ?, sequence_type = ?, carried_umr = ?,
                               carried_iban = ?, carried_bic = ?, carried_creditor_id = ?, carried_creditor_name = ?, signed_on = ?,
                               amended = ?, original_umr = ?, original_iban = ?, original_creditor_id = ?,
                               original_creditor_name = ?, changed_debtor_agent = ?, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")
                .params(batchId, amount, sequenceType.name(), carried.mandateId(), carried.debtorIban(), carried.debtorBic(),
                        carried.creditorSchemeId(), carried.creditorName(), signedOn, a.isAmended(), a.originalMandateId(),
                        a.originalDebtorIban(), a.originalCreditorSchemeId(), a.originalCreditorName(),
                        a.changedDebtorAgent(), now, tenantId, id)
                .update();
    }

    void blockOf(UUID tenantId, UUID batchId, LocalDate collectionDate, Scheme scheme, SequenceType sequenceType,
                 String paymentInformationId) {
        jdbc.sql("""
                        UPDATE sepa_debit SET payment_information_id = ?
                        WHERE tenant_id = ? AND batch_id = ? AND collection_date = ? AND scheme = ? AND sequence_type = ?""")
                .params(paymentInformationId, tenantId, batchId, collectionDate, scheme.name(), sequenceType.name()).update();
    }

    /** Back to the queue after the batch was discarded: nothing was sent. */
    void unbatched(UUID tenantId, UUID batchId, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_debit SET status = 'NOTIFIED', batch_id = NULL, payment_information_id = NULL,
                               sequence_type = NULL, carried_umr = NULL, carried_iban = NULL, carried_bic = NULL,
                               carried_creditor_id = NULL, carried_creditor_name = NULL, signed_on = NULL, amended = FALSE,
                               original_umr = NULL, original_iban = NULL, original_creditor_id = NULL,
                               original_creditor_name = NULL, changed_debtor_agent = FALSE, updated_at = ?
                        WHERE tenant_id = ? AND batch_id = ? AND status = 'BATCHED'""")
                .params(now, tenantId, batchId).update();
    }

    void submitted(UUID tenantId, UUID batchId, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_debit SET status = 'SUBMITTED', updated_at = ? WHERE tenant_id = ? AND batch_id = ? AND status = 'BATCHED'")
                .params(now, tenantId, batchId).update();
    }

    void settled(UUID tenantId, UUID id, UUID paymentId, UUID allocationId, LocalDate on, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_debit SET status = 'SETTLED', payment_id = ?, allocation_id = ?, settled_on = ?, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")
                .params(paymentId, allocationId, on, now, tenantId, id).update();
    }

    void returned(UUID tenantId, UUID id, DirectDebitStatus status, String reason, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_debit SET status = ?, status_reason = ?, payment_id = NULL, allocation_id = NULL, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")
                .params(status.name(), reason, now, tenantId, id).update();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        String seq = rs.getString("sequence_type");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("mandate_id", UUID.class), rs.getObject("debtor_id", UUID.class),
                rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"), rs.getString("end_to_end_id"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("due_date", LocalDate.class),
                rs.getObject("collection_date", LocalDate.class), rs.getObject("prenotify_on", LocalDate.class),
                Scheme.valueOf(rs.getString("scheme")), DirectDebitStatus.valueOf(rs.getString("status")),
                rs.getInt("attempt"), rs.getObject("represents_debit_id", UUID.class),
                rs.getObject("prenotification_id", UUID.class), rs.getObject("batch_id", UUID.class),
                rs.getString("payment_information_id"), seq == null ? null : SequenceType.valueOf(seq),
                rs.getString("carried_umr"), rs.getString("carried_iban"), rs.getString("carried_bic"),
                rs.getString("carried_creditor_id"), rs.getString("carried_creditor_name"),
                rs.getObject("signed_on", LocalDate.class), rs.getBoolean("amended"), rs.getString("original_umr"),
                rs.getString("original_iban"), rs.getString("original_creditor_id"), rs.getString("original_creditor_name"),
                rs.getBoolean("changed_debtor_agent"), rs.getObject("payment_id", UUID.class),
                rs.getObject("allocation_id", UUID.class), rs.getObject("settled_on", LocalDate.class),
                rs.getString("status_reason"));
    }
}
