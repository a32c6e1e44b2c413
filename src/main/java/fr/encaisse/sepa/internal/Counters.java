package fr.encaisse.sepa.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-tenant counters behind mandate references, end-to-end ids and message ids. The row lock of
 * the increment serialises concurrent callers until their transaction ends, so no number is given
 * twice to committed work (a number drawn in a rolled-back transaction may come again, which is
 * harmless). Every use is also guarded by a unique constraint.
 */
@Component
class Counters {

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long next(UUID tenantId, String name) {
        jdbc.sql("INSERT INTO sepa_counter (tenant_id, name, counter_value) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(tenantId, name).update();
        jdbc.sql("UPDATE sepa_counter SET counter_value = counter_value + 1 WHERE tenant_id = ? AND name = ?")
                .params(tenantId, name).update();
        return jdbc.sql("SELECT counter_value FROM sepa_counter WHERE tenant_id = ? AND name = ?").params(tenantId, name)
                .query(Long.class).single();
    }
}
