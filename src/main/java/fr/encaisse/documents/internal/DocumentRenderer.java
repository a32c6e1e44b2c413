package fr.encaisse.documents.internal;

import fr.encaisse.documents.DocumentRenderingException;
import fr.encaisse.documents.internal.TemplateEngine.TemplateException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A template of the tenant (or the bundled default) filled with its data and rendered to PDF/A. */
@Component
class DocumentRenderer {

    private final TemplateStore templates;
    private final PdfRenderer pdf;

    DocumentRenderer(TemplateStore templates, PdfRenderer pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    byte[] pdf(UUID tenantId, TemplateName name, String language, Map<String, Object> model) {
        return pdf.render(html(tenantId, name.key(), language, model, Map.of()));
    }

    /**
     * The filled XHTML.
     *
     * @param overrides template sources to use instead of the stored ones (a template being checked before it is saved)
     */
    String html(UUID tenantId, String name, String language, Map<String, Object> model, Map<String, String> overrides) {
        String source = source(tenantId, name, language, overrides);
        try {
            return TemplateEngine.render(name, source, model, partial -> source(tenantId, partial, language, overrides));
        } catch (TemplateException e) {
            throw new DocumentRenderingException("Template " + e.getMessage(), e.line(), e);
        }
    }

    byte[] pdf(String xhtml) {
        return pdf.render(xhtml);
    }

    private String source(UUID tenantId, String name, String language, Map<String, String> overrides) {
        String override = overrides.get(name);
        if (override != null) {
            return override;
        }
        if (TemplateName.of(name).isEmpty()) {
            return null;
        }
        return tenantId == null ? templates.bundled(name, language) : templates.source(tenantId, name, language);
    }
}
