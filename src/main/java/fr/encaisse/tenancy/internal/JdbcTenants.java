package fr.encaisse.tenancy.internal;

import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.iban4j.IbanUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcTenants implements Tenants {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    JdbcTenants(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Tenant create(NewTenant t) {
        if (t.slug() == null || !t.slug().matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw InvalidInputException.of("slug", "must be 2-64 lowercase letters, digits or dashes");
        }
        if (t.iban() != null && !IbanUtil.isValid(t.iban().replace(" ", ""))) {
            throw InvalidInputException.of("iban", "is not a valid IBAN");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO tenant (id, slug, name, siren, vat_number, address_line1, postal_code, city,
                                    iban, bic, sepa_creditor_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, t.slug(), t.name(), t.siren(), t.vatNumber(), t.addressLine1(), t.postalCode(), t.city(),
                        t.iban() == null ? null : t.iban().replace(" ", ""), t.bic(), t.sepaCreditorId(),
                        OffsetDateTime.now(clock))
                .update();
        return get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Tenant> bySlug(String slug) {
        return jdbc.sql("SELECT * FROM tenant WHERE slug = ?").param(slug).query(JdbcTenants::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Tenant get(UUID id) {
        return jdbc.sql("SELECT * FROM tenant WHERE id = ?").param(id).query(JdbcTenants::map).optional()
                .orElseThrow(() -> new NotFoundException("Tenant", id));
    }

    @Override
    @Transactional(readOnly = true)
    public LocalDate today(UUID tenantId) {
        return LocalDate.now(clock.withZone(get(tenantId).timeZone()));
    }

    @Override
    public void addUser(UUID tenantId, String username, String rawPassword, String fullName, Role role) {
        jdbc.sql("""
                INSERT INTO app_user (id, tenant_id, username, password_hash, full_name, role, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), tenantId, username.toLowerCase(), passwords.encode(rawPassword), fullName,
                        role.name(), OffsetDateTime.now(clock))
                .update();
    }

    @Override
    public String createApiKey(UUID tenantId, String name, Role role) {
        String raw = ApiKeyFormat.generate();
        registerApiKey(tenantId, name, role, raw);
        return raw;
    }

    @Override
    public void registerApiKey(UUID tenantId, String name, Role role, String rawKey) {
        String prefix = ApiKeyFormat.prefixOf(rawKey)
                .orElseThrow(() -> InvalidInputException.of("apiKey", "must look like enc_<8 chars>_<secret>"));
        jdbc.sql("""
                INSERT INTO api_key (id, tenant_id, name, prefix, key_hash, role, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), tenantId, name, prefix, ApiKeyFormat.hash(rawKey), role.name(),
                        OffsetDateTime.now(clock))
                .update();
    }

    static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                rs.getString("siren"), rs.getString("vat_number"), rs.getString("address_line1"),
                rs.getString("address_line2"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("country"), rs.getString("iban"), rs.getString("bic"), rs.getString("sepa_creditor_id"),
                rs.getString("letterhead"), ZoneId.of(rs.getString("time_zone")));
    }
}
