package fr.encaisse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each module numbers its migrations in its own range, so a module's new migration is often lower
 * than the highest one a running database has applied. An installation that already has the
 * others must still start and apply it — as a database created before banking's V8_2 did.
 */
class MigrationOrderTests {

    /** The migration that first came after higher ones (banking's, after imports' V9_1 and penalties' V10_1). */
    private static final String LATE = "V8_2__bank_reversals.sql";

    @Test
    void a_database_that_has_later_modules_migrations_applies_a_lower_new_one_at_start(@TempDir Path dir) throws Exception {
        Path older = dir.resolve("migrations-before");
        Files.createDirectories(older);
        Path bundled = bundledMigrations();
        try (Stream<Path> files = Files.list(bundled)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).contains(LATE, "V10_1__penalties.sql");
            for (Path p : all) {
                if (!p.getFileName().toString().equals(LATE)) {
                    Files.copy(p, older.resolve(p.getFileName()));
                }
            }
        }
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + older).load().migrate();

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EncaisseApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
                        "--encaisse.demo.enabled=false", "--db-scheduler.enabled=false", "--spring.main.banner-mode=off")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE script = ? AND success")
                    .param(LATE).query(Long.class).single()).isEqualTo(1);
        }
    }

    private static Path bundledMigrations() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(MigrationOrderTests.class.getClassLoader().getResource("db/migration")).toURI());
    }
}
