package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.CreditNoteStatus;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.InvoiceStatus;
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

/**
 * Invoices and credit notes: the debtor's open items, in one table ({@code kind} tells them
 * apart) because both are settled through allocations and both make up the balance.
 */
@Repository
class OpenItemStore {

    static final String INVOICE = "INVOICE";
    static final String CREDIT_NOTE = "CREDIT_NOTE";

    private final JdbcClient jdbc;

    OpenItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertInvoice(UUID tenantId, UUID id, InvoiceDraft d, OffsetDateTime now) {
        insert(tenantId, id, INVOICE, d.debtorId(), d.number(), d.issueDate(), d.dueDate(), d.paymentTerms(), d.currency(),
                d.amountExclTax(), d.vatAmount(), d.amountInclTax(), d.poReference(), InvoiceStatus.OPEN.name(), now);
    }

    void insertCreditNote(UUID tenantId, UUID id, CreditNoteDraft d, OffsetDateTime now) {
        insert(tenantId, id, CREDIT_NOTE, d.debtorId(), d.number(), d.issueDate(), d.issueDate(), null, d.currency(),
                d.amountExclTax(), d.vatAmount(), d.amountInclTax(), null, CreditNoteStatus.OPEN.name(), now);
    }

    private void insert(UUID tenantId, UUID id, String kind, UUID debtorId, String number, LocalDate issue, LocalDate due,
                        String terms, String currency, BigDecimal excl, BigDecimal vat, BigDecimal incl, String po,
                        String status, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO invoice (id, tenant_id, debtor_id, kind, number, issue_date, due_date, payment_terms, currency,
                    amount_excl_tax, vat_amount, amount_incl_tax, open_amount, po_reference, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, debtorId, kind, number.trim(), issue, due, terms, currency, excl, vat, incl, incl, po,
                        status, now, now)
                .update();
    }

