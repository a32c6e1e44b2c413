package fr.encaisse.penalties.internal;

import fr.encaisse.law.AgreedTerm;
import fr.encaisse.law.Allocation;
import fr.encaisse.law.CreditorKind;
import fr.encaisse.law.DayCount;
import fr.encaisse.penalties.TermsOfSale;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Terms of sale rows: one per tenant ('TENANT') and one per debtor that overrides them. */
@Repository
class TermsStore {

    static final String TENANT_SCOPE = "TENANT";

    private final JdbcClient jdbc;

    TermsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TermsOfSale> find(UUID tenantId, String scope) {
        return jdbc.sql("SELECT * FROM terms_of_sale WHERE tenant_id = ? AND scope = ?").params(tenantId, scope)
                .query((rs, n) -> new TermsOfSale(rs.getBigDecimal("contract_rate"), AgreedTerm.valueOf(rs.getString("agreed_term")),
                        Allocation.valueOf(rs.getString("allocation")), DayCount.valueOf(rs.getString("day_count")),
                        CreditorKind.valueOf(rs.getString("creditor_kind")), rs.getBoolean("last_known_rates_allowed")))
                .optional();
    }

    void save(UUID tenantId, String scope, TermsOfSale t, OffsetDateTime now) {
        jdbc.sql("DELETE FROM terms_of_sale WHERE tenant_id = ? AND scope = ?").params(tenantId, scope).update();
        jdbc.sql("""
                INSERT INTO terms_of_sale (tenant_id, scope, contract_rate, agreed_term, allocation, day_count, creditor_kind,
                    last_known_rates_allowed, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, scope, t.contractRate(), t.agreedTerm().name(), t.allocation().name(), t.dayCount().name(),
                        t.creditorKind().name(), t.lastKnownRatesAllowed(), now)
                .update();
    }
}
