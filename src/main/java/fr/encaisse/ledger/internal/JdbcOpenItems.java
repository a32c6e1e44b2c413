package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.OpenItems;
import fr.encaisse.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams rows with a fetch size, so a tenant with a million open invoices is read without
 * holding the result set in memory (PostgreSQL streams only inside a transaction, hence
 * {@code @Transactional}).
 */
@Repository
@Transactional(readOnly = true)
class JdbcOpenItems implements OpenItems {

    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;

    JdbcOpenItems(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    @Override
    public void forEachDebtor(Consumer<DebtorName> action) {
        jdbc.query("SELECT id, reference, legal_name FROM debtor WHERE tenant_id = ?",
                rs -> {
                    action.accept(new DebtorName(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                },
                TenantContext.tenantId());
    }

    @Override
    public void forEachOpenInvoice(Consumer<OpenInvoice> action) {
        jdbc.query("""
                SELECT id, debtor_id, number, currency, amount_incl_tax, open_amount, issue_date, due_date
                FROM invoice WHERE tenant_id = ? AND kind = 'INVOICE' AND open_amount > 0
                ORDER BY debtor_id, due_date""",
                rs -> {
                    action.accept(new OpenInvoice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class)));
                },
                TenantContext.tenantId());
    }

    @Override
    public void forEachOpenCreditNote(Consumer<OpenCreditNote> action) {
        jdbc.query("""
                SELECT id, debtor_id, number, currency, open_amount
                FROM invoice WHERE tenant_id = ? AND kind = 'CREDIT_NOTE' AND open_amount > 0""",
                rs -> {
                    action.accept(new OpenCreditNote(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
                },
                TenantContext.tenantId());
    }
}
