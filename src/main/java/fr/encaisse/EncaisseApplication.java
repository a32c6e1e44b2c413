package fr.encaisse;

import fr.encaisse.cli.BatchCommandLine;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Encaisse: accounts receivable and debt collection. One deployable, one package per
 * business module (see docs/architecture.md). With no arguments it serves the web UI and
 * the API; with a batch command ({@code import …}) it runs that command and exits.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class EncaisseApplication {

    /** The one clock of the application, replaced in tests to travel in time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        if (args.length > 0 && BatchCommandLine.COMMANDS.contains(args[0])) {
            System.exit(runBatch(args));
        }
        SpringApplication.run(EncaisseApplication.class, args);
    }

    /**
     * Runs one batch command without the web server or the scheduler and returns its exit code.
     *
     * @param properties extra {@code key=value} settings, taking precedence over application.yml
     *                   (tests point it at their database)
     */
    public static int runBatch(String[] args, String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EncaisseApplication.class)
                .web(WebApplicationType.NONE)
                .properties("encaisse.demo.enabled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "db-scheduler.enabled=false")
                // As command-line options, so that they win over application.yml.
                .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
        int code = context.getBean(BatchCommandLine.class).execute(System.out, args);
        return SpringApplication.exit(context, () -> code);
    }
}
