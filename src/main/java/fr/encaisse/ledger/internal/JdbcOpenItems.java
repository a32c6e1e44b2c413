package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.OpenInvoiceRow;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain JDBC for the streaming read. PostgreSQL: one query, a forward-only cursor with a fetch size
 * (it only streams inside a transaction, hence {@code @Transactional}). H2 has no such cursor: it
 * builds a whole result before handing it over (to a temporary file when large), its lazy mode fails
 * with "Chunk not found" on file databases (h2database issue 4142), and reaching a million rows
 * through a secondary index costs a row look-up each. So on H2 the table is read in windows of
 * {@value #H2_WINDOW} row ids, in storage order: each window is small, sequential and in memory.
 */
@Repository
class JdbcOpenItems implements OpenItems {

    private static final int FETCH_SIZE = 2_000;
    static final int H2_WINDOW = 100_000;
    private static final String COLUMNS = "SELECT id, debtor_id, due_date, open_amount, currency FROM invoice";
    private static final String FILTER = "tenant_id = ? AND kind = 'INVOICE' AND open_amount > 0 AND due_date <= ?";
    private static final int IN_CHUNK = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private volatile Boolean h2;

    JdbcOpenItems(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    @Override
    @Transactional(readOnly = true)
    public long forEachOpenInvoice(LocalDate dueOnOrBefore, Consumer<OpenInvoiceRow> action) {
        UUID tenant = TenantContext.tenantId();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (isH2(connection)) {
                return readInWindows(connection, tenant, dueOnOrBefore, action);
            }
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS + " WHERE " + FILTER,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setObject(1, tenant);
                ps.setObject(2, dueOnOrBefore);
                return consume(ps, action);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the open invoices", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long readInWindows(Connection connection, UUID tenant, LocalDate dueOnOrBefore, Consumer<OpenInvoiceRow> action)
            throws SQLException {
        long first;
        long last;
        try (PreparedStatement ps = connection.prepareStatement("SELECT MIN(_ROWID_), MAX(_ROWID_) FROM invoice");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            first = rs.getLong(1);
            last = rs.getLong(2);
        }
        long rows = 0;
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS + " USE INDEX () WHERE _ROWID_ > ? AND _ROWID_ <= ? AND "
                + FILTER)) {
            for (long from = first - 1; from < last; from += H2_WINDOW) {
                ps.setLong(1, from);
                ps.setLong(2, from + H2_WINDOW);
                ps.setObject(3, tenant);
                ps.setObject(4, dueOnOrBefore);
                rows += consume(ps, action);
            }
        }
        return rows;
    }

    private static long consume(PreparedStatement ps, Consumer<OpenInvoiceRow> action) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                action.accept(new OpenInvoiceRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5)));
                rows++;
            }
        }
        return rows;
    }

    private boolean isH2(Connection connection) throws SQLException {
        Boolean known = h2;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            h2 = known;
        }
        return known;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> openAmounts(Collection<UUID> invoiceIds) {
        Map<UUID, BigDecimal> result = new HashMap<>();
        for (List<UUID> chunk : chunks(invoiceIds)) {
            jdbc.sql("SELECT id, open_amount FROM invoice WHERE tenant_id = :tenant AND kind = 'INVOICE' AND id IN (:ids)")
                    .param("tenant", TenantContext.tenantId()).param("ids", chunk)
                    .query((ResultSet rs) -> {
                        result.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                    });
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, DebtorKind> debtorKinds(Collection<UUID> debtorIds) {
        Map<UUID, DebtorKind> result = new HashMap<>();
        for (List<UUID> chunk : chunks(debtorIds)) {
            jdbc.sql("SELECT id, kind FROM debtor WHERE tenant_id = :tenant AND id IN (:ids)")
                    .param("tenant", TenantContext.tenantId()).param("ids", chunk)
                    .query((ResultSet rs) -> {
                        result.put(rs.getObject(1, UUID.class), DebtorKind.valueOf(rs.getString(2)));
                    });
        }
        return result;
    }

    /** A join on a VALUES list: H2 reads every row of the tenant for {@code reference IN (…)}. */
    @Override
    @Transactional(readOnly = true)
    public List<Payment> paymentsByReference(PaymentMethod method, Collection<String> references) {
        List<Payment> found = new ArrayList<>();
        for (List<String> chunk : chunks(new LinkedHashSet<>(references))) {
            List<Object> params = new ArrayList<>(chunk);
            params.add(TenantContext.tenantId());
            params.add(method.name());
            found.addAll(jdbc.sql("SELECT p.* FROM (VALUES " + String.join(", ", Collections.nCopies(chunk.size(),
                            "(CAST(? AS VARCHAR(140)))")) + ") AS v(ref) JOIN payment p ON p.reference = v.ref"
                            + " WHERE p.tenant_id = ? AND p.method = ?")
                    .params(params).query(PaymentStore::payment).list());
        }
        return found;
    }

    private static <T> List<List<T>> chunks(Collection<T> ids) {
        List<T> all = new ArrayList<>(ids);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachDebtor(Consumer<DebtorName> action) {
        streaming.query("SELECT id, reference, legal_name FROM debtor WHERE tenant_id = ?",
                rs -> {
                    action.accept(new DebtorName(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                },
                TenantContext.tenantId());
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachOpenInvoice(Consumer<OpenInvoice> action) {
        streaming.query("""
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
    @Transactional(readOnly = true)
    public void forEachOpenCreditNote(Consumer<OpenCreditNote> action) {
        streaming.query("""
                SELECT id, debtor_id, number, currency, open_amount
                FROM invoice WHERE tenant_id = ? AND kind = 'CREDIT_NOTE' AND open_amount > 0""",
                rs -> {
                    action.accept(new OpenCreditNote(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
                },
                TenantContext.tenantId());
    }
}
