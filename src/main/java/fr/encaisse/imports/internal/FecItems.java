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
               LocalDate letteredOn, String skipReason, long lineNo) {

        String letterKey() {
            return letterKey(letter);
        }

        static String letterKey(String letter) {
            return letter == null || letter.isBlank() ? null : letter.trim().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A lettering group: the lines of one debtor that carry the same EcritureLet. */
    record Group(UUID debtorId, String letterKey) {
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
            jdbc.sql("SELECT * FROM fec_item WHERE tenant_id = :tenant AND item_key IN (:keys)")
                    .param("tenant", tenant).param("keys", part)
                    .query(FecItems::row).list().forEach(r -> found.put(r.key(), r));
        }
        return found;
    }

    void insert(UUID tenant, UUID importId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO fec_item (tenant_id, item_key, debtor_id, kind, ledger_id, amount, entry_date, piece_ref, ref_hint,
                    compte_num, comp_aux_num, letter, letter_key, lettered_on, skip_reason, line_no, first_import_id, touched_import)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row r = rows.get(i);
                ps.setObject(1, tenant);
                ps.setString(2, r.key());
                ps.setObject(3, r.debtorId());
                ps.setString(4, r.kind());
                setNullable(ps, 5, r.ledgerId(), Types.OTHER);
                ps.setBigDecimal(6, r.amount());
                ps.setObject(7, r.entryDate());
                setNullable(ps, 8, cut(r.pieceRef(), 100), Types.VARCHAR);
                setNullable(ps, 9, cut(r.refHint(), 300), Types.VARCHAR);
                ps.setString(10, cut(r.compteNum(), 40));
                setNullable(ps, 11, cut(r.compAuxNum(), 40), Types.VARCHAR);
                setNullable(ps, 12, cut(r.letter(), 20), Types.VARCHAR);
                setNullable(ps, 13, cut(r.letterKey(), 20), Types.VARCHAR);
                setNullable(ps, 14, r.letteredOn(), Types.DATE);
                setNullable(ps, 15, cut(r.skipReason(), 200), Types.VARCHAR);
                ps.setLong(16, r.lineNo());
                ps.setObject(17, importId);
                ps.setObject(18, importId);
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

    /** The next lettering groups touched by this import, in (debtor, letter) order after {@code after}. */
    List<Group> touchedGroups(UUID tenant, UUID importId, Group after, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT debtor_id, letter_key FROM fec_item
                        WHERE tenant_id = :tenant AND touched_import = :import AND letter_key IS NOT NULL
                          AND (CAST(:afterDebtor AS UUID) IS NULL OR debtor_id > :afterDebtor
                               OR (debtor_id = :afterDebtor AND letter_key > :afterLetter))
                        ORDER BY debtor_id, letter_key LIMIT :limit""")
                .param("tenant", tenant).param("import", importId)
                .param("afterDebtor", after == null ? null : after.debtorId())
                .param("afterLetter", after == null ? null : after.letterKey()).param("limit", limit)
                .query((rs, n) -> new Group(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** Every line of these groups, whatever import brought it. */
    Map<Group, List<Row>> groupRows(UUID tenant, Collection<Group> groups) {
        Map<Group, List<Row>> rows = new HashMap<>();
        Set<Group> wanted = new HashSet<>(groups);
        List<UUID> debtors = groups.stream().map(Group::debtorId).distinct().toList();
        List<String> letters = groups.stream().map(Group::letterKey).distinct().toList();
        for (List<UUID> part : chunks(debtors)) {
            for (List<String> letterPart : chunks(letters)) {
                jdbc.sql("""
                                SELECT * FROM fec_item WHERE tenant_id = :tenant AND debtor_id IN (:debtors)
                                  AND letter_key IN (:letters) ORDER BY entry_date, line_no""")
                        .param("tenant", tenant).param("debtors", part).param("letters", letterPart)
                        .query(FecItems::row).list().forEach(r -> {
                            Group g = new Group(r.debtorId(), r.letterKey());
                            if (wanted.contains(g)) {
                                rows.computeIfAbsent(g, x -> new ArrayList<>()).add(r);
                            }
                        });
            }
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
        Set<UUID> found = new HashSet<>();
        for (List<UUID> part : chunks(ledgerIds)) {
            found.addAll(jdbc.sql("""
                            SELECT DISTINCT ledger_id FROM fec_item
                            WHERE tenant_id = :tenant AND ledger_id IN (:ids) AND letter_key IS NOT NULL""")
                    .param("tenant", tenant).param("ids", part).query(UUID.class).list());
        }
        return found;
    }

    /** Those of these ledger rows (payments, invoices, credit notes) that came from the books. */
    Set<UUID> fromBooks(UUID tenant, Collection<UUID> ledgerIds) {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> part : chunks(ledgerIds)) {
            found.addAll(jdbc.sql("SELECT DISTINCT ledger_id FROM fec_item WHERE tenant_id = :tenant AND ledger_id IN (:ids)")
                    .param("tenant", tenant).param("ids", part).query(UUID.class).list());
        }
        return found;
    }

    void recordAllocations(UUID tenant, UUID importId, List<UUID> allocationIds) {
        if (allocationIds.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("INSERT INTO fec_allocation (tenant_id, allocation_id, import_id) VALUES (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setObject(1, tenant);
                        ps.setObject(2, allocationIds.get(i));
                        ps.setObject(3, importId);
                    }

                    @Override
                    public int getBatchSize() {
                        return allocationIds.size();
                    }
                });
    }

    /** Those of these allocations that the FEC import made from the books' lettering. */
    Set<UUID> allocationsFromBooks(UUID tenant, Collection<UUID> allocationIds) {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> part : chunks(allocationIds)) {
            found.addAll(jdbc.sql("SELECT allocation_id FROM fec_allocation WHERE tenant_id = :tenant AND allocation_id IN (:ids)")
                    .param("tenant", tenant).param("ids", part).query(UUID.class).list());
        }
        return found;
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
                rs.getLong("line_no"));
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
