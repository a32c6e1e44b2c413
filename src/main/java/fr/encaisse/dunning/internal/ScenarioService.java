package fr.encaisse.dunning.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Outbox;
import fr.encaisse.dunning.DebtorDunning;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Scenarios;
import fr.encaisse.dunning.Step;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Scenarios stored as one row each (steps as JSON: a scenario is edited as a whole), and per-debtor settings. */
@Service
@Transactional
class ScenarioService implements Scenarios {

    static final String DEFAULT_RESOURCE = "fr/encaisse/dunning/default-scenario.yaml";
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MIN_OFFSET = -60;
    private static final int MAX_OFFSET = 3650;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final Ledger ledger;
    private final Evidence evidence;
    private final Clock clock;
    private final Scenario bundledDefault;

    ScenarioService(JdbcClient jdbc, JsonMapper json, Outbox outbox, Ledger ledger, Evidence evidence, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.ledger = ledger;
        this.evidence = evidence;
        this.clock = clock;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            this.bundledDefault = ScenarioYaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(bundledDefault);
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    /** Gives the tenant the bundled default scenario the first time it needs one. */
    void ensureDefault(UUID tenantId) {
        boolean any = jdbc.sql("SELECT COUNT(*) FROM dunning_scenario WHERE tenant_id = ?").param(tenantId).query(Long.class).single() > 0;
        if (!any) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("""
                    INSERT INTO dunning_scenario (id, tenant_id, name, grouping, min_days_between_contacts, is_default, steps,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(UUID.randomUUID(), tenantId, bundledDefault.name(), bundledDefault.grouping().name(),
                            bundledDefault.minDaysBetweenContacts(), json.writeValueAsString(bundledDefault.steps()), now, now)
                    .update();
        }
    }

    @Override
    public List<Scenario> list() {
        ensureDefault(tenant());
        return all(tenant());
    }

    List<Scenario> all(UUID tenantId) {
        return jdbc.sql("SELECT * FROM dunning_scenario WHERE tenant_id = ? ORDER BY is_default DESC, name")
                .param(tenantId).query(this::map).list();
    }

    @Override
    public Scenario get(UUID id) {
        ensureDefault(tenant());
        return find(id).orElseThrow(() -> new NotFoundException("Scenario", id));
    }

    private Optional<Scenario> find(UUID id) {
        return jdbc.sql("SELECT * FROM dunning_scenario WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query(this::map).optional();
    }

    @Override
    public Scenario defaultScenario() {
        return list().stream().filter(Scenario::isDefault).findFirst().orElseThrow();
    }

    @Override
    public Scenario create(Scenario s) {
        ensureDefault(tenant());
        Scenario checked = check(s);
        if (byName(checked.name()).isPresent()) {
            throw new ConflictException("A scenario named '" + checked.name() + "' already exists");
        }
        UUID id = UUID.randomUUID();
        if (checked.isDefault()) {
            jdbc.sql("UPDATE dunning_scenario SET is_default = FALSE WHERE tenant_id = ?").param(tenant()).update();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO dunning_scenario (id, tenant_id, name, grouping, min_days_between_contacts, is_default, steps,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant(), checked.name(), checked.grouping().name(), checked.minDaysBetweenContacts(),
                        checked.isDefault(), json.writeValueAsString(checked.steps()), now, now)
                .update();
        evidence.record("SCENARIO", id, "scenario.created", json.writeValueAsString(checked));
        return get(id);
    }

    @Override
    public Scenario update(UUID id, Scenario s) {
        Scenario current = get(id);
        Scenario checked = check(s);
        byName(checked.name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new ConflictException("Another scenario is named '" + checked.name() + "'");
        });
        if (current.isDefault() && !checked.isDefault()) {
            throw InvalidInputException.of("isDefault", "make another scenario the default instead; there is always one");
        }
        if (checked.isDefault()) {
            jdbc.sql("UPDATE dunning_scenario SET is_default = FALSE WHERE tenant_id = ?").param(tenant()).update();
        }
        jdbc.sql("""
                UPDATE dunning_scenario SET name = ?, grouping = ?, min_days_between_contacts = ?, is_default = ?, steps = ?,
                    updated_at = ? WHERE tenant_id = ? AND id = ?""")
                .params(checked.name(), checked.grouping().name(), checked.minDaysBetweenContacts(), checked.isDefault(),
                        json.writeValueAsString(checked.steps()), OffsetDateTime.now(clock), tenant(), id)
                .update();
        evidence.record("SCENARIO", id, "scenario.updated", json.writeValueAsString(checked));
        return get(id);
    }

    @Override
    public void delete(UUID id) {
        Scenario s = get(id);
        if (s.isDefault()) {
            throw new ConflictException("The default scenario cannot be deleted; make another one the default first");
        }
        long assigned = jdbc.sql("SELECT COUNT(*) FROM dunning_debtor WHERE tenant_id = ? AND scenario_id = ?")
                .params(tenant(), id).query(Long.class).single();
        if (assigned > 0) {
            throw new ConflictException("Scenario '" + s.name() + "' is assigned to " + assigned + " debtor(s)");
        }
        jdbc.sql("DELETE FROM dunning_scenario WHERE tenant_id = ? AND id = ?").params(tenant(), id).update();
        evidence.record("SCENARIO", id, "scenario.deleted", json.writeValueAsString(Map.of("name", s.name())));
    }

    @Override
    public String exportYaml(UUID id) {
        return ScenarioYaml.write(id == null ? list() : List.of(get(id)));
    }

    @Override
    public List<Scenario> importYaml(String yaml) {
        List<Scenario> read = ScenarioYaml.read(yaml == null ? "" : yaml);
        Set<String> names = new HashSet<>();
        for (Scenario s : read) {
            if (!names.add(s.name())) {
                throw InvalidInputException.of("name", "'" + s.name() + "' appears twice in the document");
            }
        }
        ensureDefault(tenant());
        List<Scenario> result = new ArrayList<>();
        for (Scenario s : read) {
            Optional<Scenario> existing = byName(s.name());
            result.add(existing.isPresent() ? update(existing.get().id(), s) : create(s));
        }
        return result;
    }

    @Override
    public DebtorDunning debtor(UUID debtorId) {
        ledger.debtor(debtorId);
        return jdbc.sql("SELECT * FROM dunning_debtor WHERE tenant_id = ? AND debtor_id = ?").params(tenant(), debtorId)
                .query((rs, n) -> new DebtorDunning(debtorId, rs.getObject("scenario_id", UUID.class), rs.getString("segment"),
                        rs.getString("risk_class"), rs.getObject("last_contact_on", LocalDate.class)))
                .optional().orElse(new DebtorDunning(debtorId, null, null, null, null));
    }

    @Override
    public DebtorDunning assign(UUID debtorId, UUID scenarioId, String segment, String riskClass) {
        ledger.debtor(debtorId);
        if (scenarioId != null && find(scenarioId).isEmpty()) {
            throw InvalidInputException.of("scenarioId", "no scenario " + scenarioId);
        }
        String seg = segment == null || segment.isBlank() ? null : segment.trim();
        String risk = riskClass == null || riskClass.isBlank() ? null : riskClass.trim();
        if ((seg != null && seg.length() > 40) || (risk != null && risk.length() > 20)) {
            throw InvalidInputException.of(seg != null && seg.length() > 40 ? "segment" : "riskClass", "is too long");
        }
        int updated = jdbc.sql("UPDATE dunning_debtor SET scenario_id = ?, segment = ?, risk_class = ? WHERE tenant_id = ? AND debtor_id = ?")
                .params(scenarioId, seg, risk, tenant(), debtorId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO dunning_debtor (tenant_id, debtor_id, scenario_id, segment, risk_class) VALUES (?, ?, ?, ?, ?)")
                    .params(tenant(), debtorId, scenarioId, seg, risk).update();
        }
        evidence.record("DEBTOR", debtorId, "dunning.assigned", json.writeValueAsString(
                new DebtorDunning(debtorId, scenarioId, seg, risk, null)));
        return debtor(debtorId);
    }

    private Optional<Scenario> byName(String name) {
        return jdbc.sql("SELECT * FROM dunning_scenario WHERE tenant_id = ? AND name = ?").params(tenant(), name)
                .query(this::map).optional();
    }

    /** Every rule at once; returns the scenario with steps in offset order and names trimmed. */
    Scenario check(Scenario s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s == null) {
            throw InvalidInputException.of("scenario", "is required");
        }
        if (s.name() == null || s.name().isBlank() || s.name().trim().length() > 100) {
            problems.add(FieldProblem.of("name", s.name(), "is required, at most 100 characters"));
        }
        if (s.minDaysBetweenContacts() < 0 || s.minDaysBetweenContacts() > 90) {
            problems.add(FieldProblem.of("minDaysBetweenContacts", String.valueOf(s.minDaysBetweenContacts()), "must be 0 to 90"));
        }
        if (s.steps().isEmpty() || s.steps().size() > 30) {
            problems.add(FieldProblem.of("steps", "between 1 and 30 steps"));
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> offsets = new HashSet<>();
        Set<String> templates = outbox.templates();
        for (int i = 0; i < s.steps().size(); i++) {
            Step step = s.steps().get(i);
            String p = "steps[" + i + "].";
            if (step == null) {
                problems.add(FieldProblem.of("steps[" + i + "]", "is empty"));
                continue;
            }
            if (step.code() == null || !CODE.matcher(step.code()).matches()) {
                problems.add(FieldProblem.of(p + "code", step.code(), "lowercase letters, digits and dashes, at most 40"));
            } else if (!codes.add(step.code())) {
                problems.add(FieldProblem.of(p + "code", step.code(), "is used by another step"));
            }
            if (step.offsetDays() < MIN_OFFSET || step.offsetDays() > MAX_OFFSET) {
                problems.add(FieldProblem.of(p + "offset", String.valueOf(step.offsetDays()),
                        "must be between " + MIN_OFFSET + " and " + MAX_OFFSET + " days from the due date"));
            } else if (!offsets.add(step.offsetDays())) {
                problems.add(FieldProblem.of(p + "offset", String.valueOf(step.offsetDays()),
                        "another step has the same offset; give one step several channels instead"));
            }
            if (step.channels().isEmpty()) {
                problems.add(FieldProblem.of(p + "channels", "at least one channel"));
            } else if (new HashSet<Channel>(step.channels()).size() != step.channels().size()) {
                problems.add(FieldProblem.of(p + "channels", "a channel appears twice"));
            }
            if (step.template() == null || !templates.contains(step.template())) {
                problems.add(FieldProblem.of(p + "template", step.template(), "must be one of " + templates));
            }
            if (step.stage() == null) {
                problems.add(FieldProblem.of(p + "stage", "is required: REMINDER, FORMAL_NOTICE, AMICABLE or JUDICIAL"));
            }
            if (step.deadlineDays() != null && (step.deadlineDays() < 1 || step.deadlineDays() > 90)) {
                problems.add(FieldProblem.of(p + "deadlineDays", String.valueOf(step.deadlineDays()), "must be 1 to 90"));
            }
            if (step.conditions().minOpenAmount() != null && step.conditions().minOpenAmount().signum() < 0) {
                problems.add(FieldProblem.of(p + "conditions.minOpenAmount", step.conditions().minOpenAmount().toPlainString(),
                        "must not be negative"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The scenario is not valid", problems);
        }
        List<Step> sorted = s.steps().stream().sorted(java.util.Comparator.comparingInt(Step::offsetDays)).toList();
        return new Scenario(s.id(), s.name().trim(), s.grouping(), s.minDaysBetweenContacts(), s.isDefault(), sorted);
    }

    private Scenario map(ResultSet rs, int n) throws SQLException {
        List<Step> steps = json.readValue(rs.getString("steps"), new TypeReference<List<Step>>() {
        });
        return new Scenario(rs.getObject("id", UUID.class), rs.getString("name"),
                fr.encaisse.dunning.Grouping.valueOf(rs.getString("grouping")), rs.getInt("min_days_between_contacts"),
                rs.getBoolean("is_default"), steps);
    }
}
