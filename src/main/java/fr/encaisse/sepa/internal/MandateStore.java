package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.MandateChange;
import fr.encaisse.sepa.MandateStatus;
import fr.encaisse.sepa.MandateType;
import fr.encaisse.sepa.Scheme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code sepa_mandate}, {@code sepa_umr} and {@code sepa_mandate_amendment} tables. */
@Component
class MandateStore {

    /** A mandate row as stored. */
    record Row(UUID id, UUID tenantId, UUID debtorId, String umr, Scheme scheme, MandateType type, MandateStatus status,
               String debtorName, String debtorStreet, String debtorPostCode, String debtorTown, String debtorCountry,
               String iban, String bic, LocalDate signedOn, String signedAt, String signatory, LocalDate statusChangedOn,
               String statusReason, OffsetDateTime createdAt) {

        Row withStatus(MandateStatus newStatus, LocalDate on, String reason) {
            return new Row(id, tenantId, debtorId, umr, scheme, type, newStatus, debtorName, debtorStreet, debtorPostCode,
                    debtorTown, debtorCountry, iban, bic, signedOn, signedAt, signatory, on, reason, createdAt);
        }
    }

    /** Collections presented so far (sent or about to be), as the sequence-type rules count them. */
    record Presented(int count, LocalDate lastCollectionDate) {
    }

    static final String PRESENTED_STATUSES = "('BATCHED', 'SUBMITTED', 'SETTLED', 'RETURNED')";

    private final JdbcClient jdbc;

    MandateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row m, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO sepa_mandate (id, tenant_id, debtor_id, umr, scheme, type, status, debtor_name, debtor_street,
                               debtor_post_code, debtor_town, debtor_country, debtor_iban, debtor_bic, signed_on, signed_at,
                               signatory, status_changed_on, status_reason, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.tenantId(), m.debtorId(), m.umr(), m.scheme().name(), m.type().name(), m.status().name(),
                        m.debtorName(), m.debtorStreet(), m.debtorPostCode(), m.debtorTown(), m.debtorCountry(), m.iban(),
                        m.bic(), m.signedOn(), m.signedAt(), m.signatory(), m.statusChangedOn(), m.statusReason(), now, now)
                .update();
    }

    void update(Row m, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE sepa_mandate SET umr = ?, status = ?, debtor_name = ?, debtor_street = ?, debtor_post_code = ?,
                               debtor_town = ?, debtor_country = ?, debtor_iban = ?, debtor_bic = ?, signed_on = ?, signed_at = ?,
                               signatory = ?, status_changed_on = ?, status_reason = ?, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")
                .params(m.umr(), m.status().name(), m.debtorName(), m.debtorStreet(), m.debtorPostCode(), m.debtorTown(),
                        m.debtorCountry(), m.iban(), m.bic(), m.signedOn(), m.signedAt(), m.signatory(), m.statusChangedOn(),
                        m.statusReason(), now, m.tenantId(), m.id())
                .update();
    }

    /** AMENDED → ACTIVE, without locking the mandate (see CollectionService.submit). */
    void announced(UUID tenantId, UUID id, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_mandate SET status = 'ACTIVE', updated_at = ? WHERE tenant_id = ? AND id = ? AND status = 'AMENDED'")
                .params(now, tenantId, id).update();
    }

    void delete(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM sepa_mandate_amendment WHERE tenant_id = ? AND mandate_id = ?").params(tenantId, id).update();
        jdbc.sql("DELETE FROM sepa_mandate WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    Optional<Row> find(UUID tenantId, UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM sepa_mandate WHERE tenant_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(MandateStore::row).optional();
    }

    List<Row> list(UUID tenantId, UUID debtorId, MandateStatus status, int limit) {
        return jdbc.sql("SELECT * FROM sepa_mandate WHERE tenant_id = :tenant"
                        + (debtorId == null ? "" : " AND debtor_id = :debtor")
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("tenant", tenantId).param("debtor", debtorId).param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(MandateStore::row).list();
    }

    /** Usable mandates (of one debtor, or all), the most recently signed of each debtor first. */
    List<Row> usable(UUID tenantId, UUID debtorIdOrNull) {
        return jdbc.sql("SELECT * FROM sepa_mandate WHERE tenant_id = :tenant AND status IN ('ACTIVE', 'AMENDED')"
                        + (debtorIdOrNull == null ? "" : " AND debtor_id = :debtor")
                        + " ORDER BY debtor_id, signed_on DESC, created_at DESC")
                .param("tenant", tenantId).param("debtor", debtorIdOrNull)
                .query(MandateStore::row).list();
    }

    /** Usable mandates signed before {@code signedBefore}: the candidates for lapsing. */
    List<Row> usableSignedBefore(UUID tenantId, LocalDate signedBefore) {
        return jdbc.sql("SELECT * FROM sepa_mandate WHERE tenant_id = ? AND status IN ('ACTIVE', 'AMENDED') AND signed_on < ?")
                .params(tenantId, signedBefore).query(MandateStore::row).list();
    }

    /** Whether the tenant ever issued this UMR (to any mandate). */
    Optional<UUID> umrOwner(UUID tenantId, String umr) {
        return jdbc.sql("SELECT mandate_id FROM sepa_umr WHERE tenant_id = ? AND umr = ?").params(tenantId, umr)
                .query(UUID.class).optional();
    }

    void reserveUmr(UUID tenantId, String umr, UUID mandateId) {
        jdbc.sql("INSERT INTO sepa_umr (tenant_id, umr, mandate_id) VALUES (?, ?, ?)").params(tenantId, umr, mandateId).update();
    }

    Presented presented(UUID tenantId, UUID mandateId) {
        return jdbc.sql("SELECT COUNT(*) AS n, MAX(collection_date) AS last_date FROM sepa_debit WHERE tenant_id = ? AND mandate_id = ?"
                        + " AND status IN " + PRESENTED_STATUSES)
                .params(tenantId, mandateId)
                .query((rs, i) -> new Presented(rs.getInt("n"), rs.getObject("last_date", LocalDate.class))).single();
    }

    void insertAmendment(UUID tenantId, UUID mandateId, LocalDate on, Row before, Row after, String reason, String actor,
                         OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO sepa_mandate_amendment (id, tenant_id, mandate_id, amended_on, old_umr, new_umr, old_iban,
                               new_iban, old_bic, new_bic, reason, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), tenantId, mandateId, on, changed(before.umr(), after.umr()),
                        changed(after.umr(), before.umr()), changed(before.iban(), after.iban()),
                        changed(after.iban(), before.iban()), changed(before.bic(), after.bic()),
                        changed(after.bic(), before.bic()), reason, now, actor)
                .update();
    }

    /** {@code value} when it differs from {@code other}, else null. */
    private static String changed(String value, String other) {
        return java.util.Objects.equals(value, other) ? null : value;
    }

    /** Marks the mandate's amendments not yet announced as carried by this collection. */
    void amendmentsCarriedBy(UUID tenantId, UUID mandateId, UUID debitId) {
        jdbc.sql("UPDATE sepa_mandate_amendment SET carried_by_debit_id = ? WHERE tenant_id = ? AND mandate_id = ?"
                        + " AND carried_by_debit_id IS NULL AND (old_umr IS NOT NULL OR old_iban IS NOT NULL)")
                .params(debitId, tenantId, mandateId).update();
    }

    void amendmentsNotCarried(UUID tenantId, UUID debitId) {
        jdbc.sql("UPDATE sepa_mandate_amendment SET carried_by_debit_id = NULL WHERE tenant_id = ? AND carried_by_debit_id = ?")
                .params(tenantId, debitId).update();
    }

    List<MandateChange> amendments(UUID tenantId, UUID mandateId) {
        return jdbc.sql("""
                        SELECT a.*, d.end_to_end_id FROM sepa_mandate_amendment a
                        LEFT JOIN sepa_debit d ON d.tenant_id = a.tenant_id AND d.id = a.carried_by_debit_id
                        WHERE a.tenant_id = ? AND a.mandate_id = ? ORDER BY a.created_at, a.id""")
                .params(tenantId, mandateId)
                .query((rs, n) -> new MandateChange(rs.getObject("amended_on", LocalDate.class), rs.getString("old_umr"),
                        rs.getString("new_umr"), rs.getString("old_iban"), rs.getString("new_iban"), rs.getString("old_bic"),
                        rs.getString("new_bic"), rs.getString("reason"), rs.getString("end_to_end_id"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")))
                .list();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("debtor_id", UUID.class), rs.getString("umr"), Scheme.valueOf(rs.getString("scheme")),
                MandateType.valueOf(rs.getString("type")), MandateStatus.valueOf(rs.getString("status")),
                rs.getString("debtor_name"), rs.getString("debtor_street"), rs.getString("debtor_post_code"),
                rs.getString("debtor_town"), rs.getString("debtor_country"), rs.getString("debtor_iban"),
                rs.getString("debtor_bic"), rs.getObject("signed_on", LocalDate.class), rs.getString("signed_at"),
                rs.getString("signatory"), rs.getObject("status_changed_on", LocalDate.class), rs.getString("status_reason"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
