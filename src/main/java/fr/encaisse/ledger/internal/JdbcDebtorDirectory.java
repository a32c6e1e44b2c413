package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorDirectory;
import fr.encaisse.tenancy.TenantContext;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcDebtorDirectory implements DebtorDirectory {

    private static final int MAX = 20;

    private final JdbcClient jdbc;
    private final DebtorStore debtors;

    JdbcDebtorDirectory(JdbcClient jdbc, DebtorStore debtors) {
        this.jdbc = jdbc;
        this.debtors = debtors;
    }

    @Override
    public List<Debtor> bySiren(String siren) {
        return ids("siren = ?", siren == null ? null : siren.replaceAll("\\s", ""));
    }

    @Override
    public List<Debtor> byVatNumber(String vatNumber) {
        return ids("UPPER(REPLACE(vat_number, ' ', '')) = ?",
                vatNumber == null ? null : vatNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
    }

    @Override
    public List<Debtor> byLegalName(String legalName) {
        return ids("LOWER(legal_name) = ?", legalName == null ? null : legalName.trim().toLowerCase(Locale.ROOT));
    }

    private List<Debtor> ids(String condition, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        UUID tenant = TenantContext.tenantId();
        return jdbc.sql("SELECT id FROM debtor WHERE tenant_id = ? AND " + condition + " ORDER BY created_at, id LIMIT " + MAX)
                .params(tenant, value).query(UUID.class).list().stream()
                .map(id -> debtors.find(tenant, id).orElseThrow())
                .toList();
    }
}
