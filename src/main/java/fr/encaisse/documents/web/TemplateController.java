package fr.encaisse.documents.web;

import fr.encaisse.documents.DocumentAsset;
import fr.encaisse.documents.DocumentTemplate;
import fr.encaisse.documents.Documents;
import fr.encaisse.tenancy.EncaissePrincipal;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.TenantContext;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's document templates (HTML/CSS, French and English) and assets (logo, terms of sale).
 * Reading is open to every role; changing them is for administrators: they decide what the
 * tenant's legal letters say.
 */
@RestController
class TemplateController {

    private final Documents documents;

    TemplateController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v1/document-templates")
    List<DocumentTemplate> list() {
        return documents.templates();
    }

    /** The template's content (the tenant's, else the bundled default) and the fields it may use. */
    @GetMapping("/api/v1/document-templates/{name}/{language}")
    DocumentTemplate get(@PathVariable String name, @PathVariable String language) {
        return documents.template(name, language);
    }

    /** Replaces the template (body: the XHTML, or the CSS for letter-style); refused with the line at fault if it does not render. */
    @PutMapping(value = "/api/v1/document-templates/{name}/{language}",
            consumes = {MediaType.TEXT_HTML_VALUE, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XHTML_XML_VALUE, "text/css"})
    DocumentTemplate put(@PathVariable String name, @PathVariable String language, @RequestBody String content) {
        requireAdmin();
        return documents.saveTemplate(name, language, content);
    }

    @DeleteMapping("/api/v1/document-templates/{name}/{language}")
    ResponseEntity<Void> reset(@PathVariable String name, @PathVariable String language) {
        requireAdmin();
        documents.resetTemplate(name, language);
        return ResponseEntity.noContent().build();
    }

    /** A PDF of the template with example data; with a body, of that content instead of the stored one. */
    @PostMapping(value = "/api/v1/document-templates/{name}/{language}/preview", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> preview(@PathVariable String name, @PathVariable String language,
                                   @RequestBody(required = false) String content) {
        return DocumentController.download(documents.previewTemplate(name, language, content), true);
    }

    @PutMapping(value = "/api/v1/document-settings/logo", consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
    ResponseEntity<Void> logo(@RequestBody byte[] image) {
        requireAdmin();
        documents.setAsset(DocumentAsset.LOGO, null, image);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/document-settings/logo")
    ResponseEntity<Void> removeLogo() {
        requireAdmin();
        documents.removeAsset(DocumentAsset.LOGO);
        return ResponseEntity.noContent().build();
    }

    /** The general terms of sale (PDF) joined to recovery dossiers. */
    @PutMapping(value = "/api/v1/document-settings/terms-of-sale", consumes = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<Void> termsOfSale(@RequestBody byte[] pdf) {
        requireAdmin();
        documents.setAsset(DocumentAsset.TERMS_OF_SALE, MediaType.APPLICATION_PDF_VALUE, pdf);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/document-settings/terms-of-sale")
    ResponseEntity<Void> removeTermsOfSale() {
        requireAdmin();
        documents.removeAsset(DocumentAsset.TERMS_OF_SALE);
        return ResponseEntity.noContent().build();
    }

    private static void requireAdmin() {
        if (TenantContext.current().map(EncaissePrincipal::role).orElse(null) != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator may change the tenant's templates and document settings");
        }
    }
}
