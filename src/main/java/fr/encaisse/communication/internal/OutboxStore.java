package fr.encaisse.communication.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.OutboundMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox_message} table. */
@Repository
class OutboxStore {

    /** A message as the sender needs it. */
    record Row(UUID id, UUID tenantId, UUID debtorId, Channel channel, String template, List<UUID> invoiceIds,
               boolean listAllOverdue, LocalDate asOf, LocalDate deadline, boolean attachLetter, String sourceType,
               UUID sourceId, MessageStatus status, int attempts) {
    }

    private static final String COLUMNS = "id, tenant_id, debtor_id, channel, template, invoice_ids, list_overdue, as_of, "
            + "deadline, attach_letter, source_type, source_id, status, attempts";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the source already has a message on that channel; returns the message's id either way. */
    UUID insert(UUID tenantId, OutboundMessage m, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO outbox_message (id, tenant_id, debtor_id, channel, template, invoice_ids, list_overdue, as_of,
                    deadline, attach_letter, source_type, source_id, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(id, tenantId, m.debtorId(), m.channel().name(), m.template(), ids(m.invoiceIds()), m.listAllOverdue(),
                        m.asOf(), m.deadline(), m.attachLetter(), m.sourceType(), m.sourceId(), now, now)
                .update();
        if (inserted == 1) {
            return id;
        }
        return jdbc.sql("SELECT id FROM outbox_message WHERE tenant_id = ? AND source_type = ? AND source_id = ? AND channel = ?")
                .params(tenantId, m.sourceType(), m.sourceId(), m.channel().name()).query(UUID.class).single();
    }

    /**
     * Claims due messages for this caller: locked rows of another sender are skipped, the claimed
     * ones become SENDING in the caller's transaction.
     */
    List<Row> claim(UUID tenantIdOrNull, OffsetDateTime now, int limit) {
        List<UUID> ids = jdbc.sql("SELECT id FROM outbox_message WHERE status IN ('QUEUED', 'FAILED') AND next_attempt_at <= :now"
                        + (tenantIdOrNull == null ? "" : " AND tenant_id = :tenant")
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", now).param("tenant", tenantIdOrNull).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE outbox_message SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                .param("now", now).param("ids", ids).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id IN (:ids) ORDER BY next_attempt_at, id")
                .param("ids", ids).query(OutboxStore::row).list();
    }

    /** A sender that died mid-send left SENDING rows: after the timeout they are retried. */
    int releaseStale(OffsetDateTime claimedBefore) {
        return jdbc.sql("""
                UPDATE outbox_message SET status = 'FAILED', last_error = 'interrupted while sending; retried'
                WHERE status = 'SENDING' AND claimed_at < ?""").param(claimedBefore).update();
    }

    void sent(UUID id, String recipient, String subject, byte[] content, String contentType, String sha256,
              UUID printBatchId, UUID callTaskId, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE outbox_message SET status = 'SENT', recipient = ?, subject = ?, content = ?, content_type = ?,
                    content_sha256 = ?, print_batch_id = ?, call_task_id = ?, sent_at = ?, last_error = NULL
                WHERE id = ?""")
                .params(recipient, subject, content, contentType, sha256, printBatchId, callTaskId, now, id).update();
    }

    void finish(UUID id, MessageStatus status, String error, OffsetDateTime nextAttempt) {
        jdbc.sql("UPDATE outbox_message SET status = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?")
                .params(status.name(), error == null ? null : truncate(error), nextAttempt, id).update();
    }

    void requeue(UUID tenantId, UUID id, OffsetDateTime now) {
        jdbc.sql("UPDATE outbox_message SET status = 'QUEUED', next_attempt_at = ?, attempts = 0 WHERE tenant_id = ? AND id = ?")
                .params(now, tenantId, id).update();
    }

    void bounced(UUID tenantId, UUID id, String reason) {
        jdbc.sql("UPDATE outbox_message SET status = 'BOUNCED', last_error = ? WHERE tenant_id = ? AND id = ?")
                .params(truncate(reason), tenantId, id).update();
    }

    Optional<Message> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM outbox_message WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(OutboxStore::message).optional();
    }

    Optional<byte[]> content(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT content FROM outbox_message WHERE tenant_id = ? AND id = ? AND content IS NOT NULL")
                .params(tenantId, id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    List<Message> list(UUID tenantId, List<MessageStatus> statuses, UUID debtorId, int limit) {
        return jdbc.sql("SELECT * FROM outbox_message WHERE tenant_id = :tenant"
                        + (statuses.isEmpty() ? "" : " AND status IN (:statuses)")
                        + (debtorId == null ? "" : " AND debtor_id = :debtor")
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("tenant", tenantId).param("statuses", statuses.stream().map(Enum::name).toList())
                .param("debtor", debtorId).param("limit", limit)
                .query(OutboxStore::message).list();
    }

    List<Message> ofDebtor(UUID tenantId, UUID debtorId) {
        return jdbc.sql("SELECT * FROM outbox_message WHERE tenant_id = ? AND debtor_id = ? ORDER BY created_at, id")
                .params(tenantId, debtorId).query(OutboxStore::message).list();
    }

    int count(UUID tenantId, List<MessageStatus> statuses) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = :tenant AND status IN (:statuses)")
                .param("tenant", tenantId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Integer.class).single();
    }

    static String ids(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    static List<UUID> parseIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(text.split(",")).map(UUID::fromString).toList());
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("debtor_id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getString("template"),
                parseIds(rs.getString("invoice_ids")), rs.getBoolean("list_overdue"), rs.getObject("as_of", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getBoolean("attach_letter"), rs.getString("source_type"),
                rs.getObject("source_id", UUID.class), MessageStatus.valueOf(rs.getString("status")), rs.getInt("attempts"));
    }

    static Message message(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("template"), parseIds(rs.getString("invoice_ids")),
                rs.getObject("as_of", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                MessageStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("content_type"), rs.getString("content_sha256"),
                rs.getObject("print_batch_id", UUID.class), rs.getObject("call_task_id", UUID.class),
                rs.getString("source_type"), rs.getObject("source_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }
}
