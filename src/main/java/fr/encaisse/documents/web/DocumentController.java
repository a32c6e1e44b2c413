package fr.encaisse.documents.web;

import fr.encaisse.documents.DocumentContent;
import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.Documents;
import fr.encaisse.documents.DossierRequest;
import fr.encaisse.documents.LetterRequest;
import fr.encaisse.documents.RecoveryProcedure;
import fr.encaisse.documents.StoredDocument;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters, the formal notice with its registered-mail record, the recovery dossier, Factur-X
 * downloads, and the documents of a debtor.
 */
@RestController
class DocumentController {

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    /** @param kind REMINDER_1, REMINDER_2 or FORMAL_NOTICE; date default today; language default the debtor's; deadlineDays default 8 */
    record LetterBody(DocumentKind kind, LocalDate date, String language, Integer deadlineDays) {
    }

    /** Writes, stores and journals a letter; 201 with the document (its SHA-256 included). */
    @PostMapping("/api/v1/debtors/{debtorId}/letters")
    ResponseEntity<StoredDocument> letter(@PathVariable UUID debtorId, @RequestBody LetterBody body) {
        StoredDocument d = documents.generateLetter(new LetterRequest(debtorId, body.kind(), body.date(), body.language(), body.deadlineDays()));
        return ResponseEntity.created(URI.create("/api/v1/documents/" + d.id())).body(d);
    }

    /** The same letter's PDF, neither stored nor journaled. */
    @PostMapping(value = "/api/v1/debtors/{debtorId}/letters/preview", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> preview(@PathVariable UUID debtorId, @RequestBody LetterBody body) {
        return download(documents.previewLetter(new LetterRequest(debtorId, body.kind(), body.date(), body.language(), body.deadlineDays())), true);
    }

    @GetMapping("/api/v1/debtors/{debtorId}/documents")
    List<StoredDocument> ofDebtor(@PathVariable UUID debtorId) {
        return documents.ofDebtor(debtorId);
    }

    @GetMapping("/api/v1/documents/{id}")
    StoredDocument document(@PathVariable UUID id) {
        return documents.document(id);
    }

    /** The bytes; the {@code ETag} and {@code X-Content-SHA256} headers carry the SHA-256 the evidence journal holds. */
    @GetMapping("/api/v1/documents/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return download(documents.content(id), false);
    }

    record PostingBody(String trackingNumber, LocalDate postedOn) {
    }

    /** Records that the letter was posted by registered mail (LRAR), with La Poste's tracking number. */
    @PutMapping("/api/v1/documents/{id}/registered-mail")
    StoredDocument posted(@PathVariable UUID id, @RequestBody PostingBody body) {
        return documents.recordPosting(id, body.trackingNumber(), body.postedOn());
    }

    record AcknowledgementBody(LocalDate receivedOn) {
    }

    /** Records the date on the signed acknowledgement of receipt. */
    @PutMapping("/api/v1/documents/{id}/acknowledgement")
    StoredDocument acknowledged(@PathVariable UUID id, @RequestBody AcknowledgementBody body) {
        return documents.recordAcknowledgement(id, body.receivedOn());
    }

    record DossierBody(RecoveryProcedure procedure, LocalDate date, BigDecimal costs, String costsDescription,
                       String commissaireDeJustice) {
    }

    /** Assembles the judicial recovery dossier (ZIP) of the debtor; 201 with the stored document. */
    @PostMapping("/api/v1/debtors/{debtorId}/recovery-dossier")
    ResponseEntity<StoredDocument> dossier(@PathVariable UUID debtorId, @RequestBody DossierBody body) {
        StoredDocument d = documents.recoveryDossier(new DossierRequest(debtorId, body.procedure(), body.date(), body.costs(),
                body.costsDescription(), body.commissaireDeJustice()));
        return ResponseEntity.created(URI.create("/api/v1/documents/" + d.id())).body(d);
    }

    /** The invoice as Factur-X EN 16931 (the original when it was received as Factur-X). */
    @GetMapping(value = "/api/v1/invoices/{id}/facturx", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> facturX(@PathVariable UUID id) {
        StoredDocument d = documents.facturX(id);
        return download(documents.content(d.id()), false);
    }

    static ResponseEntity<byte[]> download(DocumentContent c, boolean inline) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(c.fileName()).build().toString())
                .eTag("\"" + c.sha256() + "\"")
                .header("X-Content-SHA256", c.sha256())
                .body(c.bytes());
    }
}
