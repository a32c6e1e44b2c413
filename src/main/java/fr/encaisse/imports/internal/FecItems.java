package fr.encaisse.imports.internal;

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

    /** A customer line as stored. */
    record Row(String key, UUID debtorId, String kind, UUID ledgerId, BigDecimal amount, LocalDate entryDate,
               String pieceRef, String refHint, String compteNum, String compAuxNum, String letter,
               LocalDate letteredOn, String skipReason, long lineNo, UUID touchedImport) {

        String letterKey() {
            return letterKey(letter);
        }

        static String letterKey(String letter) {
            return letter == null || letter.isBlank() ? null : letter.trim().toUpperCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

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
            Types.VARCHAR, Types.BIGINT, Types.OTHER, Types.OTHER};

    void insert(UUID tenant, UUID importId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row r : rows) {
            values.add(new Object[] {tenant, r.key(), r.debtorId(), r.kind(), r.ledgerId(), r.amount(), r.entryDate(),
                    cut(r.pieceRef(), 100), cut(r.refHint(), 300), cut(r.compteNum(), 40), cut(r.compAuxNum(), 40),
                    cut(r.letter(), 20), cut(r.letterKey(), 20), r.letteredOn(), cut(r.skipReason(), 200), r.lineNo(),
                    importId, importId});
        }
        MultiRowInsert.insert(jdbcTemplate, """
                INSERT INTO fec_item (tenant_id, item_key, debtor_id, kind, ledger_id, amount, entry_date, piece_ref, ref_hint,
                    compte_num, comp_aux_num, letter, letter_key, lettered_on, skip_reason, line_no, first_import_id, touched_import)
                VALUES""", ITEM_TYPES, values);
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
        return jdbc.sql("SELECT DISTINCT debtor_id FROM fec_item WHERE tenant_id = ? AND touched_import = ?")
                .params(tenant, importId).query(UUID.class).list();
    }

    /** Every lettered line of these debtors, by debtor and lettering code, whatever import brought it. */
    List<Row> letteredRows(UUID tenant, Collection<UUID> debtors) {
        List<Row> rows = new ArrayList<>();
        for (List<UUID> part : chunks(debtors)) {
            rows.addAll(jdbc.sql("SELECT f.* FROM " + ValuesList.of(part.size(), "UUID", "v", "d")
                            + " JOIN fec_item f ON f.tenant_id = ? AND f.debtor_id = v.d WHERE f.letter_key IS NOT NULL"
                            + " ORDER BY f.debtor_id, f.letter_key, f.entry_date, f.line_no")
                    .params(ValuesList.params(tenant, part, false)).query(FecItems::row).list());
        }
        return rows;
    }

    /** Unlettered payment and credit note lines first imported by this import, by key after {@code afterKey}. */
    List<Row> newUnletteredCredits(UUID tenant, UUID importId, String afterKey, int limit) {
        return jdbc.sql("""
                        SELECT * FROM fec_item WHERE tenant_id = :tenant AND first_import_id = :import
                          AND letter_key IS NULL AND kind IN ('PAYMENT', 'CREDIT_NOTE') AND ledger_id IS NOT NULL
                          AND item_key > :after
                        ORDER BY item_key LIMIT :limit""")
                .param("tenant", tenant).param("import", importId).param("after", afterKey == null ? "" : afterKey)
                .param("limit", limit).query(FecItems::row).list();
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
        return new Row(rs.getString("item_key"), rs.getObject("debtor_id", UUID.class), rs.getString("kind"),
                rs.getObject("ledger_id", UUID.class), rs.getBigDecimal("amount"), rs.getObject("entry_date", LocalDate.class),
                rs.getString("piece_ref"), rs.getString("ref_hint"), rs.getString("compte_num"), rs.getString("comp_aux_num"),
                rs.getString("letter"), rs.getObject("lettered_on", LocalDate.class), rs.getString("skip_reason"),
                rs.getLong("line_no"), rs.getObject("touched_import", UUID.class));
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
