package fr.encaisse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Encaisse: accounts receivable and debt collection. One deployable, one package per
 * business module (see docs/ARCHITECTURE.md).
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class EncaisseApplication {

    public static void main(String[] args) {
        SpringApplication.run(EncaisseApplication.class, args);
    }
}
