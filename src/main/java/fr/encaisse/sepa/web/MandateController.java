package fr.encaisse.sepa.web;

import fr.encaisse.sepa.Mandate;
import fr.encaisse.sepa.MandateAmendment;
import fr.encaisse.sepa.MandateDocument;
import fr.encaisse.sepa.MandateDraft;
import fr.encaisse.sepa.MandateSignature;
import fr.encaisse.sepa.MandateStatus;
import fr.encaisse.sepa.Mandates;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SEPA mandates: create (pending signature), sign, amend, revoke, delete, and the form to sign as PDF. */
@RestController
@RequestMapping("/api/v1/sepa/mandates")
class MandateController {

    private final Mandates mandates;

    MandateController(Mandates mandates) {
        this.mandates = mandates;
    }

    @PostMapping
    ResponseEntity<Mandate> create(@RequestBody MandateDraft draft) {
        Mandate m = mandates.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/sepa/mandates/" + m.id())).body(m);
    }

    @GetMapping
    List<Mandate> list(@RequestParam(required = false) UUID debtorId, @RequestParam(required = false) MandateStatus status) {
        return mandates.list(debtorId, status);
    }

    @GetMapping("/{id}")
    Mandate get(@PathVariable UUID id) {
        return mandates.mandate(id);
    }

    /** Amends the mandate: new IBAN/BIC, new UMR, corrected name or address; flagged in its next collection. */
    @PutMapping("/{id}")
    Mandate amend(@PathVariable UUID id, @RequestBody MandateAmendment amendment) {
        return mandates.amend(id, amendment);
    }

    @PostMapping("/{id}/sign")
    Mandate sign(@PathVariable UUID id, @RequestBody MandateSignature signature) {
        return mandates.sign(id, signature);
    }

    record Revocation(String reason, LocalDate on) {
    }

    @PostMapping("/{id}/revoke")
    Mandate revoke(@PathVariable UUID id, @RequestBody(required = false) Revocation body) {
        return mandates.revoke(id, body == null ? null : body.reason(), body == null ? null : body.on());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        mandates.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The mandate form to sign, with the EPC mandatory wording; {@code language} fr or en (default: the debtor's). */
    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) String language) {
        MandateDocument d = mandates.form(id, language);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(d.fileName()).build().toString())
                .body(d.content());
    }
}
