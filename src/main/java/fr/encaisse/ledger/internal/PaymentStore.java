package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.ledger.Slice;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments received and the allocations that spread them (and credit notes) over invoices. */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID tenantId, UUID id, PaymentDraft d, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO payment (id, tenant_id, debtor_id, received_on, amount, currency, unallocated_amount, method,
                    reference, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, d.debtorId(), d.receivedOn(), d.amount(), d.currency(), d.amount(),
                        d.method().name(), d.reference(), now)
                .update();
    }

    Optional<Payment> find(UUID tenantId, UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM payment WHERE tenant_id = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(PaymentStore::payment).optional();
    }

    void setUnallocated(UUID tenantId, UUID id, BigDecimal unallocated) {
        jdbc.sql("UPDATE payment SET unallocated_amount = ? WHERE tenant_id = ? AND id = ?").params(unallocated, tenantId, id).update();
    }

    boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("DELETE FROM payment WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() == 1;
    }

    Slice<Payment> list(UUID tenantId, UUID debtorId, int limit, Cursor after) {
        String sql = "SELECT * FROM payment WHERE tenant_id = :tenant"
                + (debtorId != null ? " AND debtor_id = :debtor" : "")
                + (after != null ? " AND received_on >= :afterDate AND (received_on > :afterDate OR id > :afterId)" : "")
                + " ORDER BY received_on, id LIMIT :limit";
        var spec = jdbc.sql(sql).param("tenant", tenantId).param("limit", limit + 1);
        if (debtorId != null) {
            spec = spec.param("debtor", debtorId);
        }
        if (after != null) {
            spec = spec.param("afterDate", LocalDate.parse(after.key())).param("afterId", after.id());
        }
        return DebtorStore.page(spec.query(PaymentStore::payment).list(), limit, p -> new Cursor(p.receivedOn().toString(), p.id()));
    }

    void insertAllocation(UUID tenantId, Allocation a, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO allocation (id, tenant_id, invoice_id, payment_id, credit_note_id, amount, allocated_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), tenantId, a.invoiceId(), a.paymentId(), a.creditNoteId(), a.amount(), a.allocatedOn(), now)
                .update();
    }

    Optional<Allocation> allocation(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM allocation WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(PaymentStore::allocation).optional();
    }

    List<Allocation> allocationsWhere(UUID tenantId, String column, UUID id) {
        return jdbc.sql("SELECT * FROM allocation WHERE tenant_id = ? AND " + column + " = ? ORDER BY allocated_on, created_at")
                .params(tenantId, id).query(PaymentStore::allocation).list();
    }

    boolean deleteAllocation(UUID tenantId, UUID id) {
        return jdbc.sql("DELETE FROM allocation WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() == 1;
    }

    static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getBigDecimal("unallocated_amount"), PaymentMethod.valueOf(rs.getString("method")), rs.getString("reference"));
    }

    private static Allocation allocation(ResultSet rs, int row) throws SQLException {
        return new Allocation(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getObject("payment_id", UUID.class), rs.getObject("credit_note_id", UUID.class), rs.getBigDecimal("amount"),
                rs.getObject("allocated_on", LocalDate.class));
    }
}
