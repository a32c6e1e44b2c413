package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.DebitBatch;
import fr.encaisse.sepa.DebitBatch.DebitBatchStatus;
import fr.encaisse.sepa.Pain008Summary;
import fr.encaisse.sepa.PainVersion;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SequenceType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code sepa_batch} and {@code sepa_batch_block} tables: pain.008 files as written. */
@Component
class BatchStore {

    private static final String COLUMNS = "id, tenant_id, message_id, pain_version, status, created_on, number_of_transactions,"
            + " control_sum, first_collection_date, last_collection_date, latest_submission_date, file_name, sha256,"
            + " submitted_on, created_at, created_by";

    /** A batch row without its content. */
    record Row(UUID id, UUID tenantId, String messageId, PainVersion version, DebitBatchStatus status, LocalDate createdOn,
               long numberOfTransactions, BigDecimal controlSum, LocalDate firstCollectionDate,
               LocalDate lastCollectionDate, LocalDate latestSubmissionDate, String fileName, String sha256,
               LocalDate submittedOn, OffsetDateTime createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row b, byte[] content) {
        jdbc.sql("""
                        INSERT INTO sepa_batch (id, tenant_id, message_id, pain_version, status, created_on, number_of_transactions,
                               control_sum, first_collection_date, last_collection_date, latest_submission_date, file_name, sha256,
                               content, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.tenantId(), b.messageId(), b.version().name(), b.status().name(), b.createdOn(),
                        b.numberOfTransactions(), b.controlSum(), b.firstCollectionDate(), b.lastCollectionDate(),
                        b.latestSubmissionDate(), b.fileName(), b.sha256(), content, b.createdAt(), b.createdBy())
                .update();
    }

    void insertBlock(UUID tenantId, UUID batchId, Pain008Summary.PaymentInformation p) {
        jdbc.sql("""
                        INSERT INTO sepa_batch_block (tenant_id, batch_id, payment_information_id, collection_date, scheme,
                               sequence_type, number_of_transactions, control_sum)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, batchId, p.paymentInformationId(), p.collectionDate(), p.scheme().name(),
                        p.sequenceType().name(), p.numberOfTransactions(), p.controlSum())
                .update();
    }

    Optional<Row> find(UUID tenantId, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sepa_batch WHERE tenant_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(BatchStore::row).optional();
    }

    Optional<Row> byMessageId(UUID tenantId, String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sepa_batch WHERE tenant_id = ? AND message_id = ?")
                .params(tenantId, messageId).query(BatchStore::row).optional();
    }

    List<Row> list(UUID tenantId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sepa_batch WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(tenantId, limit).query(BatchStore::row).list();
    }

    List<Pain008Summary.PaymentInformation> blocks(UUID tenantId, UUID batchId) {
        return jdbc.sql("SELECT * FROM sepa_batch_block WHERE tenant_id = ? AND batch_id = ? ORDER BY payment_information_id")
                .params(tenantId, batchId)
                .query((rs, n) -> new Pain008Summary.PaymentInformation(rs.getString("payment_information_id"),
                        rs.getObject("collection_date", LocalDate.class), Scheme.valueOf(rs.getString("scheme")),
                        SequenceType.valueOf(rs.getString("sequence_type")), rs.getLong("number_of_transactions"),
                        rs.getBigDecimal("control_sum")))
                .list();
    }

    byte[] content(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT content FROM sepa_batch WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    void submitted(UUID tenantId, UUID id, LocalDate on, String actor, OffsetDateTime now) {
        jdbc.sql("UPDATE sepa_batch SET status = 'SUBMITTED', submitted_on = ?, submitted_at = ?, submitted_by = ?"
                        + " WHERE tenant_id = ? AND id = ?")
                .params(on, now, actor, tenantId, id).update();
    }

    void discarded(UUID tenantId, UUID id) {
        jdbc.sql("UPDATE sepa_batch SET status = 'DISCARDED' WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    DebitBatch view(Row b) {
        return new DebitBatch(b.id(), b.messageId(), b.version(), b.status(), b.createdOn(), b.numberOfTransactions(),
                b.controlSum(), b.firstCollectionDate(), b.lastCollectionDate(), b.latestSubmissionDate(), b.fileName(),
                b.sha256(), b.submittedOn(), blocks(b.tenantId(), b.id()), b.createdAt(), b.createdBy());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("message_id"),
                PainVersion.valueOf(rs.getString("pain_version")), DebitBatchStatus.valueOf(rs.getString("status")),
                rs.getObject("created_on", LocalDate.class), rs.getLong("number_of_transactions"),
                rs.getBigDecimal("control_sum"), rs.getObject("first_collection_date", LocalDate.class),
                rs.getObject("last_collection_date", LocalDate.class), rs.getObject("latest_submission_date", LocalDate.class),
                rs.getString("file_name"), rs.getString("sha256"), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
