package fr.encaisse.banking.internal;

import fr.encaisse.banking.BankStatement;
import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.StatementFormat;
import fr.encaisse.banking.StatementHeader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statements, their lines, learnt payer accounts and settings; every statement is bound to one tenant. */
@Repository
class StatementStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StatementStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
    }

    /** A line as stored, with the raw JSON of its candidates and of what was applied. */
    record LineRow(UUID id, UUID statementId, int position, int transaction, long fileLine, String fingerprint,
                   LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, String currency, CreditDebit creditDebit,
                   boolean reversal, String entryStatus, String bankReference, String endToEndId, String payerName,
                   String payerIban, List<String> creditorReferences, String remittance, String additionalInfo,
                   LineStatus status, Integer confidence, String matchedBy, UUID debtorId, UUID paymentId,
                   String applied, String candidates, boolean autoBlocked, String note, OffsetDateTime matchedAt,
                   String returnReason, String transactionReference) {
    }

    // ---- statements

    Optional<UUID> findStatement(UUID tenantId, StatementFormat format, String accountId, String reference) {
        return jdbc.sql("SELECT id FROM bank_statement WHERE tenant_id = ? AND format = ? AND account_id = ? AND reference = ?")
                .params(tenantId, format.name(), accountId, reference).query(UUID.class).optional();
    }

    void insertStatement(UUID tenantId, UUID id, StatementHeader h, String fileName, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO bank_statement (id, tenant_id, format, message_name, message_id, reference, account_id,
                    account_iban, currency, created_by_bank, opening_balance, opening_date, closing_balance, closing_date,
                    file_name, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, h.format().name(), h.messageName(), h.messageId(), h.statementId(), h.accountId(),
                        h.accountIban(), h.currency(), h.creationTime(),
                        h.openingBalance() == null ? null : h.openingBalance().creditDebit().signed(h.openingBalance().amount()),
                        h.openingBalance() == null ? null : h.openingBalance().date(),
                        h.closingBalance() == null ? null : h.closingBalance().creditDebit().signed(h.closingBalance().amount()),
                        h.closingBalance() == null ? null : h.closingBalance().date(),
                        fileName, now)
                .update();
    }

    Optional<BankStatement> statement(UUID tenantId, UUID id) {
        return jdbc.sql(STATEMENT_SELECT + " WHERE s.tenant_id = ? AND s.id = ?").params(tenantId, id)
                .query(StatementStore::statement).optional();
    }

    /** Newest import first. */
    List<BankStatement> statements(UUID tenantId, int limit, OffsetDateTime afterImported, UUID afterId) {
        return jdbc.sql(STATEMENT_SELECT + "\n" + """
                 WHERE s.tenant_id = :tenant
                   AND (CAST(:afterAt AS TIMESTAMP WITH TIME ZONE) IS NULL OR s.imported_at < :afterAt
                        OR (s.imported_at = :afterAt AND s.id < :afterId))
                 ORDER BY s.imported_at DESC, s.id DESC LIMIT :limit""")
                .param("tenant", tenantId).param("afterAt", afterImported).param("afterId", afterId).param("limit", limit)
                .query(StatementStore::statement).list();
    }

    private static final String STATEMENT_SELECT = """
            SELECT s.*,
                   (SELECT COUNT(*) FROM bank_statement_line l WHERE l.tenant_id = s.tenant_id AND l.statement_id = s.id) AS lines,
                   (SELECT COUNT(*) FROM bank_statement_line l WHERE l.tenant_id = s.tenant_id AND l.statement_id = s.id
                        AND l.status = 'MATCHED') AS matched,
                   (SELECT COUNT(*) FROM bank_statement_line l WHERE l.tenant_id = s.tenant_id AND l.statement_id = s.id
                        AND l.status = 'SUGGESTED') AS suggested,
                   (SELECT COUNT(*) FROM bank_statement_line l WHERE l.tenant_id = s.tenant_id AND l.statement_id = s.id
                        AND l.status IN ('UNMATCHED', 'NEW')) AS unmatched
            FROM bank_statement s""";

    private static BankStatement statement(ResultSet rs, int row) throws SQLException {
        return new BankStatement(rs.getObject("id", UUID.class), StatementFormat.valueOf(rs.getString("format")),
                rs.getString("message_name"), rs.getString("message_id"), rs.getString("reference"),
                rs.getString("account_id"), rs.getString("account_iban"), rs.getString("currency"),
                offset(rs, "created_by_bank"), rs.getBigDecimal("opening_balance"),
                rs.getObject("opening_date", LocalDate.class), rs.getBigDecimal("closing_balance"),
                rs.getObject("closing_date", LocalDate.class), rs.getString("file_name"), offset(rs, "imported_at"),
                rs.getInt("lines"), rs.getInt("matched"), rs.getInt("suggested"), rs.getInt("unmatched"));
    }

    private static OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    // ---- lines

    /** "fingerprint#transaction" of the lines a statement already has. */
    Set<String> lineKeys(UUID tenantId, UUID statementId) {
        return new HashSet<>(jdbc.sql("SELECT fingerprint, transaction_index FROM bank_statement_line WHERE tenant_id = ? AND statement_id = ?")
                .params(tenantId, statementId).query((rs, n) -> rs.getString(1) + "#" + rs.getInt(2)).list());
    }

    void insertLines(UUID tenantId, List<LineRow> lines, OffsetDateTime now) {
        batch.batchUpdate("""
                INSERT INTO bank_statement_line (id, tenant_id, statement_id, position, transaction_index, file_line,
                    fingerprint, booking_date, value_date, amount, currency, credit_debit, reversal, entry_status,
                    bank_reference, end_to_end_id, payer_name, payer_iban, creditor_references, remittance, additional_info,
                    status, note, created_at, return_reason, transaction_reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines, 500, (ps, l) -> {
                    ps.setObject(1, l.id());
                    ps.setObject(2, tenantId);
                    ps.setObject(3, l.statementId());
                    ps.setInt(4, l.position());
                    ps.setInt(5, l.transaction());
                    ps.setLong(6, l.fileLine());
                    ps.setString(7, l.fingerprint());
                    ps.setObject(8, l.bookingDate());
                    ps.setObject(9, l.valueDate());
                    ps.setBigDecimal(10, l.amount());
                    ps.setString(11, l.currency());
                    ps.setString(12, l.creditDebit().name());
                    ps.setBoolean(13, l.reversal());
                    ps.setString(14, l.entryStatus());
                    ps.setString(15, l.bankReference());
                    ps.setString(16, l.endToEndId());
                    ps.setString(17, l.payerName());
                    ps.setString(18, l.payerIban());
                    String references = String.join("\n", l.creditorReferences());
                    ps.setString(19, references.isEmpty() ? null : references.substring(0, Math.min(1000, references.length())));
                    ps.setString(20, l.remittance());
                    ps.setString(21, l.additionalInfo());
                    ps.setString(22, l.status().name());
                    ps.setString(23, l.note());
                    ps.setObject(24, now);
                    ps.setString(25, l.returnReason());
                    ps.setString(26, l.transactionReference());
                });
    }

    Optional<LineRow> line(UUID tenantId, UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM bank_statement_line WHERE tenant_id = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .params(tenantId, id).query(StatementStore::line).optional();
    }

    /** The given lines that still wait for a match, in statement and file order. */
    List<LineRow> linesToMatch(UUID tenantId, List<UUID> ids) {
        List<LineRow> rows = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            rows.addAll(jdbc.sql("""
                    SELECT * FROM bank_statement_line WHERE tenant_id = :tenant AND id IN (:ids)
                      AND status IN ('NEW', 'SUGGESTED', 'UNMATCHED') AND credit_debit = 'CREDIT'""")
                    .param("tenant", tenantId).param("ids", chunk).query(StatementStore::line).list());
        }
        rows.sort(java.util.Comparator.comparing((LineRow r) -> r.statementId()).thenComparingInt(LineRow::position)
                .thenComparingInt(LineRow::transaction));
        return rows;
    }

    List<UUID> openLineIds(UUID tenantId, UUID statementId) {
        return jdbc.sql("""
                SELECT id FROM bank_statement_line WHERE tenant_id = ? AND statement_id = ?
                  AND status IN ('NEW', 'SUGGESTED', 'UNMATCHED') AND credit_debit = 'CREDIT'
                ORDER BY position, transaction_index""")
                .params(tenantId, statementId).query(UUID.class).list();
    }

    /** A statement's lines in file order, keyset-paged on (position, transaction). */
    List<LineRow> linesOf(UUID tenantId, UUID statementId, LineStatus status, int limit, int afterPosition, int afterTransaction) {
        return jdbc.sql("""
                SELECT * FROM bank_statement_line WHERE tenant_id = :tenant AND statement_id = :statement
                  AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                  AND (position > :position OR (position = :position AND transaction_index > :tx))
                ORDER BY position, transaction_index LIMIT :limit""")
                .param("tenant", tenantId).param("statement", statementId).param("status", status == null ? null : status.name())
                .param("position", afterPosition).param("tx", afterTransaction).param("limit", limit)
                .query(StatementStore::line).list();
    }

    long countWithStatus(UUID tenantId, LineStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM bank_statement_line WHERE tenant_id = ? AND status = ?")
                .params(tenantId, status.name()).query(Long.class).single();
    }

    /** All statements' lines with a status, oldest booking first, keyset-paged on (booking date, id). */
    List<LineRow> linesWithStatus(UUID tenantId, LineStatus status, int limit, LocalDate afterDate, UUID afterId) {
        return jdbc.sql("""
                SELECT * FROM bank_statement_line WHERE tenant_id = :tenant AND status = :status
                  AND (CAST(:afterDate AS DATE) IS NULL OR booking_date > :afterDate
                       OR (booking_date = :afterDate AND id > :afterId))
                ORDER BY booking_date, id LIMIT :limit""")
                .param("tenant", tenantId).param("status", status.name()).param("afterDate", afterDate)
                .param("afterId", afterId).param("limit", limit)
                .query(StatementStore::line).list();
    }

    void markMatched(UUID tenantId, UUID id, Integer confidence, String by, UUID debtorId, UUID paymentId, String applied,
                     OffsetDateTime now) {
        jdbc.sql("""
                UPDATE bank_statement_line SET status = 'MATCHED', confidence = ?, matched_by = ?, debtor_id = ?,
                    payment_id = ?, applied = ?, matched_at = ?, note = NULL
                WHERE tenant_id = ? AND id = ?""")
                .params(confidence, by, debtorId, paymentId, applied, now, tenantId, id).update();
    }

    void markProposals(UUID tenantId, UUID id, LineStatus status, Integer confidence, String candidates, String note) {
        jdbc.sql("UPDATE bank_statement_line SET status = ?, confidence = ?, candidates = ?, note = ? WHERE tenant_id = ? AND id = ?")
                .params(status.name(), confidence, candidates, note, tenantId, id).update();
    }

    void saveCandidates(UUID tenantId, UUID id, String candidates) {
        jdbc.sql("UPDATE bank_statement_line SET candidates = ? WHERE tenant_id = ? AND id = ?").params(candidates, tenantId, id)
                .update();
    }

    void markUnmatched(UUID tenantId, UUID id, String note) {
        jdbc.sql("""
                UPDATE bank_statement_line SET status = 'UNMATCHED', confidence = NULL, matched_by = NULL, debtor_id = NULL,
                    payment_id = NULL, applied = NULL, matched_at = NULL, auto_blocked = TRUE, note = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(note, tenantId, id).update();
    }

    /** The line a payment was recorded from or linked to, if any. */
    Optional<UUID> lineOfPayment(UUID tenantId, UUID paymentId) {
        return jdbc.sql("SELECT id FROM bank_statement_line WHERE tenant_id = ? AND payment_id = ?").params(tenantId, paymentId)
                .query(UUID.class).optional();
    }

    /** The credit of one of our direct debits, linked to the payment sepa booked: matched, nothing recorded. */
    void markLinked(UUID tenantId, UUID id, UUID debtorId, UUID paymentId, String note, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE bank_statement_line SET status = 'MATCHED', confidence = NULL, matched_by = 'SEPA', debtor_id = ?,
                    payment_id = ?, applied = NULL, matched_at = ?, note = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(debtorId, paymentId, now, note, tenantId, id).update();
    }

    /** A credit the bank took back ({@code REVERSED} or {@code RETURNED}), its match undone: nothing to match any more. */
    void markTakenBack(UUID tenantId, UUID id, LineStatus status, String note) {
        jdbc.sql("""
                UPDATE bank_statement_line SET status = ?, confidence = NULL, payment_id = NULL, applied = NULL,
                    auto_blocked = TRUE, note = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(status.name(), note, tenantId, id).update();
    }

    void markStatus(UUID tenantId, UUID id, LineStatus status, String note) {
        jdbc.sql("UPDATE bank_statement_line SET status = ?, note = ? WHERE tenant_id = ? AND id = ?")
                .params(status.name(), note, tenantId, id).update();
    }

    /** A statement's debit lines still waiting for the credit they reverse (new, or left to a person). */
    List<UUID> reversalsToCheck(UUID tenantId, UUID statementId) {
        return jdbc.sql("""
                SELECT id FROM bank_statement_line WHERE tenant_id = ? AND statement_id = ?
                  AND status IN ('NEW', 'UNMATCHED') AND credit_debit = 'DEBIT'
                ORDER BY position, transaction_index""")
                .params(tenantId, statementId).query(UUID.class).list();
    }

    /** Debit lines of the credit's account still waiting for a person that name it by end-to-end id or bank reference. */
    List<UUID> pendingReversalsOf(UUID tenantId, LineRow credit) {
        if (credit.endToEndId() == null && credit.bankReference() == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT l.id FROM bank_statement_line l JOIN bank_statement s ON s.tenant_id = l.tenant_id AND s.id = l.statement_id
                WHERE l.tenant_id = :tenant AND l.credit_debit = 'DEBIT' AND l.status = 'UNMATCHED'
                  AND s.account_id = (SELECT account_id FROM bank_statement WHERE tenant_id = :tenant AND id = :statement)
                  AND (l.end_to_end_id = :e2e OR l.bank_reference = :ref OR l.transaction_reference = :ref)
                ORDER BY l.booking_date, l.id""")
                .param("tenant", tenantId).param("statement", credit.statementId()).param("e2e", credit.endToEndId())
                .param("ref", credit.bankReference()).query(UUID.class).list();
    }

    /**
     * Credits of the same account that a reversing line may name: by end-to-end id, else by bank
     * reference (the credit's, repeated by the reversal as its own or its transaction's).
     */
    List<LineRow> creditsNamedBy(UUID tenantId, LineRow reversal) {
        String select = """
                SELECT l.* FROM bank_statement_line l JOIN bank_statement s ON s.tenant_id = l.tenant_id AND s.id = l.statement_id
                WHERE l.tenant_id = :tenant AND l.credit_debit = 'CREDIT' AND l.reversal = FALSE
                  AND s.account_id = (SELECT account_id FROM bank_statement WHERE tenant_id = :tenant AND id = :statement)
                  AND (CAST(:on AS DATE) IS NULL OR l.booking_date IS NULL OR l.booking_date <= :on)
                  AND """;
        if (reversal.endToEndId() != null) {
            List<LineRow> named = jdbc.sql(select + " l.end_to_end_id = :ref ORDER BY l.booking_date, l.id")
                    .param("tenant", tenantId).param("statement", reversal.statementId()).param("on", reversal.bookingDate())
                    .param("ref", reversal.endToEndId()).query(StatementStore::line).list();
            if (!named.isEmpty()) {
                return named;
            }
        }
        List<String> references = new ArrayList<>();
        if (reversal.transactionReference() != null) {
            references.add(reversal.transactionReference());
        }
        if (reversal.bankReference() != null) {
            references.add(reversal.bankReference());
        }
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(select + " l.bank_reference IN (:refs) ORDER BY l.booking_date, l.id")
                .param("tenant", tenantId).param("statement", reversal.statementId()).param("on", reversal.bookingDate())
                .param("refs", references).query(StatementStore::line).list();
    }

    private static LineRow line(ResultSet rs, int row) throws SQLException {
        String references = rs.getString("creditor_references");
        return new LineRow(rs.getObject("id", UUID.class), rs.getObject("statement_id", UUID.class), rs.getInt("position"),
                rs.getInt("transaction_index"), rs.getLong("file_line"), rs.getString("fingerprint"),
                rs.getObject("booking_date", LocalDate.class), rs.getObject("value_date", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("currency"), CreditDebit.valueOf(rs.getString("credit_debit")),
                rs.getBoolean("reversal"), rs.getString("entry_status"), rs.getString("bank_reference"),
                rs.getString("end_to_end_id"), rs.getString("payer_name"), rs.getString("payer_iban"),
                references == null ? List.of() : List.of(references.split("\n")), rs.getString("remittance"),
                rs.getString("additional_info"), LineStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("confidence", Integer.class), rs.getString("matched_by"),
                rs.getObject("debtor_id", UUID.class), rs.getObject("payment_id", UUID.class), rs.getString("applied"),
                rs.getString("candidates"), rs.getBoolean("auto_blocked"), rs.getString("note"),
                offset(rs, "matched_at"), rs.getString("return_reason"), rs.getString("transaction_reference"));
    }

    // ---- payer accounts

    record PayerAccount(String iban, UUID debtorId) {
    }

    List<PayerAccount> payerAccounts(UUID tenantId) {
        return jdbc.sql("SELECT iban, debtor_id FROM bank_payer_account WHERE tenant_id = ?").param(tenantId)
                .query((rs, n) -> new PayerAccount(rs.getString(1), rs.getObject(2, UUID.class))).list();
    }

    /** Links the account to the debtor; false if it already was. */
    boolean linkPayer(UUID tenantId, String iban, UUID debtorId, UUID learnedFrom, OffsetDateTime now) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM bank_payer_account WHERE tenant_id = ? AND iban = ? AND debtor_id = ?")
                .params(tenantId, iban, debtorId).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("INSERT INTO bank_payer_account (tenant_id, iban, debtor_id, learned_from, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, iban, debtorId, learnedFrom, now).update();
        return true;
    }

    List<PayerAccount> forgetLearnedFrom(UUID tenantId, UUID lineId) {
        List<PayerAccount> learnt = jdbc.sql("SELECT iban, debtor_id FROM bank_payer_account WHERE tenant_id = ? AND learned_from = ?")
                .params(tenantId, lineId).query((rs, n) -> new PayerAccount(rs.getString(1), rs.getObject(2, UUID.class))).list();
        jdbc.sql("DELETE FROM bank_payer_account WHERE tenant_id = ? AND learned_from = ?").params(tenantId, lineId).update();
        return learnt;
    }

    // ---- settings

    Optional<Integer> threshold(UUID tenantId) {
        return jdbc.sql("SELECT auto_match_threshold FROM bank_reconciliation_settings WHERE tenant_id = ?").param(tenantId)
                .query(Integer.class).optional();
    }

    void saveThreshold(UUID tenantId, int threshold, OffsetDateTime now) {
        int updated = jdbc.sql("UPDATE bank_reconciliation_settings SET auto_match_threshold = ?, updated_at = ? WHERE tenant_id = ?")
                .params(threshold, now, tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO bank_reconciliation_settings (tenant_id, auto_match_threshold, updated_at) VALUES (?, ?, ?)")
                    .params(tenantId, threshold, now).update();
        }
    }
}
