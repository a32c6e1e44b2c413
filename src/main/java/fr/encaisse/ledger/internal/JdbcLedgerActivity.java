package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.LedgerActivity;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.ledger.Slice;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rows by the day they were recorded (their {@code created_at} in the tenant's zone), keyset-paged. */
@Service
@Transactional(readOnly = true)
class JdbcLedgerActivity implements LedgerActivity {

    private final JdbcClient jdbc;
    private final Tenants tenants;

    JdbcLedgerActivity(JdbcClient jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Override
    public Slice<Payment> paymentsRecorded(LocalDate from, LocalDate to, int limit, String after) {
        return recordedBetween("payment", from, to, limit, after, (rs, zone) -> payment(rs), Payment::id);
    }

    @Override
    public Slice<RecordedAllocation> allocationsRecorded(LocalDate from, LocalDate to, int limit, String after) {
        return recordedBetween("allocation", from, to, limit, after, JdbcLedgerActivity::recorded, r -> r.allocation().id());
    }

    /** Reads one row of {@code table} in the tenant's zone. */
    private interface RowReader<T> {
        T read(ResultSet rs, ZoneId zone) throws SQLException;
    }

    /** Rows of {@code table} recorded from {@code from} to {@code to} (days in the tenant's zone), keyset-paged on (created_at, id). */
    private <T> Slice<T> recordedBetween(String table, LocalDate from, LocalDate to, int limit, String after, RowReader<T> reader,
                                         Function<T, UUID> idOf) {
        UUID tenant = TenantContext.tenantId();
        ZoneId zone = tenants.get(tenant).timeZone();
        Cursor cursor = after == null ? null : Cursor.decode(after);
        int size = Cursor.limit(limit);
        List<Map.Entry<T, OffsetDateTime>> rows = jdbc.sql("""
                        SELECT * FROM %s WHERE tenant_id = :tenant AND created_at >= :start AND created_at < :end
                          AND (CAST(:afterAt AS TIMESTAMP WITH TIME ZONE) IS NULL OR created_at > :afterAt
                               OR (created_at = :afterAt AND id > :afterId))
                        ORDER BY created_at, id LIMIT :limit""".formatted(table))
                .param("tenant", tenant).param("start", from.atStartOfDay(zone).toOffsetDateTime())
                .param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .param("afterAt", cursor == null ? null : OffsetDateTime.parse(cursor.key()))
                .param("afterId", cursor == null ? null : cursor.id()).param("limit", size + 1)
                .query((rs, n) -> Map.entry(reader.read(rs, zone), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        Slice<Map.Entry<T, OffsetDateTime>> page = DebtorStore.page(rows, size,
                r -> new Cursor(r.getValue().toString(), idOf.apply(r.getKey())));
        return new Slice<>(page.items().stream().map(Map.Entry::getKey).toList(), page.nextCursor());
    }

    @Override
    public List<RecordedAllocation> allocationsOfPayments(Collection<UUID> paymentIds) {
        UUID tenant = TenantContext.tenantId();
        ZoneId zone = tenants.get(tenant).timeZone();
        List<RecordedAllocation> found = new ArrayList<>();
        for (List<UUID> part : chunks(paymentIds)) {
            List<Object> params = new ArrayList<>(part);
            params.add(tenant);
            found.addAll(jdbc.sql("SELECT a.* FROM " + values(part.size())
                            + " JOIN allocation a ON a.tenant_id = ? AND a.payment_id = v.id ORDER BY a.created_at, a.id")
                    .params(params).query((rs, n) -> recorded(rs, zone)).list());
        }
        return found;
    }

    @Override
    public Map<UUID, LocalDate> paymentsRecordedOn(Collection<UUID> paymentIds) {
        UUID tenant = TenantContext.tenantId();
        ZoneId zone = tenants.get(tenant).timeZone();
        Map<UUID, LocalDate> found = new HashMap<>();
        for (List<UUID> part : chunks(paymentIds)) {
            List<Object> params = new ArrayList<>(part);
            params.add(tenant);
            jdbc.sql("SELECT p.id, p.created_at FROM " + values(part.size()) + " JOIN payment p ON p.tenant_id = ? AND p.id = v.id")
                    .params(params)
                    .query((rs, n) -> found.put(rs.getObject(1, UUID.class),
                            rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate()))
                    .list();
        }
        return found;
    }

    private static RecordedAllocation recorded(ResultSet rs, ZoneId zone) throws SQLException {
        Allocation a = new Allocation(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getObject("payment_id", UUID.class), rs.getObject("credit_note_id", UUID.class),
                rs.getBigDecimal("amount"), rs.getObject("allocated_on", LocalDate.class));
        return new RecordedAllocation(a, rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate());
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getBigDecimal("unallocated_amount"), PaymentMethod.valueOf(rs.getString("method")), rs.getString("reference"));
    }

    /** Ids as a derived table to join on: H2 looks each up in the index, which it does not for {@code IN (…)}. */
    private static String values(int n) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS UUID))");
        }
        return sql.append(") AS v(id)").toString();
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = values.stream().distinct().toList();
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            parts.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return parts;
    }
}
