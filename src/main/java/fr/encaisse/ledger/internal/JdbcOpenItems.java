package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.OpenInvoiceRow;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain JDBC for the streaming read: a forward-only cursor with a fetch size (PostgreSQL only
 * streams inside a transaction, hence {@code @Transactional}), and H2's lazy execution so that
 * H2 does not first copy the whole result to a temporary file.
 */
@Repository
class JdbcOpenItems implements OpenItems {

    private static final int FETCH_SIZE = 2_000;
    private static final int IN_CHUNK = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    JdbcOpenItems(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public long forEachOpenInvoice(LocalDate dueOnOrBefore, Consumer<OpenInvoiceRow> action) {
        UUID tenant = TenantContext.tenantId();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean h2 = false;
        try {
            h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            if (h2) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
            long rows = 0;
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT id, debtor_id, due_date, open_amount, currency FROM invoice
                    WHERE tenant_id = ? AND kind = 'INVOICE' AND open_amount > 0 AND due_date <= ?""",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setObject(1, tenant);
                ps.setObject(2, dueOnOrBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(new OpenInvoiceRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5)));
                        rows++;
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the open invoices", e);
        } finally {
            if (h2) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET LAZY_QUERY_EXECUTION FALSE");
                } catch (SQLException ignored) {
                    // the connection is going back to the pool either way
                }
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }
}