    void updateInvoice(UUID tenantId, UUID id, InvoiceDraft d, BigDecimal open, InvoiceStatus status, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE invoice SET number = ?, issue_date = ?, due_date = ?, payment_terms = ?, currency = ?,
                    amount_excl_tax = ?, vat_amount = ?, amount_incl_tax = ?, open_amount = ?, po_reference = ?, status = ?,
                    updated_at = ?
                WHERE tenant_id = ? AND id = ? AND kind = 'INVOICE'""")
                .params(d.number().trim(), d.issueDate(), d.dueDate(), d.paymentTerms(), d.currency(), d.amountExclTax(),
                        d.vatAmount(), d.amountInclTax(), open, d.poReference(), status.name(), now, tenantId, id)
                .update();
    }

    void setOpen(UUID tenantId, UUID id, BigDecimal open, String status, OffsetDateTime now) {
        jdbc.sql("UPDATE invoice SET open_amount = ?, status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(open, status, now, tenantId, id).update();
    }

    boolean delete(UUID tenantId, UUID id, String kind) {
        return jdbc.sql("DELETE FROM invoice WHERE tenant_id = ? AND id = ? AND kind = ?").params(tenantId, id, kind).update() == 1;
    }

    Optional<Invoice> invoice(UUID tenantId, UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM invoice WHERE tenant_id = ? AND id = ? AND kind = 'INVOICE'" + (forUpdate ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(OpenItemStore::invoice).optional();
    }

    Optional<Invoice> invoiceByNumber(UUID tenantId, String number) {
        return jdbc.sql("SELECT * FROM invoice WHERE tenant_id = ? AND number = ? AND kind = 'INVOICE'")
                .params(tenantId, number).query(OpenItemStore::invoice).optional();
    }

    Optional<CreditNote> creditNote(UUID tenantId, UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM invoice WHERE tenant_id = ? AND id = ? AND kind = 'CREDIT_NOTE'" + (forUpdate ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(OpenItemStore::creditNote).optional();
    }

    Optional<CreditNote> creditNoteByNumber(UUID tenantId, String number) {
        return jdbc.sql("SELECT * FROM invoice WHERE tenant_id = ? AND number = ? AND kind = 'CREDIT_NOTE'")
                .params(tenantId, number).query(OpenItemStore::creditNote).optional();
    }

    boolean numberTaken(UUID tenantId, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM invoice WHERE tenant_id = ? AND number = ?").params(tenantId, number.trim())
                .query(Long.class).single() > 0;
    }

    /** Keyset page over (due_date, id), served by the (tenant_id, kind[, status], due_date, id) indexes. */
    Slice<Invoice> invoices(UUID tenantId, InvoiceQuery q, LocalDate today, int limit, Cursor after) {
        StringBuilder sql = new StringBuilder("SELECT * FROM invoice WHERE tenant_id = :tenant AND kind = 'INVOICE'");
        if (q.status() != null) {
            sql.append(" AND status = :status");
        }
        if (q.debtorId() != null) {
            sql.append(" AND debtor_id = :debtor");
        }
        if (q.dueFrom() != null) {
            sql.append(" AND due_date >= :dueFrom");
        }
        if (q.dueTo() != null) {
            sql.append(" AND due_date <= :dueTo");
        }
        if (q.overdueOnly()) {
            sql.append(" AND open_amount > 0 AND due_date < :today");
        }
        if (after != null) {
            // ">=" first gives the index a range to start from; an OR alone makes H2 scan from the start.
            sql.append(" AND due_date >= :afterDue AND (due_date > :afterDue OR id > :afterId)");
        }
        sql.append(" ORDER BY due_date, id LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("tenant", tenantId).param("limit", limit + 1);
        if (q.status() != null) {
            spec = spec.param("status", q.status().name());
        }
        if (q.debtorId() != null) {
            spec = spec.param("debtor", q.debtorId());
        }
        if (q.dueFrom() != null) {
            spec = spec.param("dueFrom", q.dueFrom());
        }
        if (q.dueTo() != null) {
            spec = spec.param("dueTo", q.dueTo());
        }
        if (q.overdueOnly()) {
            spec = spec.param("today", today);
        }
        if (after != null) {
            spec = spec.param("afterDue", LocalDate.parse(after.key())).param("afterId", after.id());
        }
        return DebtorStore.page(spec.query(OpenItemStore::invoice).list(), limit,
                i -> new Cursor(i.dueDate().toString(), i.id()));
    }

    Slice<CreditNote> creditNotes(UUID tenantId, UUID debtorId, int limit, Cursor after) {
        String sql = "SELECT * FROM invoice WHERE tenant_id = :tenant AND kind = 'CREDIT_NOTE'"
                + (debtorId != null ? " AND debtor_id = :debtor" : "")
                + (after != null ? " AND due_date >= :afterDate AND (due_date > :afterDate OR id > :afterId)" : "")
                + " ORDER BY due_date, id LIMIT :limit";
        var spec = jdbc.sql(sql).param("tenant", tenantId).param("limit", limit + 1);
        if (debtorId != null) {
            spec = spec.param("debtor", debtorId);
        }
        if (after != null) {
            spec = spec.param("afterDate", LocalDate.parse(after.key())).param("afterId", after.id());
        }
        return DebtorStore.page(spec.query(OpenItemStore::creditNote).list(), limit, c -> new Cursor(c.issueDate().toString(), c.id()));
    }

    static Invoice invoice(ResultSet rs, int row) throws SQLException {
        return new Invoice(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class), rs.getString("number"),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getString("payment_terms"), rs.getString("currency"), rs.getBigDecimal("amount_excl_tax"),
                rs.getBigDecimal("vat_amount"), rs.getBigDecimal("amount_incl_tax"), rs.getBigDecimal("open_amount"),
                rs.getString("po_reference"), InvoiceStatus.valueOf(rs.getString("status")));
    }

    static CreditNote creditNote(ResultSet rs, int row) throws SQLException {
        return new CreditNote(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class), rs.getString("number"),
                rs.getObject("issue_date", LocalDate.class), rs.getString("currency"), rs.getBigDecimal("amount_excl_tax"),
                rs.getBigDecimal("vat_amount"), rs.getBigDecimal("amount_incl_tax"), rs.getBigDecimal("open_amount"),
                CreditNoteStatus.valueOf(rs.getString("status")));
    }
}
