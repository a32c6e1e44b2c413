package fr.encaisse.ledger.internal;

import static fr.encaisse.ledger.internal.ReceivablesSql.DEBTOR_DELAYS;
import static fr.encaisse.ledger.internal.ReceivablesSql.OPEN_AT;
import static fr.encaisse.ledger.internal.ReceivablesSql.SETTLED;
import static fr.encaisse.ledger.internal.ReceivablesSql.agingColumns;

import fr.encaisse.ledger.Aging;
import fr.encaisse.ledger.AgingBuckets;
import fr.encaisse.ledger.Bucket;
import fr.encaisse.ledger.CashInForecast;
import fr.encaisse.ledger.DebtorAging;
import fr.encaisse.ledger.PaymentDelay;
import fr.encaisse.ledger.Receivables;
import fr.encaisse.ledger.SalesOutstanding;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The receivables aggregates, one SQL statement each (see {@link ReceivablesSql}). */
@Service
@Transactional(readOnly = true)
class JdbcReceivables implements Receivables {

    /** Forecast weeks are numbered from 0; these two stand for "before the first" and "after the last". */
    private static final int OVERDUE_WEEK = -1;
    private static final int LATER_WEEK = 9_999;
    private static final int DELAY_HISTORY_DAYS = 365;

    private final JdbcClient jdbc;

    JdbcReceivables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Aging aging(LocalDate asOf) {
        return atDate("SELECT " + agingColumns() + " FROM (" + OPEN_AT + ") o WHERE o.open_at > 0", asOf)
                .query((rs, n) -> new Aging(asOf, buckets(rs), bucket(rs, "ac", "nc"))).single();
    }

