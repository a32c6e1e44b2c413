package fr.encaisse.banking;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared folder beside the project ({@code ../shared}: published samples, official schemas),
 * located by the system property {@code encaisse.shared.dir} that Maven surefire sets. Tests that
 * need a file from it are skipped, saying why, where the folder is absent.
 */
final class SharedFolder {

    private SharedFolder() {
    }

    static Path dir() {
        return Path.of(System.getProperty("encaisse.shared.dir", "../shared"));
    }

    /** The shared file, or the calling test is skipped (JUnit assumption) when it is absent. */
    static Path file(String relative) {
        Path file = dir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "skipped: shared file " + file.toAbsolutePath()
                + " is absent (set -Dencaisse.shared.dir to the shared folder)");
        return file;
    }
}
