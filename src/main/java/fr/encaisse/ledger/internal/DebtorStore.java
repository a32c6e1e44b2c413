package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.Contact;
import fr.encaisse.ledger.ContactRole;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorBalance;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.DebtorSummary;
import fr.encaisse.ledger.Slice;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Debtors and their contacts; every statement is bound to one tenant. */
@Repository
class DebtorStore {

    private final JdbcClient jdbc;

    DebtorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID tenantId, UUID id, DebtorDraft d, OffsetDateTime now) {
        Address a = d.address() == null ? new Address(null, null, null, null, "FR") : d.address();
        jdbc.sql("""
                INSERT INTO debtor (id, tenant_id, reference, legal_name, siren, siret, vat_number, kind, address_line1,
                    address_line2, postal_code, city, country, email, phone, language, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, d.reference().trim(), d.legalName().trim(), DraftChecks.blankToNull(d.siren()),
                        DraftChecks.blankToNull(d.siret()), DraftChecks.blankToNull(d.vatNumber()), d.kind().name(),
                        a.line1(), a.line2(), a.postalCode(), a.city(), a.country() == null ? "FR" : a.country(),
                        DraftChecks.blankToNull(d.email()), DraftChecks.blankToNull(d.phone()),
                        d.language() == null ? "fr" : d.language(), now, now)
                .update();
        replaceContacts(tenantId, id, d.contacts());
    }

    boolean update(UUID tenantId, UUID id, DebtorDraft d, OffsetDateTime now) {
        Address a = d.address() == null ? new Address(null, null, null, null, "FR") : d.address();
        int rows = jdbc.sql("""
                UPDATE debtor SET reference = ?, legal_name = ?, siren = ?, siret = ?, vat_number = ?, kind = ?,
                    address_line1 = ?, address_line2 = ?, postal_code = ?, city = ?, country = ?, email = ?, phone = ?,
                    language = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(d.reference().trim(), d.legalName().trim(), DraftChecks.blankToNull(d.siren()),
                        DraftChecks.blankToNull(d.siret()), DraftChecks.blankToNull(d.vatNumber()), d.kind().name(),
                        a.line1(), a.line2(), a.postalCode(), a.city(), a.country() == null ? "FR" : a.country(),
                        DraftChecks.blankToNull(d.email()), DraftChecks.blankToNull(d.phone()),
                        d.language() == null ? "fr" : d.language(), now, tenantId, id)
                .update();
        if (rows == 1) {
            replaceContacts(tenantId, id, d.contacts());
        }
        return rows == 1;
    }

    private void replaceContacts(UUID tenantId, UUID debtorId, List<Contact> contacts) {
        jdbc.sql("DELETE FROM debtor_contact WHERE tenant_id = ? AND debtor_id = ?").params(tenantId, debtorId).update();
        for (Contact c : contacts) {
            jdbc.sql("INSERT INTO debtor_contact (id, tenant_id, debtor_id, name, email, phone, role) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), tenantId, debtorId, c.name(), c.email(), c.phone(),
                            (c.role() == null ? ContactRole.OTHER : c.role()).name())
                    .update();
        }
    }

    boolean delete(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM debtor_contact WHERE tenant_id = ? AND debtor_id = ?").params(tenantId, id).update();
        return jdbc.sql("DELETE FROM debtor WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() == 1;
    }

    boolean hasEntries(UUID tenantId, UUID id) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM invoice WHERE tenant_id = ? AND debtor_id = ?)
                     + (SELECT COUNT(*) FROM payment WHERE tenant_id = ? AND debtor_id = ?)""")
                .params(tenantId, id, tenantId, id).query(Long.class).single() > 0;
    }

    Optional<Debtor> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM debtor WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(this::map).optional();
    }

    Optional<Debtor> findByReference(UUID tenantId, String reference) {
        return jdbc.sql("SELECT * FROM debtor WHERE tenant_id = ? AND reference = ?").params(tenantId, reference)
                .query(this::map).optional();
    }

    /**
     * One page of debtors with their open and overdue totals. The page of debtors is chosen first
     * (keyset on name, id) and only its rows are aggregated, so a page costs the same at 100,000
     * debtors as at 100.
     */
    Slice<DebtorSummary> list(UUID tenantId, LocalDate today, String nameContains, int limit, Cursor after) {
        StringBuilder page = new StringBuilder("SELECT id, reference, legal_name, kind, tenant_id FROM debtor WHERE tenant_id = :tenant");
        if (nameContains != null && !nameContains.isBlank()) {
            page.append(" AND (LOWER(legal_name) LIKE :filter OR LOWER(reference) LIKE :filter)");
        }
        if (after != null) {
            page.append(" AND legal_name >= :afterName AND (legal_name > :afterName OR id > :afterId)");
        }
        page.append(" ORDER BY legal_name, id LIMIT :limit");
        var spec = jdbc.sql("""
                SELECT d.id, d.reference, d.legal_name, d.kind,
                       COALESCE(SUM(i.open_amount), 0) AS open_amount,
                       COALESCE(SUM(CASE WHEN i.due_date < :today THEN i.open_amount ELSE 0 END), 0) AS overdue_amount,
                       COUNT(i.id) AS open_count
                FROM (%s) d
                LEFT JOIN invoice i ON i.tenant_id = d.tenant_id AND i.debtor_id = d.id
                                   AND i.kind = 'INVOICE' AND i.open_amount > 0
                GROUP BY d.id, d.reference, d.legal_name, d.kind
                ORDER BY d.legal_name, d.id""".formatted(page))
                .param("today", today).param("tenant", tenantId).param("limit", limit + 1);
        if (nameContains != null && !nameContains.isBlank()) {
            spec = spec.param("filter", "%" + nameContains.toLowerCase() + "%");
        }
        if (after != null) {
            spec = spec.param("afterName", after.key()).param("afterId", after.id());
        }
        List<DebtorSummary> rows = spec
                .query((rs, n) -> new DebtorSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getString("legal_name"), DebtorKind.valueOf(rs.getString("kind")), rs.getBigDecimal("open_amount"),
                        rs.getBigDecimal("overdue_amount"), rs.getInt("open_count")))
                .list();
        return page(rows, limit, d -> new Cursor(d.legalName(), d.id()));
    }

    List<DebtorBalance> balances(UUID tenantId, UUID debtorId, LocalDate today) {
        return jdbc.sql("""
                SELECT currency,
                       SUM(CASE WHEN src = 'I' THEN amt ELSE 0 END) AS open_invoices,
                       SUM(CASE WHEN src = 'I' AND due < :today THEN amt ELSE 0 END) AS overdue,
                       SUM(CASE WHEN src = 'C' THEN amt ELSE 0 END) AS credits,
                       SUM(CASE WHEN src = 'P' THEN amt ELSE 0 END) AS payments,
                       SUM(CASE WHEN src = 'I' AND amt > 0 THEN 1 ELSE 0 END) AS open_count
                FROM (
                    SELECT CASE WHEN kind = 'INVOICE' THEN 'I' ELSE 'C' END AS src, currency, open_amount AS amt, due_date AS due
                    FROM invoice WHERE tenant_id = :tenant AND debtor_id = :debtor
                    UNION ALL
                    SELECT 'P', currency, unallocated_amount, NULL FROM payment WHERE tenant_id = :tenant AND debtor_id = :debtor
                ) items
                GROUP BY currency ORDER BY currency""")
                .param("today", today).param("tenant", tenantId).param("debtor", debtorId)
                .query((rs, n) -> {
                    BigDecimal open = rs.getBigDecimal("open_invoices");
                    BigDecimal credits = rs.getBigDecimal("credits");
                    BigDecimal payments = rs.getBigDecimal("payments");
                    return new DebtorBalance(debtorId, rs.getString("currency"), open, rs.getBigDecimal("overdue"), credits,
                            payments, open.subtract(credits).subtract(payments), rs.getInt("open_count"));
                })
                .list();
    }

    static <T> Slice<T> page(List<T> rows, int limit, java.util.function.Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Slice<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
    }

    private Debtor map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID tenantId = rs.getObject("tenant_id", UUID.class);
        List<Contact> contacts = jdbc.sql("SELECT name, email, phone, role FROM debtor_contact WHERE tenant_id = ? AND debtor_id = ? ORDER BY name")
                .params(tenantId, id)
                .query((c, n) -> new Contact(c.getString("name"), c.getString("email"), c.getString("phone"),
                        ContactRole.valueOf(c.getString("role"))))
                .list();
        return new Debtor(id, rs.getString("reference"), rs.getString("legal_name"), rs.getString("siren"),
                rs.getString("siret"), rs.getString("vat_number"), DebtorKind.valueOf(rs.getString("kind")),
                new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("postal_code"),
                        rs.getString("city"), rs.getString("country")),
                rs.getString("email"), rs.getString("phone"), rs.getString("language"), contacts);
    }
}
