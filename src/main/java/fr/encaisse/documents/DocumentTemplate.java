package fr.encaisse.documents;

import java.time.OffsetDateTime;

/**
 * An HTML/CSS template of a document in one language: the tenant's own version when
 * {@code customised}, else the bundled default.
 *
 * @param fields  the fields ({@code {{debtor.name}}}…) the template may use
 */
public record DocumentTemplate(String name, String language, String description, String content, boolean customised,
                               OffsetDateTime updatedAt, String updatedBy, java.util.List<String> fields) {
}
