package fr.encaisse.ledger.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.CreditNoteStatus;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.InvoiceStatus;
import fr.encaisse.ledger.LedgerBatch;
import fr.encaisse.ledger.LedgerBatchApplied;
import fr.encaisse.ledger.LedgerBatches;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.jdbc.MultiRowInsert;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's bulk path: the same draft checks as {@link LedgerService}, but rows go to the
 * database in JDBC batches and the evidence journal gets one entry per batch. This is what makes
 * a 2,000,000-line FEC import take minutes instead of hours: the per-row path locks the journal
 * head, hashes and writes an evidence row and publishes events for every invoice and payment.
 */
@Service
class JdbcLedgerBatches implements LedgerBatches {

    /** Queued rows per table before a flush: large enough for a page of allocations to settle new rows in memory. */
    private static final int BATCH_SIZE = 10_000;
    /** Bind lists are cut in chunks so that no statement carries more than this many parameters. */
    private static final int IN_LIST = 1000;

    private static final String INSERT_DEBTOR = """
            INSERT INTO debtor (id, tenant_id, reference, legal_name, siren, siret, vat_number, kind, address_line1,
                address_line2, postal_code, city, country, email, phone, language, created_at, updated_at)
            VALUES""";
    private static final int[] DEBTOR_TYPES = {Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE};
    private static final String INSERT_ITEM = """
            INSERT INTO invoice (id, tenant_id, debtor_id, kind, number, issue_date, due_date, payment_terms, currency,
                amount_excl_tax, vat_amount, amount_incl_tax, open_amount, po_reference, status, created_at, updated_at)
            VALUES""";
    private static final int[] ITEM_TYPES = {Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
            Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC,
            Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final String INSERT_PAYMENT = """
            INSERT INTO payment (id, tenant_id, debtor_id, received_on, amount, currency, unallocated_amount, method,
                reference, created_at)
            VALUES""";
    private static final int[] PAYMENT_TYPES = {Types.OTHER, Types.OTHER, Types.OTHER, Types.DATE, Types.NUMERIC,
            Types.VARCHAR, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};
    // SET expressions read the row as it was before the update.
    private static final String SETTLE_ITEM = """
            UPDATE invoice SET open_amount = open_amount - ?,
                status = CASE WHEN open_amount - ? = 0 THEN (CASE WHEN kind = 'INVOICE' THEN 'PAID' ELSE 'APPLIED' END)
                              ELSE (CASE WHEN kind = 'INVOICE' THEN 'PARTIALLY_PAID' ELSE 'PARTIALLY_APPLIED' END) END,
                updated_at = ?
            WHERE tenant_id = ? AND id = ? AND open_amount >= ?""";
    private static final int[] SETTLE_ITEM_TYPES = {Types.NUMERIC, Types.NUMERIC, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.OTHER, Types.OTHER, Types.NUMERIC};
    private static final String SETTLE_PAYMENT = """
            UPDATE payment SET unallocated_amount = unallocated_amount - ?
            WHERE tenant_id = ? AND id = ? AND unallocated_amount >= ?""";
    private static final int[] SETTLE_PAYMENT_TYPES = {Types.NUMERIC, Types.OTHER, Types.OTHER, Types.NUMERIC};
    private static final String INSERT_ALLOCATION = """
            INSERT INTO allocation (id, tenant_id, invoice_id, payment_id, credit_note_id, amount, allocated_on, created_at)
            VALUES""";
    private static final int[] ALLOCATION_TYPES = {Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER,
            Types.NUMERIC, Types.DATE, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Evidence evidence;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Boolean postgres;

    JdbcLedgerBatches(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Evidence evidence, ApplicationEventPublisher events,
                      JsonMapper json, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public LedgerBatch open(String source) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A ledger batch runs inside the caller's transaction");
        }
        return new Batch(TenantContext.tenantId(), source, OffsetDateTime.now(clock));
    }

    private final class Batch implements LedgerBatch {

        // Column positions in the queued rows (the order of INSERT_ITEM and INSERT_PAYMENT).
        private static final int ITEM_KIND = 3;
        private static final int ITEM_INCL = 11;
        private static final int ITEM_OPEN = 12;
        private static final int ITEM_STATUS = 14;
        private static final int PAYMENT_UNALLOCATED = 6;

        private final UUID tenant;
        private final UUID id = UUID.randomUUID();
        private final String source;
        private final OffsetDateTime now;
        private final MessageDigest digest;
        private final List<Object[]> debtors = new ArrayList<>();
        private final List<Object[]> items = new ArrayList<>();
        private final List<Object[]> payments = new ArrayList<>();
        private final List<Object[]> itemSettlements = new ArrayList<>();
        private final List<Object[]> paymentSettlements = new ArrayList<>();
        private final List<Object[]> allocations = new ArrayList<>();
        /** Rows queued but not inserted yet: an allocation settles them in memory instead of updating them afterwards. */
        private final Map<UUID, Object[]> pendingItems = new HashMap<>();
        private final Map<UUID, Object[]> pendingPayments = new HashMap<>();
        private int debtorCount;
        private int invoiceCount;
        private int creditNoteCount;
        private int paymentCount;
        private int allocationCount;
        private boolean closed;

        Batch(UUID tenant, String source, OffsetDateTime now) {
            this.tenant = tenant;
            this.source = source;
            this.now = now;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        // ---- reads

        @Override
        public Map<String, UUID> debtorIds(Collection<String> references) {
            flush();
            Map<String, UUID> found = new HashMap<>();
            for (List<String> part : chunks(references)) {
                jdbc.sql("SELECT d.reference, d.id FROM " + values(part.size(), "VARCHAR(64)", "r")
                                + " JOIN debtor d ON d.tenant_id = ? AND d.reference = v.r")
                        .params(params(part))
                        .query((rs, n) -> found.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
            }
            return found;
        }

        @Override
        public Map<String, Item> items(Collection<String> numbers) {
            flush();
            Map<String, Item> found = new HashMap<>();
            for (List<String> part : chunks(numbers)) {
                jdbc.sql("SELECT i.id, i.kind, i.number, i.debtor_id, i.amount_incl_tax, i.open_amount, i.currency FROM "
                                + values(part.size(), "VARCHAR(64)", "n") + " JOIN invoice i ON i.tenant_id = ? AND i.number = v.n")
                        .params(params(part))
                        .query((rs, n) -> found.put(rs.getString("number"), new Item(rs.getObject("id", UUID.class),
                                OpenItemStore.CREDIT_NOTE.equals(rs.getString("kind")), rs.getObject("debtor_id", UUID.class),
                                rs.getString("number"), rs.getBigDecimal("amount_incl_tax"), rs.getBigDecimal("open_amount"),
                                rs.getString("currency"))))
                        .list();
            }
            return found;
        }

        @Override
        public List<Payment> payments(Collection<UUID> debtorIds, Collection<LocalDate> receivedOn) {
            flush();
            List<Payment> found = new ArrayList<>();
            java.util.Set<UUID> debtors = new java.util.HashSet<>(debtorIds);
            // By day, in the (tenant_id, received_on) index: a chunk of the books spans a few days.
            for (List<LocalDate> part : chunks(receivedOn)) {
                jdbc.sql("SELECT p.* FROM " + values(part.size(), "DATE", "r") + " JOIN payment p ON p.tenant_id = ? AND p.received_on = v.r")
                        .params(params(part))
                        .query((rs, n) -> new Payment(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                                rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("amount"),
                                rs.getString("currency"), rs.getBigDecimal("unallocated_amount"),
                                PaymentMethod.valueOf(rs.getString("method")), rs.getString("reference")))
                        .list().stream().filter(p -> debtors.contains(p.debtorId())).forEach(found::add);
            }
            return found;
        }

        @Override
        public long paymentCount() {
            flush();
            return jdbc.sql("SELECT COUNT(*) FROM payment WHERE tenant_id = ?").param(tenant).query(Long.class).single();
        }

        @Override
        public Map<UUID, BigDecimal> open(Collection<UUID> ids) {
            Map<UUID, BigDecimal> found = new HashMap<>();
            List<UUID> stored = new ArrayList<>();
            for (UUID i : ids) {
                Object[] item = pendingItems.get(i);
                Object[] payment = pendingPayments.get(i);
                if (item != null) {
                    found.put(i, (BigDecimal) item[ITEM_OPEN]);
                } else if (payment != null) {
                    found.put(i, (BigDecimal) payment[PAYMENT_UNALLOCATED]);
                } else {
                    stored.add(i);
                }
            }
            if (stored.isEmpty()) {
                return found;
            }
            // Rows in the database: apply the pending updates first, without inserting what is queued.
            write(SETTLE_PAYMENT, SETTLE_PAYMENT_TYPES, paymentSettlements);
            write(SETTLE_ITEM, SETTLE_ITEM_TYPES, itemSettlements);
            for (List<UUID> part : chunks(stored)) {
                String list = values(part.size(), "UUID", "id");
                List<Object> params = new ArrayList<>(params(part));
                params.addAll(params(part));
                jdbc.sql("SELECT i.id, i.open_amount FROM " + list + " JOIN invoice i ON i.tenant_id = ? AND i.id = v.id"
                                + " UNION ALL SELECT p.id, p.unallocated_amount FROM " + list
                                + " JOIN payment p ON p.tenant_id = ? AND p.id = v.id")
                        .params(params)
                        .query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list();
            }
            return found;
        }

        /** The values, then the tenant: the order of the placeholders in {@code (VALUES …) JOIN t ON t.tenant_id = ?}. */
        private List<Object> params(List<?> values) {
            List<Object> params = new ArrayList<>(values);
            params.add(tenant);
            return params;
        }

        // ---- writes

        @Override
        public UUID createDebtor(DebtorDraft d) {
            open();
            DraftChecks.check(d);
            Address a = d.address() == null ? new Address(null, null, null, null, "FR") : d.address();
            UUID debtorId = UUID.randomUUID();
            queue(debtors, new Object[] {debtorId, tenant, d.reference().trim(), d.legalName().trim(),
                    DraftChecks.blankToNull(d.siren()), DraftChecks.blankToNull(d.siret()),
                    DraftChecks.blankToNull(d.vatNumber()), d.kind().name(), a.line1(), a.line2(), a.postalCode(),
                    a.city(), a.country() == null ? "FR" : a.country(), DraftChecks.blankToNull(d.email()),
                    DraftChecks.blankToNull(d.phone()), d.language() == null ? "fr" : d.language(), now, now});
            debtorCount++;
            return debtorId;
        }

        @Override
        public UUID issueInvoice(InvoiceDraft d) {
            return issueInvoice(UUID.randomUUID(), d);
        }

        @Override
        public UUID issueInvoice(UUID itemId, InvoiceDraft d) {
            open();
            DraftChecks.check(d);
            BigDecimal incl = scaled(d.amountInclTax());
            Object[] row = {itemId, tenant, d.debtorId(), OpenItemStore.INVOICE, d.number().trim(), d.issueDate(), d.dueDate(),
                    d.paymentTerms(), d.currency(), scaled(d.amountExclTax()), scaled(d.vatAmount()), incl, incl,
                    d.poReference(), InvoiceStatus.OPEN.name(), now, now};
            pendingItems.put(itemId, row);
            queue(items, row);
            invoiceCount++;
            return itemId;
        }

        @Override
        public UUID issueCreditNote(CreditNoteDraft d) {
            return issueCreditNote(UUID.randomUUID(), d);
        }

        @Override
        public UUID issueCreditNote(UUID itemId, CreditNoteDraft d) {
            open();
            DraftChecks.check(d);
            BigDecimal incl = scaled(d.amountInclTax());
            Object[] row = {itemId, tenant, d.debtorId(), OpenItemStore.CREDIT_NOTE, d.number().trim(), d.issueDate(),
                    d.issueDate(), null, d.currency(), scaled(d.amountExclTax()), scaled(d.vatAmount()), incl, incl, null,
                    CreditNoteStatus.OPEN.name(), now, now};
            pendingItems.put(itemId, row);
            queue(items, row);
            creditNoteCount++;
            return itemId;
        }

        @Override
        public UUID recordPayment(PaymentDraft d) {
            return recordPayment(UUID.randomUUID(), d);
        }

        @Override
        public UUID recordPayment(UUID paymentId, PaymentDraft d) {
            open();
            DraftChecks.check(d);
            if (!d.allocations().isEmpty()) {
                throw InvalidInputException.of("allocations", "a batch records payments without allocations; allocate them one by one");
            }
            BigDecimal amount = scaled(d.amount());
            Object[] row = {paymentId, tenant, d.debtorId(), d.receivedOn(), amount, d.currency(), amount, d.method().name(),
                    d.reference(), now};
            pendingPayments.put(paymentId, row);
            queue(payments, row);
            paymentCount++;
            return paymentId;
        }

        @Override
        public UUID allocatePayment(UUID paymentId, UUID invoiceId, BigDecimal amount, LocalDate on) {
            BigDecimal a = share(amount, on);
            Object[] pending = pendingPayments.get(paymentId);
            if (pending != null) {
                pending[PAYMENT_UNALLOCATED] = settled((BigDecimal) pending[PAYMENT_UNALLOCATED], a);
            } else {
                paymentSettlements.add(new Object[] {a, tenant, paymentId, a});
            }
            return allocation(invoiceId, paymentId, null, a, on);
        }

        @Override
        public UUID applyCreditNote(UUID creditNoteId, UUID invoiceId, BigDecimal amount, LocalDate on) {
            BigDecimal a = share(amount, on);
            settleItem(creditNoteId, a);
            return allocation(invoiceId, null, creditNoteId, a, on);
        }

        private BigDecimal share(BigDecimal amount, LocalDate on) {
            open();
            if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || on == null) {
                throw new IllegalStateException("An allocation needs a positive amount with at most 2 decimals and a date: "
                        + amount + " on " + on);
            }
            return scaled(amount);
        }

        /** Takes {@code amount} off an invoice's or credit note's open amount: in memory when queued, else by a guarded update. */
        private void settleItem(UUID itemId, BigDecimal amount) {
            Object[] pending = pendingItems.get(itemId);
            if (pending == null) {
                itemSettlements.add(new Object[] {amount, amount, now, tenant, itemId, amount});
                return;
            }
            BigDecimal open = settled((BigDecimal) pending[ITEM_OPEN], amount);
            BigDecimal total = (BigDecimal) pending[ITEM_INCL];
            pending[ITEM_OPEN] = open;
            pending[ITEM_STATUS] = OpenItemStore.INVOICE.equals(pending[ITEM_KIND])
                    ? InvoiceStatus.of(open, total).name() : CreditNoteStatus.of(open, total).name();
        }

        private static BigDecimal settled(BigDecimal open, BigDecimal amount) {
            BigDecimal left = open.subtract(amount);
            if (left.signum() < 0) {
                throw new IllegalStateException("An allocation exceeds what is open on its invoice, credit note or payment");
            }
            return left;
        }

        private UUID allocation(UUID invoiceId, UUID paymentId, UUID creditNoteId, BigDecimal amount, LocalDate on) {
            UUID allocationId = UUID.randomUUID();
            settleItem(invoiceId, amount);
            queue(allocations, new Object[] {allocationId, tenant, invoiceId, paymentId, creditNoteId, amount, on, now});
            allocationCount++;
            return allocationId;
        }

        private void queue(List<Object[]> rows, Object[] values) {
            rows.add(values);
            if (rows.size() >= BATCH_SIZE) {
                flush();
            }
        }

        @Override
        public void refreshStatistics() {
            flush();
            if (isPostgres()) {
                jdbc.sql("ANALYZE debtor, invoice, payment, allocation").update();
            }
        }

        @Override
        public void flush() {
            // Parents before children: debtors, then their items and payments, then what settles them.
            insert("debtor", INSERT_DEBTOR, DEBTOR_TYPES, debtors);
            insert("item", INSERT_ITEM, ITEM_TYPES, items);
            insert("payment", INSERT_PAYMENT, PAYMENT_TYPES, payments);
            write(SETTLE_PAYMENT, SETTLE_PAYMENT_TYPES, paymentSettlements);
            write(SETTLE_ITEM, SETTLE_ITEM_TYPES, itemSettlements);
            insert("allocation", INSERT_ALLOCATION, ALLOCATION_TYPES, allocations);
            pendingItems.clear();
            pendingPayments.clear();
        }

        /** Inserts the rows as they are now (settled in memory), and adds them to the digest. */
        private void insert(String kind, String sql, int[] types, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            for (Object[] row : rows) {
                digest(kind, row);
            }
            MultiRowInsert.insert(jdbcTemplate, sql, types, rows);
            rows.clear();
        }

        /** The tenant and timestamps are the same for every row: they stay out of the digest. */
        private void digest(String kind, Object[] values) {
            StringBuilder line = new StringBuilder(kind);
            for (int i = 0; i < values.length; i++) {
                if (i != 1 && !(values[i] instanceof OffsetDateTime)) {
                    line.append('|').append(values[i] instanceof BigDecimal b ? b.toPlainString() : values[i]);
                }
            }
            digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        /** Guarded updates of rows already in the database: one that finds nothing open enough fails the batch. */
        private void write(String sql, int[] types, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            for (Object[] row : rows) {
                digest("settle", row);
            }
            int[] counts = jdbcTemplate.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Object[] row = rows.get(i);
                    for (int c = 0; c < row.length; c++) {
                        if (row[c] == null) {
                            ps.setNull(c + 1, types[c]);
                        } else {
                            ps.setObject(c + 1, row[c]);
                        }
                    }
                }

                @Override
                public int getBatchSize() {
                    return rows.size();
                }
            });
            for (int c : counts) {
                if (c == 0) {
                    throw new IllegalStateException("An allocation exceeds what is open on its invoice, credit note or payment");
                }
            }
            rows.clear();
        }

        @Override
        public Summary close(Map<String, Object> details) {
            open();
            flush();
            closed = true;
            Summary summary = new Summary(id, debtorCount, invoiceCount, creditNoteCount, paymentCount, allocationCount,
                    HexFormat.of().formatHex(digest.digest()));
            if (summary.empty()) {
                return summary;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", source);
            entry.put("debtorsCreated", debtorCount);
            entry.put("invoicesIssued", invoiceCount);
            entry.put("creditNotesIssued", creditNoteCount);
            entry.put("paymentsRecorded", paymentCount);
            entry.put("allocationsMade", allocationCount);
            entry.put("rowsSha256", summary.sha256());
            entry.put("details", details == null ? Map.of() : details);
            evidence.record("LEDGER_BATCH", id, "ledger.batch-applied", json.writeValueAsString(entry));
            events.publishEvent(new LedgerBatchApplied(tenant, id, source, debtorCount, invoiceCount, creditNoteCount,
                    paymentCount, allocationCount));
            return summary;
        }

        private void open() {
            if (closed) {
                throw new IllegalStateException("This ledger batch is closed");
            }
        }
    }

    /**
     * {@code (VALUES (CAST(? AS type)), …) AS v(column)}: joined on, each key is looked up in the
     * (tenant_id, key) index; H2 reads every row of the tenant for {@code tenant_id = ? AND key IN (…)}.
     */
    private static String values(int n, String type, String column) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS ").append(type).append("))");
        }
        return sql.append(") AS v(").append(column).append(')').toString();
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbcTemplate.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
        }
        return postgres;
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = values.stream().distinct().toList();
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }
}
