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
import java.util.List;
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

    Tenant newTenant() {
        return tenants.create(new NewTenant("cli-" + UUID.randomUUID().toString().substring(0, 8), "CLI SAS", null, null,
                null, null, null, null, null, null));
    }

    Path fec(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] books() throws Exception {
        try (var in = BatchCommandLineTests.class.getResourceAsStream("/fr/encaisse/imports/123456789FEC20261231-v1.txt")) {
            return in.readAllBytes();
        }
    }

    @Test
    void imports_a_fec_and_reports_what_it_created_skipped_and_assumed() throws Exception {
        Tenant t = newTenant();
        Path file = fec("123456789FEC20261231.txt", books());

        assertThat(run("import", "fec", "--tenant", t.slug(), "--term-days", "45", file.toString())).isZero();
        assertThat(output.toString())
                .contains("33 lines, 12 entries, 11 on customer accounts (ISO-8859-15, separator tab, Debit/Credit)")
                .contains("Created: 3 debtors, 6 invoices, 1 credit notes, 3 payments, 4 allocations")
                .contains("Skipped: 1 lines, not a sales, bank or opening entry")
                .contains("each invoice is due 45 days after its date")
                .contains("warning: invoice F005 (line 27) is lettered 'C'")
                .contains("Done.");
        assertThat(TenantContext.runAs(t.id(), "test", () -> ledger.invoiceByNumber("F003")).orElseThrow().dueDate())
                .isEqualTo(java.time.LocalDate.of(2026, 3, 11));
    }

    @Test
    void a_dry_run_of_a_fec_writes_nothing_and_a_refused_fec_exits_1_naming_the_line() throws Exception {
        Tenant t = newTenant();
        assertThat(run("import", "fec", "--tenant", t.slug(), "--dry-run", fec("ok.txt", books()).toString())).isZero();
        assertThat(output.toString()).contains("Dry run: nothing was written.");
        assertThat(TenantContext.runAs(t.id(), "test", () -> ledger.invoiceByNumber("F001"))).isEmpty();

        String text = new String(books(), java.nio.charset.Charset.forName("ISO-8859-15"));
        byte[] unbalanced = text.replace("Facture F001\t0,00\t1000,00", "Facture F001\t0,00\t1000,10")
                .getBytes(java.nio.charset.Charset.forName("ISO-8859-15"));
        assertThat(run("import", "fec", "--tenant", t.slug(), fec("bad.txt", unbalanced).toString())).isEqualTo(1);
        assertThat(output.toString()).contains("line 9, Debit: '-0.10' entry VT 1 (lines 7 to 9) is not balanced")
                .contains("1 problem(s): nothing was written.");
    }

    @Test
    void exports_the_accounting_entries_of_a_period_to_a_file() throws Exception {
        Tenant t = newTenant();
        var debtor = TenantContext.runAs(t.id(), "test", () -> ledger.createDebtor(new fr.encaisse.ledger.DebtorDraft("C1",
                "Client Un", null, null, null, fr.encaisse.ledger.DebtorKind.B2B, null, null, null, "fr", List.of())));
        TenantContext.runAs(t.id(), "test", () -> ledger.recordPayment(new fr.encaisse.ledger.PaymentDraft(debtor.id(),
                java.time.LocalDate.of(2026, 3, 2), new java.math.BigDecimal("10.00"), "EUR", fr.encaisse.ledger.PaymentMethod.CHECK,
                "CHQ 1", List.of())));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        Path out = dir.resolve("ecritures.txt");

        assertThat(run("export", "accounting", "--tenant", t.slug(), "--from", today.minusDays(1).toString(), "--to",
                today.plusDays(1).toString(), out.toString())).isZero();
        assertThat(output.toString()).contains("1 entries (2 lines)").contains("{payments=1, allocations=0}");
        assertThat(Files.readAllLines(out, java.nio.charset.Charset.forName("ISO-8859-15"))).hasSize(3)
                .anyMatch(l -> l.startsWith("BQ\tBanque\t1\t20260302\t512000"));

        Path csv = dir.resolve("ecritures.csv");
        assertThat(run("export", "accounting", "--tenant", t.slug(), "--from", today.toString(), "--to", today.toString(),
                "--format", "csv", csv.toString())).isZero();
        assertThat(Files.readString(csv)).contains(";10,00;0,00;payments");
    }

    @Test
    void the_dunning_run_is_a_batch_command_too() {
        assertThat(BatchCommandLine.COMMANDS).contains("dunning");
        assertThat(run("dunning", "run", "--tenant", "no-such-tenant")).isEqualTo(3);
        Tenant t = tenants.create(new NewTenant("cli-" + UUID.randomUUID().toString().substring(0, 8), "CLI SAS", null, null,
                null, null, null, null, null, null));
        assertThat(run("dunning", "run", "--tenant", t.slug(), "--as-of", "2026-11-26", "--no-send")).isZero();
        assertThat(run("help")).isZero();
        assertThat(output.toString()).contains("dunning run --tenant");
    }

    @Test
    void wrong_usage_of_the_new_commands_exits_2() {
        assertThat(run("export", "accounting", "--tenant", "x", "out.txt")).isEqualTo(2);
        assertThat(run("import", "fec", "--tenant", "x", "--from", "2026-01-01", "f.txt")).isEqualTo(2);
        Tenant t = newTenant();
        assertThat(run("import", "fec", "--tenant", t.slug(), "--term-days", "thirty", "f.txt")).isEqualTo(2);
        assertThat(run("export", "accounting", "--tenant", t.slug(), "--from", "2026-01-01", "--to", "March", "o.txt")).isEqualTo(2);
        assertThat(run("export", "accounting", "--tenant", t.slug(), "--from", "2026-03-01", "--to", "2026-02-01", "o.txt"))
                .isEqualTo(1);
        assertThat(output.toString()).contains("to: '2026-02-01' is before from");
        assertThat(run("import", "fec", "--tenant", t.slug(), dir.resolve("absent.txt").toString())).isEqualTo(4);
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
