package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.DebitReturn;
import fr.encaisse.sepa.ReturnRoute;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code sepa_return_file} and {@code sepa_return} tables. */
@Component
class ReturnStore {

    private final JdbcClient jdbc;

    ReturnStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When and by whom a file with this content was imported, if it was. */
    Optional<String> importedAlready(UUID tenantId, String sha256) {
        return jdbc.sql("SELECT imported_at, imported_by FROM sepa_return_file WHERE tenant_id = ? AND sha256 = ?")
                .params(tenantId, sha256)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class) + " by " + rs.getString(2)).optional();
    }

    void insertFile(UUID id, UUID tenantId, String messageName, String messageId, String fileName, String sha256,
                    int transactions, int returns, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO sepa_return_file (id, tenant_id, message_name, message_id, file_name, sha256, transactions,
                               returns, imported_at, imported_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, messageName, messageId, fileName, sha256, transactions, returns, now, actor).update();
    }

    void countReturns(UUID fileId, int returns) {
        jdbc.sql("UPDATE sepa_return_file SET returns = ? WHERE id = ?").params(returns, fileId).update();
    }

    void insert(UUID tenantId, UUID fileId, DebitReturn r, UUID reversedAllocation, UUID deletedPayment, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO sepa_return (id, tenant_id, file_id, debit_id, invoice_id, end_to_end_id, kind, reason_code,
                               amount, fee, returned_on, route, mandate_revoked, reversed_allocation_id, deleted_payment_id,
                               representation_debit_id, notice_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), tenantId, fileId, r.debitId(), r.invoiceId(), r.endToEndId(), r.kind(), r.reasonCode(),
                        r.amount(), r.fee(), r.returnedOn(), r.route().name(), r.mandateRevoked(), reversedAllocation,
                        deletedPayment, r.representationDebitId(), r.noticeId(), now)
                .update();
    }

    List<DebitReturn> list(UUID tenantId, int limit) {
        return jdbc.sql("SELECT * FROM sepa_return WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(tenantId, limit)
                .query((rs, n) -> new DebitReturn(rs.getObject("id", UUID.class), rs.getObject("debit_id", UUID.class),
                        rs.getObject("invoice_id", UUID.class), rs.getString("end_to_end_id"), rs.getString("kind"),
                        rs.getString("reason_code"), rs.getBigDecimal("amount"), rs.getBigDecimal("fee"),
                        rs.getObject("returned_on", LocalDate.class), ReturnRoute.valueOf(rs.getString("route")),
                        rs.getBoolean("mandate_revoked"), rs.getObject("reversed_allocation_id") != null,
                        rs.getObject("representation_debit_id", UUID.class), rs.getObject("notice_id", UUID.class)))
                .list();
    }
}
