package fr.encaisse.dunning.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.dunning.Contact;
import fr.encaisse.dunning.Grouping;
import fr.encaisse.dunning.Stage;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dunning tables other than scenarios. */
@Repository
class DunningStore {

    /** An action to write: one invoice's step within a contact. */
    record ActionRow(UUID invoiceId, String stepCode, int stepOffset, LocalDate stepDate, BigDecimal openAmount) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DunningStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- the tenant's lock row and settings

    /** Creates the tenant's settings row if needed and locks it until the transaction ends. */
    boolean lockTenant(UUID tenantId, OffsetDateTime now) {
        jdbc.sql("INSERT INTO dunning_settings (tenant_id, daily_run, updated_at) VALUES (?, FALSE, ?) ON CONFLICT DO NOTHING")
                .params(tenantId, now).update();
        return jdbc.sql("SELECT daily_run FROM dunning_settings WHERE tenant_id = ? FOR UPDATE").param(tenantId)
                .query(Boolean.class).single();
    }

    boolean dailyRun(UUID tenantId) {
        return jdbc.sql("SELECT daily_run FROM dunning_settings WHERE tenant_id = ?").param(tenantId).query(Boolean.class)
                .optional().orElse(false);
    }

    void setDailyRun(UUID tenantId, boolean on, OffsetDateTime now) {
        if (jdbc.sql("UPDATE dunning_settings SET daily_run = ?, updated_at = ? WHERE tenant_id = ?").params(on, now, tenantId)
                .update() == 0) {
            jdbc.sql("INSERT INTO dunning_settings (tenant_id, daily_run, updated_at) VALUES (?, ?, ?)").params(tenantId, on, now)
                    .update();
        }
    }

    List<UUID> dailyRunTenants() {
        return jdbc.sql("SELECT tenant_id FROM dunning_settings WHERE daily_run ORDER BY tenant_id").query(UUID.class).list();
    }

    // ---- what the decision needs

