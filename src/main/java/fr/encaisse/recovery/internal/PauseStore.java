package fr.encaisse.recovery.internal;

import fr.encaisse.recovery.Pause;
import fr.encaisse.recovery.PauseReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PauseStore {

    private final JdbcClient jdbc;

    PauseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID tenantId, Pause p) {
        jdbc.sql("""
                INSERT INTO recovery_pause (id, tenant_id, reason, debtor_id, invoice_id, starts_on, ends_on, source_id,
                    source_ref, note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), tenantId, p.reason().name(), p.debtorId(), p.invoiceId(), p.startsOn(), p.endsOn(),
                        p.sourceId(), p.sourceRef(), p.note(), p.createdBy(), p.createdAt())
                .update();
    }

    /** Not lifted and not ended before the day: {@link Pause#activeOn} decides the rest. */
    List<Pause> live(UUID tenantId, LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM recovery_pause WHERE tenant_id = ? AND lifted_at IS NULL AND (ends_on IS NULL OR ends_on >= ?)
                ORDER BY created_at DESC, id""")
                .params(tenantId, on).query(PauseStore::map).list();
    }

    List<Pause> liveOfDebtor(UUID tenantId, UUID debtorId, LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM recovery_pause WHERE tenant_id = ? AND debtor_id = ? AND lifted_at IS NULL
                  AND (ends_on IS NULL OR ends_on >= ?) ORDER BY created_at, id""")
                .params(tenantId, debtorId, on).query(PauseStore::map).list();
    }

    Optional<Pause> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM recovery_pause WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(PauseStore::map).optional();
    }

    List<Pause> liveBySource(UUID tenantId, UUID sourceId) {
        return jdbc.sql("SELECT * FROM recovery_pause WHERE tenant_id = ? AND source_id = ? AND lifted_at IS NULL")
                .params(tenantId, sourceId).query(PauseStore::map).list();
    }

    List<Pause> liveByRef(UUID tenantId, PauseReason reason, String ref) {
        return jdbc.sql("SELECT * FROM recovery_pause WHERE tenant_id = ? AND reason = ? AND source_ref = ? AND lifted_at IS NULL")
                .params(tenantId, reason.name(), ref).query(PauseStore::map).list();
    }

    void lift(UUID tenantId, UUID id, String actor, OffsetDateTime now) {
        jdbc.sql("UPDATE recovery_pause SET lifted_at = ?, lifted_by = ? WHERE tenant_id = ? AND id = ? AND lifted_at IS NULL")
                .params(now, actor, tenantId, id).update();
    }

    static Pause map(ResultSet rs, int row) throws SQLException {
        return new Pause(rs.getObject("id", UUID.class), PauseReason.valueOf(rs.getString("reason")),
                rs.getObject("debtor_id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("source_id", UUID.class), rs.getString("source_ref"), rs.getString("note"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("lifted_at", OffsetDateTime.class));
    }
}
