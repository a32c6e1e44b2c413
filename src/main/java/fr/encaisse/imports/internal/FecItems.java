package fr.encaisse.imports.internal;

import fr.encaisse.shared.jdbc.MultiRowInsert;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The FEC lines already imported ({@code fec_item}) and the allocations made from their
 * lettering ({@code fec_allocation}). Reads take keys by the thousand; writes go in batches.
 */
@Repository
class FecItems {

    static final String SKIPPED = "SKIPPED";

    /** A customer line as stored; {@code piece} is what its ledger row is to be, for lines not turned into one yet. */
    record Row(String key, UUID debtorId, String kind, UUID ledgerId, BigDecimal amount, LocalDate entryDate,
               String pieceRef, String refHint, String compteNum, String compAuxNum, String letter,
               LocalDate letteredOn, String skipReason, long lineNo, UUID firstImport, UUID touchedImport, Piece piece) {

        String letterKey() {
            return letterKey(letter);
        }

        static String letterKey(String letter) {
            return letter == null || letter.isBlank() ? null : letter.trim().toUpperCase(java.util.Locale.ROOT);
        }

        Row linkedTo(String newKind, UUID newLedgerId, String reason) {
            return new Row(key, debtorId, newKind, newLedgerId, amount, entryDate, pieceRef, refHint, compteNum, compAuxNum,
                    letter, letteredOn, reason, lineNo, firstImport, touchedImport, piece);
        }
    }

    /** The invoice, credit note or payment a line's piece is to become. */
    record Piece(String number, String fallback, LocalDate date, BigDecimal amount, BigDecimal vat, String reference,
                 String method) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private volatile Boolean postgres;

    FecItems(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Map<String, Row> find(UUID tenant, Collection<String> keys) {
        Map<String, Row> found = new HashMap<>();
        for (List<String> part : chunks(keys)) {
            jdbc.sql("SELECT f.* FROM " + ValuesList.of(part.size(), "VARCHAR(400)", "v", "k")
                            + " JOIN fec_item f ON f.tenant_id = ? AND f.item_key = v.k")
                    .params(ValuesList.params(tenant, part, false))
                    .query(FecItems::row).list().forEach(r -> found.put(r.key(), r));
        }
        return found;
    }

    private static final int[] ITEM_TYPES = {Types.OTHER, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.OTHER, Types.NUMERIC,
            Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
            Types.VARCHAR, Types.BIGINT, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.NUMERIC,
            Types.NUMERIC, Types.VARCHAR, Types.VARCHAR};

    void insert(UUID tenant, UUID importId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Piece p = r.piece();
            values.add(new Object[] {tenant, r.key(), r.debtorId(), r.kind(), r.ledgerId(), r.amount(), r.entryDate(),
                    cut(r.pieceRef(), 100), cut(r.refHint(), 300), cut(r.compteNum(), 40), cut(r.compAuxNum(), 40),
                    cut(r.letter(), 20), cut(r.letterKey(), 20), r.letteredOn(), cut(r.skipReason(), 200), r.lineNo(),
                    importId, importId, p == null ? null : p.number(), p == null ? null : p.fallback(),
                    p == null ? null : p.date(), p == null ? null : p.amount(), p == null ? null : p.vat(),
                    p == null ? null : cut(p.reference(), 140), p == null ? null : p.method()});
        }
        MultiRowInsert.insert(jdbcTemplate, """
                INSERT INTO fec_item (tenant_id, item_key, debtor_id, kind, ledger_id, amount, entry_date, piece_ref, ref_hint,
                    compte_num, comp_aux_num, letter, letter_key, lettered_on, skip_reason, line_no, first_import_id, touched_import,
                    piece_number, piece_fallback, piece_date, piece_amount, piece_vat, piece_reference, piece_method)
                VALUES""", ITEM_TYPES, values);
    }

