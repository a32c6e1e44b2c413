package fr.encaisse.imports.internal;

import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportProfile;
import fr.encaisse.imports.ImportProfiles;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Profiles in {@code import_profile}, one JSON document of settings per (tenant, name). */
@Service
@Transactional
class ProfileStore implements ImportProfiles {

    static final Set<String> ENCODINGS = Set.of("UTF-8", "windows-1252", "ISO-8859-15", "ISO-8859-1");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    /** What the JSON column holds. */
    record Settings(Map<String, String> columns, String separator, String encoding, Boolean decimalComma, String dateFormat) {
    }

    ProfileStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportProfile> list() {
        return jdbc.sql("SELECT name, kind, settings FROM import_profile WHERE tenant_id = ? ORDER BY name")
                .param(TenantContext.tenantId()).query((rs, n) -> profile(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ImportProfile> find(String name) {
        return jdbc.sql("SELECT name, kind, settings FROM import_profile WHERE tenant_id = ? AND name = ?")
                .params(TenantContext.tenantId(), name)
                .query((rs, n) -> profile(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    @Override
    public ImportProfile save(ImportProfile p) {
        check(p);
        UUID tenant = TenantContext.tenantId();
        String settings = json.writeValueAsString(new Settings(p.columns(), p.separator(), p.encoding(), p.decimalComma(),
                p.dateFormat()));
        int updated = jdbc.sql("UPDATE import_profile SET kind = ?, settings = ?, updated_at = ? WHERE tenant_id = ? AND name = ?")
                .params(p.kind().name(), settings, OffsetDateTime.now(clock), tenant, p.name().trim()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO import_profile (id, tenant_id, name, kind, settings, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), tenant, p.name().trim(), p.kind().name(), settings, OffsetDateTime.now(clock))
                    .update();
        }
        return find(p.name().trim()).orElseThrow();
    }

    @Override
    public void delete(String name) {
        if (jdbc.sql("DELETE FROM import_profile WHERE tenant_id = ? AND name = ?").params(TenantContext.tenantId(), name)
                .update() == 0) {
            throw new NotFoundException("Import profile", name);
        }
    }

    /** How a profile (or no profile) says the file is written. */
    static CsvDialect dialect(ImportProfile p) {
        if (p == null) {
            return CsvDialect.DETECT;
        }
        Character separator = p.separator() == null ? null : p.separator().equalsIgnoreCase("tab") ? '\t' : p.separator().charAt(0);
        return new CsvDialect(p.encoding() == null ? null : Charset.forName(p.encoding()), separator, p.decimalComma(),
                p.dateFormat());
    }

    private ImportProfile profile(String name, String kind, String settings) {
        Settings s = json.readValue(settings, Settings.class);
        return new ImportProfile(name, ImportKind.valueOf(kind), s.columns(), s.separator(), s.encoding(), s.decimalComma(),
                s.dateFormat());
    }

    private static void check(ImportProfile p) {
        List<FieldProblem> problems = new ArrayList<>();
        if (p.name() == null || !p.name().trim().matches("[\\p{L}\\p{N} _.\\-]{1,100}")) {
            problems.add(FieldProblem.of("name", p.name(), "must be 1 to 100 letters, digits, spaces, '.', '_' or '-'"));
        }
        if (p.kind() == null) {
            problems.add(FieldProblem.of("kind", "is required (DEBTORS or INVOICES)"));
        } else {
            p.columns().forEach((field, column) -> {
                if (Columns.byCanonical(p.kind(), field).isEmpty()) {
                    problems.add(FieldProblem.of("columns." + field, column, "is not a column of " + p.kind().name().toLowerCase()
                            + " files (" + String.join(", ", Columns.of(p.kind()).stream().map(Columns::canonical).toList()) + ")"));
                } else if (column == null || column.isBlank()) {
                    problems.add(FieldProblem.of("columns." + field, column, "must name a header column"));
                }
            });
        }
        if (p.separator() != null && !Set.of(";", ",", "|", "tab").contains(p.separator().toLowerCase())) {
            problems.add(FieldProblem.of("separator", p.separator(), "must be ';', ',', '|' or 'tab'"));
        }
        if (p.encoding() != null && !ENCODINGS.contains(p.encoding())) {
            problems.add(FieldProblem.of("encoding", p.encoding(), "must be one of " + String.join(", ", ENCODINGS)));
        }
        if (p.dateFormat() != null && Values.pattern(p.dateFormat()) == null) {
            problems.add(FieldProblem.of("dateFormat", p.dateFormat(), "is not a date pattern such as dd/MM/yyyy"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid import profile", problems);
        }
    }
}
