package fr.encaisse.documents.internal;

import fr.encaisse.documents.DeliveryOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code registered_letter} rows: what is recorded of each registered letter the outbox sent, per tenant. */
@Repository
class RegisteredLetterStore {

    /** One row: posted (always), and the returned card once recorded (both null before). */
    record Lrar(UUID messageId, String trackingNumber, LocalDate postedOn, LocalDate acknowledgedOn, DeliveryOutcome outcome) {
    }

    private final JdbcClient jdbc;

    RegisteredLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Lrar> find(UUID tenantId, UUID messageId) {
        return jdbc.sql("SELECT * FROM registered_letter WHERE tenant_id = ? AND message_id = ?")
                .params(tenantId, messageId).query(RegisteredLetterStore::map).optional();
    }

    /** The debtor's records by message id. */
    Map<UUID, Lrar> ofDebtor(UUID tenantId, UUID debtorId) {
        return jdbc.sql("SELECT * FROM registered_letter WHERE tenant_id = ? AND debtor_id = ?")
                .params(tenantId, debtorId).query(RegisteredLetterStore::map).list().stream()
                .collect(Collectors.toMap(Lrar::messageId, l -> l));
    }

    /** A concurrent first recording of the same letter fails on the primary key (409), never overwrites. */
    void posted(UUID tenantId, UUID messageId, UUID debtorId, String trackingNumber, LocalDate postedOn, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO registered_letter (tenant_id, message_id, debtor_id, tracking_number, posted_on, posted_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(tenantId, messageId, debtorId, trackingNumber, postedOn, now).update();
    }

    /** Only where no card is recorded yet: returns false when another transaction recorded one first. */
    boolean acknowledged(UUID tenantId, UUID messageId, LocalDate on, DeliveryOutcome outcome, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE registered_letter SET acknowledged_on = ?, outcome = ?, acknowledged_at = ?
                WHERE tenant_id = ? AND message_id = ? AND outcome IS NULL""")
                .params(on, outcome.name(), now, tenantId, messageId).update() == 1;
    }

    private static Lrar map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Lrar(rs.getObject("message_id", UUID.class), rs.getString("tracking_number"),
                rs.getObject("posted_on", LocalDate.class), rs.getObject("acknowledged_on", LocalDate.class),
                outcome == null ? null : DeliveryOutcome.valueOf(outcome));
    }
}
