package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.SepaNotice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code sepa_notice} table: debtor notices, rendered when queued (what they say is fixed by
 * then: amount, date, UMR, ICS) and sent afterwards, outside the transaction that queued them.
 */
@Component
class NoticeStore {

    static final String PRENOTIFICATION = "PRENOTIFICATION";
    static final String RETURN = "RETURN";

    /** What the sender needs of a claimed notice. */
    record Claimed(UUID id, UUID tenantId, UUID debtorId, UUID debitId, String kind, String recipient, String subject,
                   String text, String html, int attempts) {
    }

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID queue(UUID tenantId, UUID debtorId, UUID debitId, String kind, NoticeComposer.Rendered r, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        boolean deliverable = r.recipient() != null;
        jdbc.sql("""
                        INSERT INTO sepa_notice (id, tenant_id, debtor_id, debit_id, kind, language, recipient, subject, body_text,
                               body_html, status, attempts, next_attempt_at, last_error, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(id, tenantId, debtorId, debitId, kind, r.language(), r.recipient(), r.subject(), r.text(), r.html(),
                        deliverable ? "QUEUED" : "DEAD", now, deliverable ? null : "the debtor has no email address", now)
                .update();
        return id;
    }

    /**
     * Claims due notices (queued, failed and due again, or claimed so long ago that their sender
     * died), skipping those another node holds; they are leased for ten minutes.
     */
    List<Claimed> claim(UUID tenantIdOrNull, OffsetDateTime now, int limit) {
        List<UUID> ids = jdbc.sql("SELECT id FROM sepa_notice WHERE status IN ('QUEUED', 'FAILED', 'SENDING')"
                        + " AND next_attempt_at <= :now" + (tenantIdOrNull == null ? "" : " AND tenant_id = :tenant")
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", now).param("tenant", tenantIdOrNull).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE sepa_notice SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = :lease WHERE id IN (:ids)")
                .param("lease", now.plusMinutes(10)).param("ids", ids).update();
        return jdbc.sql("SELECT * FROM sepa_notice WHERE id IN (:ids) ORDER BY created_at").param("ids", ids)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getObject("debtor_id", UUID.class), rs.getObject("debit_id", UUID.class), rs.getString("kind"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), rs.getInt("attempts")))
                .list();
    }

    void sent(UUID id, byte[] content, String sha256, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_notice SET status = 'SENT', content = ?, content_sha256 = ?, sent_at = ?, last_error = NULL WHERE id = ?")
                .params(content, sha256, now, id).update();
    }

    void failed(UUID id, String status, String error, OffsetDateTime next) {
        jdbc.sql("UPDATE sepa_notice SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(status, error.length() > 1000 ? error.substring(0, 1000) : error, next, id).update();
    }

    Optional<String> status(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT status FROM sepa_notice WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(String.class).optional();
    }

    List<SepaNotice> list(UUID tenantId, UUID debitIdOrNull, int limit) {
        return jdbc.sql("SELECT * FROM sepa_notice WHERE tenant_id = :tenant"
                        + (debitIdOrNull == null ? "" : " AND debit_id = :debit")
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("tenant", tenantId).param("debit", debitIdOrNull).param("limit", limit)
                .query(NoticeStore::view).list();
    }

    private static SepaNotice view(ResultSet rs, int n) throws SQLException {
        return new SepaNotice(rs.getObject("id", UUID.class), rs.getObject("debit_id", UUID.class),
                rs.getObject("debtor_id", UUID.class), rs.getString("kind"), rs.getString("language"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("content_sha256"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }
}
