package fr.encaisse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.ledger.Ledger;
import fr.encaisse.support.OnH2;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@OnH2
class BatchCommandLineTests {

    @Autowired
    BatchCommandLine cli;

    @Autowired
    Tenants tenants;

    @Autowired
    Ledger ledger;

    @TempDir
    Path dir;

    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    int run(String... args) {
        return cli.execute(new PrintStream(output, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void imports_a_file_into_a_tenant_and_reports_progress() throws Exception {
        Tenant t = tenants.create(new NewTenant("cli-" + UUID.randomUUID().toString().substring(0, 8), "CLI SAS", null, null,
                null, null, null, null, null, null));
        Path file = Files.writeString(dir.resolve("debtors.csv"), "reference;legal_name\nC1;Alpha\nC2;Beta\n");

        assertThat(run("import", "debtors", "--tenant", t.slug(), file.toString())).isZero();
        assertThat(output.toString()).contains("2 rows read").contains("2 created");
        assertThat(TenantContext.runAs(t.id(), "test", () -> ledger.debtorByReference("C2"))).isPresent();
    }

    @Test
    void a_refused_file_exits_1_and_lists_the_lines() throws Exception {
        Tenant t = tenants.create(new NewTenant("cli-" + UUID.randomUUID().toString().substring(0, 8), "CLI SAS", null, null,
                null, null, null, null, null, null));
        Path file = Files.writeString(dir.resolve("invoices.csv"),
                "number;debtor_reference;issue_date;due_date;amount_incl_tax\nF1;NOPE;01/01/2026;31/01/2026;10,00\n");

        assertThat(run("import", "invoices", "--tenant", t.slug(), file.toString())).isEqualTo(1);
        assertThat(output.toString()).contains("line 2, debtor_reference: 'NOPE'").contains("nothing was written");
    }

    @Test
    void wrong_usage_unknown_tenant_and_missing_file_have_their_own_exit_codes() {
        assertThat(run("import", "debtors")).isEqualTo(2);
        assertThat(run("import", "debtors", "--tenant", "no-such-tenant", "x.csv")).isEqualTo(3);
        assertThat(output.toString()).contains("Unknown tenant 'no-such-tenant'");
        Tenant t = tenants.create(new NewTenant("cli-" + UUID.randomUUID().toString().substring(0, 8), "CLI SAS", null, null,
                null, null, null, null, null, null));
        assertThat(run("import", "debtors", "--tenant", t.slug(), dir.resolve("absent.csv").toString())).isEqualTo(4);
    }

    @Test
    void the_jar_entry_point_runs_a_command_without_the_web_server() throws Exception {
        String db = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Path file = Files.writeString(dir.resolve("debtors.csv"), "reference;legal_name\nC1;Alpha\n");
        String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        // The test's own database holds the tenant; the command must find it there, not in ./data.
        org.springframework.jdbc.datasource.DriverManagerDataSource ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(db, "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(ds).load().migrate();
        new org.springframework.jdbc.core.JdbcTemplate(ds).update(
                "INSERT INTO tenant (id, slug, name, created_at) VALUES (?, ?, 'CLI', CURRENT_TIMESTAMP)", UUID.randomUUID(), slug);

        assertThat(fr.encaisse.EncaisseApplication.runBatch(new String[] {"import", "debtors", "--tenant", slug, file.toString()},
                "spring.datasource.url=" + db)).isZero();
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(ds).queryForObject(
                "SELECT legal_name FROM debtor WHERE reference = 'C1'", String.class)).isEqualTo("Alpha");
    }
}