    /**
     * Streams every invoice state of the tenant into the map (last offset) and the pending set.
     * PostgreSQL: one cursor. H2: windows of row ids in storage order (see ledger's {@code JdbcOpenItems}
     * for why: no cursor, a lazy mode that corrupts reads, slow index look-ups).
     */
    void loadStates(UUID tenantId, UuidIntMap levels, Set<UUID> pending) {
        RowCallbackHandler row = rs -> {
            UUID invoice = rs.getObject(1, UUID.class);
            levels.put(invoice, rs.getInt(2));
            if (rs.getObject(3) != null) {
                pending.add(invoice);
            }
        };
        if (isH2()) {
            long[] range = jdbc.sql("SELECT MIN(_ROWID_), MAX(_ROWID_) FROM dunning_invoice_state")
                    .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
            for (long from = range[0] - 1; from < range[1]; from += H2_WINDOW) {
                template.query("SELECT invoice_id, last_offset, pending_contact_id FROM dunning_invoice_state USE INDEX ()"
                        + " WHERE _ROWID_ > ? AND _ROWID_ <= ? AND tenant_id = ?", row, from, from + H2_WINDOW, tenantId);
            }
            return;
        }
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT invoice_id, last_offset, pending_contact_id FROM dunning_invoice_state WHERE tenant_id = ?",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(5_000);
            ps.setObject(1, tenantId);
            return ps;
        }, row);
    }

    private static final int H2_WINDOW = 100_000;
    private volatile Boolean h2;

    private boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            known = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")));
            h2 = known;
        }
        return known;
    }

    Map<UUID, Decider.DebtorInfo> debtors(UUID tenantId, Function<UUID, CompiledScenario> scenarios) {
        Map<UUID, Decider.DebtorInfo> result = new HashMap<>();
        jdbc.sql("SELECT debtor_id, scenario_id, segment, risk_class, last_contact_on FROM dunning_debtor WHERE tenant_id = ?")
                .param(tenantId).query((ResultSet rs) -> {
                    UUID scenario = rs.getObject(2, UUID.class);
                    LocalDate last = rs.getObject(5, LocalDate.class);
                    result.put(rs.getObject(1, UUID.class), new Decider.DebtorInfo(scenario == null ? null : scenarios.apply(scenario),
                            rs.getString(3), rs.getString(4), last == null ? Decider.NONE : (int) last.toEpochDay()));
                });
        return result;
    }

    Set<UUID> debtorsWithDraft(UUID tenantId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT debtor_id FROM dunning_contact WHERE tenant_id = ? AND status = 'DRAFT'")
                .param(tenantId).query(UUID.class).list());
    }

    // ---- writing a contact

    void insertContact(UUID tenantId, UUID id, UUID debtorId, UUID scenarioId, String grouping, String stepCode, int stepOffset,
                       Stage stage, List<Channel> channels, String template, LocalDate asOf, LocalDate stepDate,
                       LocalDate deadline, Contact.Status status, int invoiceCount, UUID runId, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO dunning_contact (id, tenant_id, debtor_id, scenario_id, grouping, step_code, step_offset, stage,
                    channels, template, as_of, step_date, deadline, status, invoice_count, run_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, debtorId, scenarioId, grouping, stepCode, stepOffset, stage.name(),
                        String.join(",", channels.stream().map(Enum::name).toList()), template, asOf, stepDate, deadline,
                        status.name(), invoiceCount, runId, now)
                .update();
    }

    /** One row per (invoice, step): the unique constraint refuses a second one, whoever tries. */
    void insertActions(UUID tenantId, UUID contactId, UUID debtorId, LocalDate asOf, List<ActionRow> actions, OffsetDateTime now) {
        template.batchUpdate("""
                INSERT INTO dunning_action (id, tenant_id, invoice_id, debtor_id, contact_id, step_code, step_offset, step_date,
                    as_of, open_amount, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", actions, 500, (ps, a) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, tenantId);
            ps.setObject(3, a.invoiceId());
            ps.setObject(4, debtorId);
            ps.setObject(5, contactId);
            ps.setString(6, a.stepCode());
            ps.setInt(7, a.stepOffset());
            ps.setObject(8, a.stepDate());
            ps.setObject(9, asOf);
            ps.setBigDecimal(10, a.openAmount());
            ps.setObject(11, now);
        });
    }

    /** Moves each invoice to its new last step (inserting its state row the first time). */
    void advance(UUID tenantId, UUID debtorId, List<ActionRow> actions, LocalDate asOf, UUID pendingContact) {
        int[][] updated = template.batchUpdate("""
                UPDATE dunning_invoice_state SET last_offset = ?, last_step = ?, last_action_on = ?, pending_contact_id = ?
                WHERE tenant_id = ? AND invoice_id = ?""", actions, 500, (ps, a) -> {
            ps.setInt(1, a.stepOffset());
            ps.setString(2, a.stepCode());
            ps.setObject(3, asOf);
            ps.setObject(4, pendingContact);
            ps.setObject(5, tenantId);
            ps.setObject(6, a.invoiceId());
        });
        List<ActionRow> missing = new ArrayList<>();
        int k = 0;
        for (int[] batch : updated) {
            for (int count : batch) {
                if (count == 0) {
                    missing.add(actions.get(k));
                }
                k++;
            }
        }
        if (!missing.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO dunning_invoice_state (tenant_id, invoice_id, debtor_id, last_offset, last_step, last_action_on,
                        pending_contact_id) VALUES (?, ?, ?, ?, ?, ?, ?)""", missing, 500, (ps, a) -> {
                ps.setObject(1, tenantId);
                ps.setObject(2, a.invoiceId());
                ps.setObject(3, debtorId);
                ps.setInt(4, a.stepOffset());
                ps.setString(5, a.stepCode());
                ps.setObject(6, asOf);
                ps.setObject(7, pendingContact);
            });
        }
    }

    void touchDebtor(UUID tenantId, UUID debtorId, LocalDate contactOn) {
        if (jdbc.sql("""
                UPDATE dunning_debtor SET last_contact_on = ? WHERE tenant_id = ? AND debtor_id = ?
                  AND (last_contact_on IS NULL OR last_contact_on < ?)""").params(contactOn, tenantId, debtorId, contactOn).update() == 0
                && jdbc.sql("SELECT COUNT(*) FROM dunning_debtor WHERE tenant_id = ? AND debtor_id = ?").params(tenantId, debtorId)
                .query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO dunning_debtor (tenant_id, debtor_id, last_contact_on) VALUES (?, ?, ?)")
                    .params(tenantId, debtorId, contactOn).update();
        }
    }

    void insertRun(UUID tenantId, UUID id, LocalDate asOf, String trigger, OffsetDateTime started, OffsetDateTime finished,
                   long read, int contacts, int actions, String report) {
        jdbc.sql("""
                INSERT INTO dunning_run (id, tenant_id, as_of, trigger_name, started_at, finished_at, invoices_read, contacts,
                    actions, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, asOf, trigger, started, finished, read, contacts, actions, report).update();
    }

    // ---- contacts

    int countContacts(UUID tenantId, Contact.Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM dunning_contact WHERE tenant_id = ? AND status = ?")
                .params(tenantId, status.name()).query(Integer.class).single();
    }

    List<Contact> contacts(UUID tenantId, UUID debtorId, LocalDate from, LocalDate to, Contact.Status status) {
        List<Contact> heads = jdbc.sql("SELECT * FROM dunning_contact WHERE tenant_id = :tenant"
                        + (debtorId == null ? "" : " AND debtor_id = :debtor")
                        + (from == null ? "" : " AND as_of >= :from")
                        + (to == null ? "" : " AND as_of <= :to")
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY as_of, created_at, id LIMIT 1000")
                .param("tenant", tenantId).param("debtor", debtorId).param("from", from).param("to", to)
                .param("status", status == null ? null : status.name())
                .query((rs, n) -> contact(rs, List.of())).list();
        return withItems(tenantId, heads);
    }

    Optional<Contact> contact(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM dunning_contact WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query((rs, n) -> contact(rs, List.of())).optional().map(c -> withItems(tenantId, List.of(c)).get(0));
    }

    List<Contact.Item> actionsOfInvoice(UUID tenantId, UUID invoiceId) {
        return jdbc.sql("SELECT * FROM dunning_action WHERE tenant_id = ? AND invoice_id = ? ORDER BY step_offset")
                .params(tenantId, invoiceId).query(DunningStore::item).list();
    }

    record State(int lastOffset, String lastStep, LocalDate lastActionOn, UUID pendingContact) {
    }

    Optional<State> state(UUID tenantId, UUID invoiceId) {
        return jdbc.sql("SELECT * FROM dunning_invoice_state WHERE tenant_id = ? AND invoice_id = ?").params(tenantId, invoiceId)
                .query((rs, n) -> new State(rs.getInt("last_offset"), rs.getString("last_step"),
                        rs.getObject("last_action_on", LocalDate.class), rs.getObject("pending_contact_id", UUID.class)))
                .optional();
    }

    Optional<UUID> scenarioOf(UUID tenantId, UUID debtorId) {
        return jdbc.sql("SELECT scenario_id FROM dunning_debtor WHERE tenant_id = ? AND debtor_id = ? AND scenario_id IS NOT NULL")
                .params(tenantId, debtorId).query(UUID.class).optional();
    }

    /** Marks a DRAFT contact reviewed; false if it was not a draft any more (another reviewer got there first). */
    boolean review(UUID tenantId, UUID id, Contact.Status to, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE dunning_contact SET status = ?, reviewed_by = ?, reviewed_at = ?
                WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'""").params(to.name(), actor, now, tenantId, id).update() == 1;
    }

    void clearPending(UUID tenantId, UUID contactId) {
        jdbc.sql("UPDATE dunning_invoice_state SET pending_contact_id = NULL WHERE tenant_id = ? AND pending_contact_id = ?")
                .params(tenantId, contactId).update();
    }

    private List<Contact> withItems(UUID tenantId, List<Contact> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Map<UUID, List<Contact.Item>> items = new HashMap<>();
        List<UUID> ids = heads.stream().map(Contact::id).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT * FROM dunning_action WHERE tenant_id = :tenant AND contact_id IN (:ids) ORDER BY step_date, invoice_id")
                    .param("tenant", tenantId).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((ResultSet rs) -> {
                        items.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new ArrayList<>()).add(item(rs, 0));
                    });
        }
        return heads.stream().map(c -> new Contact(c.id(), c.debtorId(), c.scenarioId(), c.grouping(), c.stepCode(), c.stepOffset(), c.stage(),
                c.channels(), c.template(), c.asOf(), c.stepDate(), c.deadline(), c.status(),
                List.copyOf(items.getOrDefault(c.id(), List.of())))).toList();
    }

    private static Contact contact(ResultSet rs, List<Contact.Item> items) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                rs.getObject("scenario_id", UUID.class), Grouping.valueOf(rs.getString("grouping")), rs.getString("step_code"),
                rs.getInt("step_offset"),
                Stage.valueOf(rs.getString("stage")),
                Arrays.stream(rs.getString("channels").split(",")).map(Channel::valueOf).toList(), rs.getString("template"),
                rs.getObject("as_of", LocalDate.class), rs.getObject("step_date", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), Contact.Status.valueOf(rs.getString("status")), items);
    }

    private static Contact.Item item(ResultSet rs, int n) throws SQLException {
        return new Contact.Item(rs.getObject("invoice_id", UUID.class), rs.getString("step_code"), rs.getInt("step_offset"),
                rs.getObject("step_date", LocalDate.class), rs.getBigDecimal("open_amount"));
    }
}
