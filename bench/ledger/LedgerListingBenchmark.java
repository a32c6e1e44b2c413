import fr.encaisse.EncaisseApplication;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.InvoiceStatus;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Receivables;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Does listing invoices stay fast at 1,000,000? Two tenants in one database — 10,000 and
 * 1,000,000 invoices — and the same API queries timed side by side: the ratio big/small is the
 * figure (1.0 = the size does not matter). Runs on H2 (file) and on PostgreSQL (embedded).
 */
public class LedgerListingBenchmark {

    public static void main(String[] args) throws Exception {
        int big = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println("Encaisse ledger listing benchmark: " + big + " vs 10000 invoices per tenant");
        run("H2 (file)", "jdbc:h2:file:./target/bench-ledger/h2-" + System.currentTimeMillis() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", big);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            run("PostgreSQL", pg.getJdbcUrl("postgres", "postgres"), "postgres", big);
        }
    }

    static void run(String label, String url, String user, int big) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(EncaisseApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
                        "--encaisse.demo.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                        "--db-scheduler.enabled=false")) {
            Tenants tenants = ctx.getBean(Tenants.class);
            Ledger ledger = ctx.getBean(Ledger.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Tenant small = tenants.create(new NewTenant("small", "Small", null, null, null, null, null, null, null, null));
            Tenant large = tenants.create(new NewTenant("large", "Large", null, null, null, null, null, null, null, null));
            long t0 = System.nanoTime();
            UUID smallDebtor = generate(jdbc, small.id(), 10_000, 1_000);
            UUID largeDebtor = generate(jdbc, large.id(), big, big / 10);
            jdbc.execute(url.startsWith("jdbc:h2") ? "ANALYZE" : "ANALYZE");
            System.out.printf("%n[%s] generated %,d invoices in %.1f s%n", label, big + 10_000, (System.nanoTime() - t0) / 1e9);
            System.out.printf("%-34s %12s %12s %8s%n", "query (page of 50)", "10k ms", big / 1000 + "k ms", "ratio");
            compare(ledger, small.id(), large.id(), "first page, due-date order", q -> q);
            compare(ledger, small.id(), large.id(), "overdue only", q -> new InvoiceQuery(null, null, null, null, true, 50, null));
            compare(ledger, small.id(), large.id(), "status OPEN", q -> new InvoiceQuery(InvoiceStatus.OPEN, null, null, null, false, 50, null));
            compare(ledger, small.id(), large.id(), "due-date range (one month)", q -> new InvoiceQuery(null, null,
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), false, 50, null));
            compareDeep(ledger, small.id(), large.id());
            double da = time(() -> TenantContext.runAs(small.id(), "bench", () -> ledger.debtors(null, 50, null)));
            double db = time(() -> TenantContext.runAs(large.id(), "bench", () -> ledger.debtors(null, 50, null)));
            System.out.printf("%-34s %12.2f %12.2f %8.2f%n", "debtors page with balances", da, db, db / da);
            double a = time(() -> TenantContext.runAs(small.id(), "bench", () -> ledger.invoices(new InvoiceQuery(null, smallDebtor, null, null, false, 50, null))));
            double b = time(() -> TenantContext.runAs(large.id(), "bench", () -> ledger.invoices(new InvoiceQuery(null, largeDebtor, null, null, false, 50, null))));
            System.out.printf("%-34s %12.2f %12.2f %8.2f%n", "one debtor's invoices", a, b, b / a);
            cockpit(ctx.getBean(Receivables.class), small.id(), large.id());
        }
    }

    /**
     * The cockpit's figures aggregate every open item of the tenant, so they grow with it: printed
     * to see what the overview page costs at this size, not expected to stay flat.
     */
    static void cockpit(Receivables receivables, UUID small, UUID large) {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        System.out.printf("%-34s %12s %12s %8s%n", "cockpit figure (whole tenant)", "10k ms", "large ms", "ratio");
        cockpitLine("aging balance", small, large, () -> receivables.aging(asOf));
        cockpitLine("aging, top 50 debtors", small, large, () -> receivables.agingByDebtor(asOf, 50, 0));
        cockpitLine("DSO (90 days)", small, large, () -> receivables.salesOutstanding(asOf, 90));
        cockpitLine("payment delay (90 days)", small, large, () -> receivables.paymentDelay(asOf.minusDays(90), asOf));
        cockpitLine("cash-in forecast (8 weeks)", small, large, () -> receivables.forecast(asOf, 8, Set.of(), Set.of()));
    }

    static void cockpitLine(String label, UUID small, UUID large, Supplier<?> call) {
        double a = time(() -> TenantContext.runAs(small, "bench", call::get));
        double b = time(() -> TenantContext.runAs(large, "bench", call::get));
        System.out.printf("%-34s %12.2f %12.2f %8.2f%n", label, a, b, b / a);
    }

    interface QueryShape {
        InvoiceQuery apply(InvoiceQuery base);
    }

    static void compare(Ledger ledger, UUID small, UUID large, String label, QueryShape shape) {
        InvoiceQuery base = new InvoiceQuery(null, null, null, null, false, 50, null);
        double a = time(() -> TenantContext.runAs(small, "bench", () -> ledger.invoices(shape.apply(base))));
        double b = time(() -> TenantContext.runAs(large, "bench", () -> ledger.invoices(shape.apply(base))));
        System.out.printf("%-34s %12.2f %12.2f %8.2f%n", label, a, b, b / a);
    }

    /** The page after walking 20 pages in: a keyset cursor costs what page 1 costs. */
    static void compareDeep(Ledger ledger, UUID small, UUID large) {
        String smallCursor = cursorAfter(ledger, small, 20);
        String largeCursor = cursorAfter(ledger, large, 20);
        double a = time(() -> TenantContext.runAs(small, "bench", () -> ledger.invoices(new InvoiceQuery(null, null, null, null, false, 50, smallCursor))));
        double b = time(() -> TenantContext.runAs(large, "bench", () -> ledger.invoices(new InvoiceQuery(null, null, null, null, false, 50, largeCursor))));
        System.out.printf("%-34s %12.2f %12.2f %8.2f%n", "page 21 by keyset cursor", a, b, b / a);
    }

    static String cursorAfter(Ledger ledger, UUID tenant, int pages) {
        return TenantContext.runAs(tenant, "bench", () -> {
            String cursor = null;
            for (int i = 0; i < pages; i++) {
                cursor = ledger.invoices(new InvoiceQuery(null, null, null, null, false, 50, cursor)).nextCursor();
            }
            return cursor;
        });
    }

    /** Median of 25 calls after 5 warm-up calls, in milliseconds. */
    static double time(Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        double[] ms = new double[25];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /** Bulk JDBC inserts (the generator is not what is measured); 85 % paid, the rest open. */
    static UUID generate(JdbcTemplate jdbc, UUID tenant, int invoices, int debtors) {
        Random random = new Random(42);
        OffsetDateTime now = OffsetDateTime.now();
        List<UUID> debtorIds = new ArrayList<>(debtors);
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < debtors; d++) {
            UUID id = UUID.randomUUID();
            debtorIds.add(id);
            rows.add(new Object[] {id, tenant, "C" + d, "Debtor " + d, "B2B", now, now});
            if (rows.size() == 5_000 || d == debtors - 1) {
                jdbc.batchUpdate("INSERT INTO debtor (id, tenant_id, reference, legal_name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
        LocalDate start = LocalDate.of(2025, 1, 1);
        String sql = "INSERT INTO invoice (id, tenant_id, debtor_id, kind, number, issue_date, due_date, currency, amount_excl_tax,"
                + " vat_amount, amount_incl_tax, open_amount, status, created_at, updated_at) VALUES (?, ?, ?, 'INVOICE', ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?)";
        for (int i = 0; i < invoices; i++) {
            LocalDate issue = start.plusDays(random.nextInt(700));
            BigDecimal excl = BigDecimal.valueOf(100 + random.nextInt(10_000));
            BigDecimal vat = excl.divide(BigDecimal.valueOf(5));
            boolean open = random.nextInt(100) < 15;
            rows.add(new Object[] {UUID.randomUUID(), tenant, debtorIds.get(random.nextInt(debtors)), "F" + i, Date.valueOf(issue),
                    Date.valueOf(issue.plusDays(30)), excl, vat, excl.add(vat), open ? excl.add(vat) : BigDecimal.ZERO,
                    (open ? InvoiceStatus.OPEN : InvoiceStatus.PAID).name(), now, now});
            if (rows.size() == 10_000 || i == invoices - 1) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
        return debtorIds.get(0);
    }
}
