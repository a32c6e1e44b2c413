package fr.encaisse.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Templates: the tenant's own version (table {@code document_template}) or the bundled default
 * under {@code templates/documents/}: {@code <name>.<language>.html}, else {@code <name>.html}
 * (language-neutral, e.g. the CSS), else the French file (court documents).
 */
@Repository
class TemplateStore {

    private static final String BUNDLED = "/templates/documents/";

    private final JdbcClient jdbc;
    private final Map<String, Optional<String>> bundled = new ConcurrentHashMap<>();

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Custom(String content, OffsetDateTime updatedAt, String updatedBy) {
    }

    Optional<Custom> custom(UUID tenantId, String name, String language) {
        return jdbc.sql("SELECT content, updated_at, updated_by FROM document_template WHERE tenant_id = ? AND name = ? AND language = ?")
                .params(tenantId, name, language)
                .query((rs, n) -> new Custom(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional();
    }

    void save(UUID tenantId, String name, String language, String content, OffsetDateTime now, String actor) {
        jdbc.sql("DELETE FROM document_template WHERE tenant_id = ? AND name = ? AND language = ?")
                .params(tenantId, name, language).update();
        jdbc.sql("INSERT INTO document_template (tenant_id, name, language, content, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenantId, name, language, content, now, actor).update();
    }

    boolean delete(UUID tenantId, String name, String language) {
        return jdbc.sql("DELETE FROM document_template WHERE tenant_id = ? AND name = ? AND language = ?")
                .params(tenantId, name, language).update() > 0;
    }

    /** The tenant's version, else the bundled one; null when the name is unknown. */
    String source(UUID tenantId, String name, String language) {
        return custom(tenantId, name, language).map(Custom::content).orElseGet(() -> bundled(name, language));
    }

    String bundled(String name, String language) {
        for (String candidate : new String[] {name + "." + language + ".html", name + ".html", name + ".fr.html"}) {
            Optional<String> text = bundled.computeIfAbsent(candidate, TemplateStore::read);
            if (text.isPresent()) {
                return text.get();
            }
        }
        return null;
    }

    private static Optional<String> read(String file) {
        if (!file.matches("[a-z0-9-]+(\\.[a-z]{2})?\\.html")) {
            return Optional.empty();
        }
        try (InputStream in = TemplateStore.class.getResourceAsStream(BUNDLED + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