    @Override
    public List<DebtorAging> agingByDebtor(LocalDate asOf, int limit, int offset) {
        return atDate("""
                SELECT d.id, d.reference, d.legal_name, %s,
                       SUM(CASE WHEN o.kind = 'INVOICE' AND o.due_date < :asOf THEN o.open_at ELSE 0 END) AS overdue
                FROM (%s) o JOIN debtor d ON d.id = o.debtor_id
                WHERE o.open_at > 0
                GROUP BY d.id, d.reference, d.legal_name
                HAVING SUM(CASE WHEN o.kind = 'INVOICE' THEN 1 ELSE 0 END) > 0
                ORDER BY overdue DESC, d.reference LIMIT :limit OFFSET :offset""".formatted(agingColumns(), OPEN_AT), asOf)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new DebtorAging(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getString("legal_name"), buckets(rs), bucket(rs, "ac", "nc")))
                .list();
    }

    @Override
    public SalesOutstanding salesOutstanding(LocalDate asOf, int days) {
        BigDecimal sales = jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN kind = 'INVOICE' THEN amount_incl_tax ELSE -amount_incl_tax END), 0)
                        FROM invoice WHERE tenant_id = :tenant AND kind IN ('INVOICE', 'CREDIT_NOTE')
                          AND issue_date > :from AND issue_date <= :asOf""")
                .param("tenant", TenantContext.tenantId()).param("from", asOf.minusDays(days)).param("asOf", asOf)
                .query(BigDecimal.class).single();
        return new SalesOutstanding(asOf, days, aging(asOf).net(), sales);
    }

    @Override
    public PaymentDelay paymentDelay(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(s.amount), 0) AS amount, COALESCE(SUM(s.amount * s.days_late), 0) AS weighted"
                        + " FROM (" + SETTLED + ") s")
                .param("tenant", TenantContext.tenantId()).param("settledFrom", from).param("asOf", to)
                .query((rs, n) -> {
                    BigDecimal amount = rs.getBigDecimal("amount");
                    BigDecimal average = amount.signum() == 0 ? null
                            : rs.getBigDecimal("weighted").divide(amount, 1, RoundingMode.HALF_UP);
                    return new PaymentDelay(from, to, rs.getLong("n"), amount, average);
                }).single();
    }

    @Override
    public CashInForecast forecast(LocalDate asOf, int weeks, Set<UUID> heldInvoices, Set<UUID> heldDebtors) {
        int fallback = tenantDelay(asOf);
        String held = held(heldInvoices, heldDebtors);
        String expected = """
                SELECT o.open_at, o.due_date + COALESCE(dl.delay, :fallback) AS expected
                FROM (%s) o LEFT JOIN (%s) dl ON dl.debtor_id = o.debtor_id
                WHERE o.kind = 'INVOICE' AND o.open_at > 0%s""".formatted(OPEN_AT, DEBTOR_DELAYS,
                held == null ? "" : " AND NOT " + held);
        Map<Integer, Bucket> byWeek = new HashMap<>();
        withHeld(atDate("""
                SELECT w.week, SUM(w.open_at) AS amount, COUNT(*) AS n FROM (
                    SELECT CASE WHEN e.expected < :asOf THEN %d WHEN e.expected >= :horizon THEN %d
                                ELSE CAST(e.expected - CAST(:asOf AS DATE) AS INTEGER) / 7 END AS week, e.open_at
                    FROM (%s) e) w
                GROUP BY w.week""".formatted(OVERDUE_WEEK, LATER_WEEK, expected), asOf), heldInvoices, heldDebtors)
                .param("settledFrom", asOf.minusDays(DELAY_HISTORY_DAYS)).param("fallback", fallback)
                .param("horizon", asOf.plusWeeks(weeks))
                .query((ResultSet rs) -> {
                    byWeek.put(rs.getInt("week"), new Bucket(rs.getBigDecimal("amount"), rs.getLong("n")));
                });
        List<CashInForecast.Week> list = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate start = asOf.plusWeeks(w);
            list.add(new CashInForecast.Week(start, start.plusDays(6), byWeek.getOrDefault(w, Bucket.EMPTY)));
        }
        Bucket heldBucket = held == null ? Bucket.EMPTY : withHeld(atDate(
                "SELECT COALESCE(SUM(o.open_at), 0) AS amount, COUNT(*) AS n FROM (" + OPEN_AT + ") o"
                        + " WHERE o.kind = 'INVOICE' AND o.open_at > 0 AND " + held, asOf), heldInvoices, heldDebtors)
                .query((rs, n) -> new Bucket(rs.getBigDecimal("amount"), rs.getLong("n"))).single();
        return new CashInForecast(asOf, byWeek.getOrDefault(OVERDUE_WEEK, Bucket.EMPTY), list,
                byWeek.getOrDefault(LATER_WEEK, Bucket.EMPTY), heldBucket, fallback);
    }

    /** The tenant's average delay over the history window, in whole days; 0 when nothing was settled. */
    private int tenantDelay(LocalDate asOf) {
        return jdbc.sql("SELECT COALESCE(SUM(s.amount), 0) AS amount, COALESCE(SUM(s.amount * s.days_late), 0) AS weighted"
                        + " FROM (" + SETTLED + ") s")
                .param("tenant", TenantContext.tenantId()).param("settledFrom", asOf.minusDays(DELAY_HISTORY_DAYS))
                .param("asOf", asOf)
                .query((rs, n) -> rs.getBigDecimal("amount").signum() == 0 ? 0
                        : rs.getBigDecimal("weighted").divide(rs.getBigDecimal("amount"), 0, RoundingMode.HALF_UP).intValueExact())
                .single();
    }

    /** The condition "held" on an open item {@code o}, or null when nothing is held. */
    private static String held(Set<UUID> invoices, Set<UUID> debtors) {
        List<String> terms = new ArrayList<>();
        if (!invoices.isEmpty()) {
            terms.add("o.id IN (:heldInvoices)");
        }
        if (!debtors.isEmpty()) {
            terms.add("o.debtor_id IN (:heldDebtors)");
        }
        return terms.isEmpty() ? null : "(" + String.join(" OR ", terms) + ")";
    }

    private static JdbcClient.StatementSpec withHeld(JdbcClient.StatementSpec spec, Set<UUID> invoices, Set<UUID> debtors) {
        if (!invoices.isEmpty()) {
            spec = spec.param("heldInvoices", List.copyOf(invoices));
        }
        return debtors.isEmpty() ? spec : spec.param("heldDebtors", List.copyOf(debtors));
    }

    /** A statement over {@link ReceivablesSql#OPEN_AT} with the tenant and the aging boundary dates bound. */
    private JdbcClient.StatementSpec atDate(String sql, LocalDate asOf) {
        return jdbc.sql(sql).param("tenant", TenantContext.tenantId()).param("asOf", asOf)
                .param("d30", asOf.minusDays(30)).param("d60", asOf.minusDays(60)).param("d90", asOf.minusDays(90));
    }

    private static AgingBuckets buckets(ResultSet rs) throws SQLException {
        return new AgingBuckets(bucket(rs, "a0", "n0"), bucket(rs, "a1", "n1"), bucket(rs, "a2", "n2"),
                bucket(rs, "a3", "n3"), bucket(rs, "a4", "n4"));
    }

    private static Bucket bucket(ResultSet rs, String amount, String count) throws SQLException {
        return new Bucket(rs.getBigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY), rs.getLong(count));
    }
}