    /** Lines whose piece turned out to be a row already in Encaisse, or could not be imported. */
    void relink(UUID tenant, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("UPDATE fec_item SET kind = ?, ledger_id = ?, skip_reason = ? WHERE tenant_id = ? AND item_key = ?",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Row r = rows.get(i);
                        ps.setString(1, r.kind());
                        setNullable(ps, 2, r.ledgerId(), Types.OTHER);
                        setNullable(ps, 3, cut(r.skipReason(), 200), Types.VARCHAR);
                        ps.setObject(4, tenant);
                        ps.setString(5, r.key());
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
    }

    /** Records a line's new lettering and marks it touched by this import, so its group is settled again. */
    void relettered(UUID tenant, UUID importId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                UPDATE fec_item SET letter = ?, letter_key = ?, lettered_on = ?, line_no = ?, touched_import = ?
                WHERE tenant_id = ? AND item_key = ?""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row r = rows.get(i);
                setNullable(ps, 1, cut(r.letter(), 20), Types.VARCHAR);
                setNullable(ps, 2, cut(r.letterKey(), 20), Types.VARCHAR);
                setNullable(ps, 3, r.letteredOn(), Types.DATE);
                ps.setLong(4, r.lineNo());
                ps.setObject(5, importId);
                ps.setObject(6, tenant);
                ps.setString(7, r.key());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** The debtors with lines this import added or re-lettered: their lettering groups may have changed. */
    List<UUID> touchedDebtors(UUID tenant, UUID importId) {
        return jdbc.sql("SELECT DISTINCT debtor_id FROM fec_item WHERE tenant_id = ? AND touched_import = ? ORDER BY debtor_id")
                .params(tenant, importId).query(UUID.class).list();
    }

    /**
     * What pass 2 needs of these debtors (sorted as {@link #touchedDebtors} returns them), page by
     * page: the lines this import brought, and every lettered line (whatever import brought it), by
     * debtor, date and line. PostgreSQL: one indexed query per page. H2: a debtor's lines lie all
     * over the table, and reaching them through an index costs a page read per line (a 2,000,000-line
     * FEC spent most of its time there), so H2 reads the table once, sequentially, sorts it, and the
     * rows are cut into the same pages as they stream by.
     */
    void forEachPage(UUID tenant, List<UUID> debtors, UUID importId, int pageSize, BiConsumer<List<UUID>, List<Row>> action) {
        if (isPostgres()) {
            for (int from = 0; from < debtors.size(); from += pageSize) {
                List<UUID> page = debtors.subList(from, Math.min(debtors.size(), from + pageSize));
                action.accept(page, pageRows(tenant, page, importId));
            }
            return;
        }
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < debtors.size(); i++) {
            position.put(debtors.get(i), i);
        }
        int[] current = {0};
        List<Row> rows = new ArrayList<>();
        jdbcTemplate.query("SELECT f.* FROM fec_item f USE INDEX () WHERE f.tenant_id = ? AND (f.first_import_id = ? OR f.letter_key IS NOT NULL)"
                + " ORDER BY f.debtor_id, f.entry_date, f.line_no", (ResultSet rs) -> {
                    Row r = row(rs, 0);
                    Integer at = position.get(r.debtorId());
                    if (at == null) {
                        return; // a debtor this import did not touch
                    }
                    for (; at / pageSize > current[0]; current[0]++) {
                        emit(debtors, current[0], pageSize, rows, action);
                    }
                    rows.add(r);
                }, tenant, importId);
        for (; current[0] * pageSize < debtors.size(); current[0]++) {
            emit(debtors, current[0], pageSize, rows, action);
        }
    }

    private static void emit(List<UUID> debtors, int page, int pageSize, List<Row> rows, BiConsumer<List<UUID>, List<Row>> action) {
        action.accept(debtors.subList(page * pageSize, Math.min(debtors.size(), (page + 1) * pageSize)), List.copyOf(rows));
        rows.clear();
    }

    private List<Row> pageRows(UUID tenant, Collection<UUID> debtors, UUID importId) {
        List<Row> rows = new ArrayList<>();
        for (List<UUID> part : chunks(debtors)) {
            List<Object> params = ValuesList.params(tenant, part, false);
            params.add(importId);
            rows.addAll(jdbc.sql("SELECT f.* FROM " + ValuesList.of(part.size(), "UUID", "v", "d")
                            + " JOIN fec_item f ON f.tenant_id = ? AND f.debtor_id = v.d"
                            + " WHERE (f.first_import_id = ? OR f.letter_key IS NOT NULL)"
                            + " ORDER BY f.debtor_id, f.entry_date, f.line_no")
                    .params(params).query(FecItems::row).list());
        }
        return rows;
    }

    /** Those of these ledger rows that some lettered FEC line stands for: the books settle them, not a reference. */
    Set<UUID> lettered(UUID tenant, Collection<UUID> ledgerIds) {
        return ledgerIds(tenant, ledgerIds, " WHERE f.letter_key IS NOT NULL");
    }

    /** Those of these ledger rows (payments, invoices, credit notes) that came from the books. */
    Set<UUID> fromBooks(UUID tenant, Collection<UUID> ledgerIds) {
        return ledgerIds(tenant, ledgerIds, "");
    }

    private Set<UUID> ledgerIds(UUID tenant, Collection<UUID> ledgerIds, String where) {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> part : chunks(ledgerIds)) {
            found.addAll(jdbc.sql("SELECT DISTINCT f.ledger_id FROM " + ValuesList.of(part.size(), "UUID", "v", "id")
                            + " JOIN fec_item f ON f.tenant_id = ? AND f.ledger_id = v.id" + where)
                    .params(ValuesList.params(tenant, part, false)).query(UUID.class).list());
        }
        return found;
    }

