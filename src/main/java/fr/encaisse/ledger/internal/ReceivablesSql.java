package fr.encaisse.ledger.internal;

import java.util.List;

/**
 * The SQL pieces the receivables aggregates share. Dates are compared with boundary dates bound
 * as parameters; the only date arithmetic is {@code CAST(date − date AS INTEGER)} (an integer in
 * PostgreSQL, an interval in H2) and {@code date + integer}, which both databases read alike.
 */
final class ReceivablesSql {

    private ReceivablesSql() {
    }

    /** Allocations dated after :asOf, summed by the item they reduce: the invoice, and the credit note when one is the source. */
    private static final String LATER = """
            SELECT item_id, SUM(amount) AS amount FROM (
                SELECT invoice_id AS item_id, amount FROM allocation WHERE tenant_id = :tenant AND allocated_on > :asOf
                UNION ALL
                SELECT credit_note_id, amount FROM allocation
                WHERE tenant_id = :tenant AND allocated_on > :asOf AND credit_note_id IS NOT NULL
            ) a GROUP BY item_id""";

    /**
     * Invoices and credit notes issued by :asOf with what was open then: the open amount now plus
     * what was allocated after :asOf. Two branches: items open now, read through the (tenant, kind,
     * status) index one (kind, status) pair at a time (H2 uses no index for {@code IN} on a third
     * column, and would read every paid invoice of the tenant), and items settled now only by
     * allocations after :asOf, found from those allocations.
     */
    static final String OPEN_AT = """
            SELECT i.id, i.debtor_id, i.kind, i.due_date, i.open_amount + COALESCE(l.amount, 0) AS open_at
            FROM (VALUES ('INVOICE', 'OPEN'), ('INVOICE', 'PARTIALLY_PAID'), ('CREDIT_NOTE', 'OPEN'),
                         ('CREDIT_NOTE', 'PARTIALLY_APPLIED')) AS s (kind, status)
            JOIN invoice i ON i.tenant_id = :tenant AND i.kind = s.kind AND i.status = s.status
            LEFT JOIN (%1$s) l ON l.item_id = i.id
            WHERE i.issue_date <= :asOf
            UNION ALL
            SELECT i.id, i.debtor_id, i.kind, i.due_date, l.amount
            FROM (%1$s) l JOIN invoice i ON i.id = l.item_id
            WHERE i.tenant_id = :tenant AND i.kind IN ('INVOICE', 'CREDIT_NOTE')
              AND i.status IN ('PAID', 'APPLIED') AND i.issue_date <= :asOf""".formatted(LATER);

    /**
     * Invoices settled after :settledFrom and up to :asOf, with the day of their last allocation:
     * paid in full now, and no allocation after :asOf (else they were still open then).
     */
    static final String SETTLED = """
            SELECT i.debtor_id, i.amount_incl_tax AS amount, CAST(s.settled_on - i.due_date AS INTEGER) AS days_late
            FROM (SELECT invoice_id, MAX(allocated_on) AS settled_on FROM allocation
                  WHERE tenant_id = :tenant AND allocated_on > :settledFrom
                  GROUP BY invoice_id HAVING MAX(allocated_on) <= :asOf) s
            JOIN invoice i ON i.id = s.invoice_id
            WHERE i.tenant_id = :tenant AND i.kind = 'INVOICE' AND i.status = 'PAID'""";

    /** Each debtor's average delay over {@link #SETTLED}, weighted by amount, in whole days (half away from zero). */
    static final String DEBTOR_DELAYS = """
            SELECT debtor_id, CAST(ROUND(CAST(SUM(amount * days_late) AS NUMERIC(30, 6)) / SUM(amount), 0) AS INTEGER) AS delay
            FROM (%s) s GROUP BY debtor_id""".formatted(SETTLED);

    /** Aging buckets by due date against boundary dates :asOf, :d30, :d60, :d90 (in the order of {@code AgingBuckets}). */
    static final List<String> BUCKETS = List.of(
            "o.due_date >= :asOf",
            "o.due_date < :asOf AND o.due_date >= :d30",
            "o.due_date < :d30 AND o.due_date >= :d60",
            "o.due_date < :d60 AND o.due_date >= :d90",
            "o.due_date < :d90");

    /** Amount and count columns a0, n0 … a4, n4 for the invoice buckets, then ac, nc for open credit notes. */
    static String agingColumns() {
        StringBuilder sql = new StringBuilder();
        for (int b = 0; b < BUCKETS.size(); b++) {
            String when = "o.kind = 'INVOICE' AND " + BUCKETS.get(b);
            sql.append(sums(when, "a" + b, "n" + b)).append(", ");
        }
        return sql.append(sums("o.kind = 'CREDIT_NOTE'", "ac", "nc")).toString();
    }

    private static String sums(String when, String amount, String count) {
        return "COALESCE(SUM(CASE WHEN %1$s THEN o.open_at ELSE 0 END), 0) AS %2$s, COALESCE(SUM(CASE WHEN %1$s THEN 1 ELSE 0 END), 0) AS %3$s"
                .formatted(when, amount, count);
    }
}
