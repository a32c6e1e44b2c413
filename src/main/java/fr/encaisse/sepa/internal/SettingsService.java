package fr.encaisse.sepa.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.sepa.DirectDebitSettings;
import fr.encaisse.sepa.PainVersion;
import fr.encaisse.sepa.SepaIdentifiers;
import fr.encaisse.sepa.SepaSettings;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sepa_settings} row of a tenant, defaults until the tenant saves its own. */
@Service
@Transactional
class SettingsService implements DirectDebitSettings {

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Clock clock;

    SettingsService(JdbcClient jdbc, Tenants tenants, Evidence evidence, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SepaSettings current() {
        return of(TenantContext.tenantId());
    }

    SepaSettings of(UUID tenantId) {
        return stored(tenantId).orElseGet(() -> SepaSettings.defaults(tenants.get(tenantId).sepaCreditorId()));
    }

    /** The settings with a creditor identifier that passes its check, or a conflict saying what to do. */
    SepaSettings usable(UUID tenantId) {
        SepaSettings s = of(tenantId);
        if (s.creditorId() == null || !SepaIdentifiers.isValidCreditorId(s.creditorId())) {
            throw new ConflictException("The tenant has no valid SEPA creditor identifier (ICS)"
                    + (s.creditorId() == null ? "" : " ('" + s.creditorId() + "' fails its check digits)")
                    + ": set it first with PUT /api/v1/sepa/settings");
        }
        return s;
    }

    private Optional<SepaSettings> stored(UUID tenantId) {
        return jdbc.sql("SELECT * FROM sepa_settings WHERE tenant_id = ?").param(tenantId)
                .query((rs, n) -> new SepaSettings(rs.getString("creditor_id"), rs.getString("umr_prefix"),
                        rs.getInt("prenotification_days"), rs.getInt("representation_days"), rs.getInt("bank_cut_off_days"),
                        rs.getInt("planning_horizon_days"), rs.getBoolean("first_collection_frst"),
                        PainVersion.valueOf(rs.getString("pain_version"))))
                .optional();
    }

    @Override
    public SepaSettings update(SepaSettings s) {
        Problems p = new Problems();
        String creditorId = p.creditorId("creditorId", s.creditorId());
        if (s.umrPrefix() == null || !s.umrPrefix().matches("[A-Z0-9]{1,12}")) {
            p.add("umrPrefix", s.umrPrefix(), "must be 1 to 12 upper-case letters or digits");
        }
        range(p, "prenotificationDays", s.prenotificationDays(), 1, 60);
        range(p, "representationDelayDays", s.representationDelayDays(), 1, 60);
        range(p, "bankCutOffDays", s.bankCutOffDays(), 0, 10);
        range(p, "planningHorizonDays", s.planningHorizonDays(), 0, 366);
        p.throwIfAny();
        PainVersion version = s.painVersion() == null ? PainVersion.V08 : s.painVersion();
        SepaSettings saved = new SepaSettings(creditorId, s.umrPrefix(), s.prenotificationDays(), s.representationDelayDays(),
                s.bankCutOffDays(), s.planningHorizonDays(), s.firstCollectionAsFrst(), version);
        UUID tenantId = TenantContext.tenantId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                        UPDATE sepa_settings SET creditor_id = ?, umr_prefix = ?, prenotification_days = ?, representation_days = ?,
                               bank_cut_off_days = ?, planning_horizon_days = ?, first_collection_frst = ?, pain_version = ?,
                               updated_at = ?
                        WHERE tenant_id = ?""")
                .params(saved.creditorId(), saved.umrPrefix(), saved.prenotificationDays(), saved.representationDelayDays(),
                        saved.bankCutOffDays(), saved.planningHorizonDays(), saved.firstCollectionAsFrst(),
                        saved.painVersion().name(), now, tenantId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO sepa_settings (tenant_id, creditor_id, umr_prefix, prenotification_days, representation_days,
                                   bank_cut_off_days, planning_horizon_days, first_collection_frst, pain_version, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, saved.creditorId(), saved.umrPrefix(), saved.prenotificationDays(),
                            saved.representationDelayDays(), saved.bankCutOffDays(), saved.planningHorizonDays(),
                            saved.firstCollectionAsFrst(), saved.painVersion().name(), now)
                    .update();
        }
        evidence.record("TENANT", tenantId, "sepa.settings.updated", json.writeValueAsString(saved));
        return saved;
    }

    private static void range(Problems p, String field, int value, int min, int max) {
        if (value < min || value > max) {
            p.add(field, String.valueOf(value), "must be between " + min + " and " + max);
        }
    }
}