    void recordAllocations(UUID tenant, UUID importId, List<UUID> allocationIds) {
        if (allocationIds.isEmpty()) {
            return;
        }
        MultiRowInsert.insert(jdbcTemplate, "INSERT INTO fec_allocation (tenant_id, allocation_id, import_id) VALUES",
                new int[] {Types.OTHER, Types.OTHER, Types.OTHER},
                allocationIds.stream().map(id -> new Object[] {tenant, id, importId}).toList());
    }

    /** Those of these allocations that the FEC import made from the books' lettering. */
    Set<UUID> allocationsFromBooks(UUID tenant, Collection<UUID> allocationIds) {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> part : chunks(allocationIds)) {
            found.addAll(jdbc.sql("SELECT a.allocation_id FROM " + ValuesList.of(part.size(), "UUID", "v", "id")
                            + " JOIN fec_allocation a ON a.tenant_id = ? AND a.allocation_id = v.id")
                    .params(ValuesList.params(tenant, part, false)).query(UUID.class).list());
        }
        return found;
    }

    /** See {@link fr.encaisse.ledger.LedgerBatch#refreshStatistics()}: the same for this module's tables. */
    void refreshStatistics() {
        if (isPostgres()) {
            jdbc.sql("ANALYZE fec_item, fec_allocation").update();
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbcTemplate.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    /** How many payments the books' lines stand for. */
    long paymentsFromBooks(UUID tenant) {
        return jdbc.sql("SELECT COUNT(DISTINCT ledger_id) FROM fec_item WHERE tenant_id = ? AND kind = 'PAYMENT'")
                .param(tenant).query(Long.class).single();
    }

    /** The customer account (CompteNum, CompAuxNum) under which the books know this debtor. */
    Optional<String[]> account(UUID tenant, UUID debtorId) {
        return jdbc.sql("SELECT compte_num, comp_aux_num FROM fec_item WHERE tenant_id = ? AND debtor_id = ? LIMIT 1")
                .params(tenant, debtorId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        BigDecimal pieceAmount = rs.getBigDecimal("piece_amount");
        Piece piece = pieceAmount == null ? null : new Piece(rs.getString("piece_number"), rs.getString("piece_fallback"),
                rs.getObject("piece_date", LocalDate.class), pieceAmount, rs.getBigDecimal("piece_vat"),
                rs.getString("piece_reference"), rs.getString("piece_method"));
        return new Row(rs.getString("item_key"), rs.getObject("debtor_id", UUID.class), rs.getString("kind"),
                rs.getObject("ledger_id", UUID.class), rs.getBigDecimal("amount"), rs.getObject("entry_date", LocalDate.class),
                rs.getString("piece_ref"), rs.getString("ref_hint"), rs.getString("compte_num"), rs.getString("comp_aux_num"),
                rs.getString("letter"), rs.getObject("lettered_on", LocalDate.class), rs.getString("skip_reason"),
                rs.getLong("line_no"), rs.getObject("first_import_id", UUID.class), rs.getObject("touched_import", UUID.class),
                piece);
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int type) throws SQLException {
        if (value == null) {
            ps.setNull(index, type);
        } else {
            ps.setObject(index, value);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = values.stream().distinct().toList();
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            parts.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return parts;
    }
}
