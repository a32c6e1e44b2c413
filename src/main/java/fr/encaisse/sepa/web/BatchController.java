package fr.encaisse.sepa.web;

import fr.encaisse.sepa.BatchFile;
import fr.encaisse.sepa.BatchRequest;
import fr.encaisse.sepa.DebitBatch;
import fr.encaisse.sepa.DirectDebits;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** pain.008 batches: create, list, download, mark submitted, discard. */
@RestController
@RequestMapping("/api/v1/sepa/batches")
class BatchController {

    private final DirectDebits directDebits;

    BatchController(DirectDebits directDebits) {
        this.directDebits = directDebits;
    }

    @PostMapping
    ResponseEntity<DebitBatch> create(@RequestBody(required = false) BatchRequest request) {
        DebitBatch b = directDebits.createBatch(request);
        return ResponseEntity.created(URI.create("/api/v1/sepa/batches/" + b.id())).body(b);
    }

    @GetMapping
    List<DebitBatch> list() {
        return directDebits.batches();
    }

    @GetMapping("/{id}")
    DebitBatch get(@PathVariable UUID id) {
        return directDebits.batch(id);
    }

    /** The pain.008 file as stored, to send to the bank. */
    @GetMapping(value = "/{id}/file", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        BatchFile f = directDebits.batchFile(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName()).build().toString())
                .header("Digest", "sha-256=" + f.sha256())
                .body(f.content());
    }

    record Submission(LocalDate submittedOn) {
    }

    /** Marks the file as sent to the bank; its collections are booked on their collection date. */
    @PostMapping("/{id}/submit")
    DebitBatch submit(@PathVariable UUID id, @RequestBody(required = false) Submission body) {
        return directDebits.submit(id, body == null ? null : body.submittedOn());
    }

    /** Drops a batch not yet submitted; its collections wait for the next one. */
    @DeleteMapping("/{id}")
    DebitBatch discard(@PathVariable UUID id) {
        return directDebits.discard(id);
    }
}
