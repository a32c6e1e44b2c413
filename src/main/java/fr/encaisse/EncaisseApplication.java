package fr.encaisse;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Encaisse: accounts receivable and debt collection. One deployable, one package per
 * business module (see docs/ARCHITECTURE.md).
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
        SpringApplication.run(EncaisseApplication.class, args);
    }
}
