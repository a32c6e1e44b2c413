package fr.encaisse.communication.web;

import fr.encaisse.communication.CallResult;
import fr.encaisse.communication.CallTask;
import fr.encaisse.communication.CallTasks;
import fr.encaisse.communication.MailSettings;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.Outbox;
import fr.encaisse.communication.PrintBatch;
import fr.encaisse.communication.PrintBatches;
import fr.encaisse.communication.TenantMail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages and their status, the dead-letter list, mail settings, print batches and call tasks. */
@RestController
@RequestMapping("/api/v1/communication")
class CommunicationController {

    private final Outbox outbox;
    private final PrintBatches printBatches;
    private final CallTasks callTasks;
    private final TenantMail mail;

    CommunicationController(Outbox outbox, PrintBatches printBatches, CallTasks callTasks, TenantMail mail) {
        this.outbox = outbox;
        this.printBatches = printBatches;
        this.callTasks = callTasks;
        this.mail = mail;
    }

    @GetMapping("/messages")
    List<Message> messages(@RequestParam(required = false) MessageStatus status, @RequestParam(required = false) UUID debtorId,
                           @RequestParam(defaultValue = "100") int limit) {
        return outbox.messages(status, debtorId, limit);
    }

    @GetMapping("/messages/{id}")
    Message message(@PathVariable UUID id) {
        return outbox.message(id);
    }

    /** The exact bytes sent (message/rfc822, application/pdf or text), as hashed in the evidence journal. */
    @GetMapping("/messages/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        Message m = outbox.message(id);
        byte[] content = outbox.content(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType() == null
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE : m.contentType())).body(content);
    }

    @GetMapping("/dead-letters")
    List<Message> deadLetters() {
        return outbox.deadLetters();
    }

    @PostMapping("/messages/{id}/retry")
    Message retry(@PathVariable UUID id) {
        return outbox.retry(id);
    }

    record Bounce(String reason) {
    }

    @PostMapping("/messages/{id}/bounce")
    Message bounce(@PathVariable UUID id, @RequestBody(required = false) Bounce bounce) {
        return outbox.markBounced(id, bounce == null ? null : bounce.reason());
    }

    /** Sends the tenant's due messages now instead of waiting for the background dispatcher. */
    @PostMapping("/dispatch")
    Map<String, Integer> dispatch() {
        return Map.of("processed", outbox.dispatchDue());
    }

    @GetMapping("/mail-settings")
    MailSettings mailSettings() {
        return mail.settings();
    }

    @PutMapping("/mail-settings")
    MailSettings updateMailSettings(@RequestBody MailSettings settings) {
        return mail.update(settings);
    }

    @GetMapping("/print-batches")
    List<PrintBatch> printBatches(@RequestParam(defaultValue = "false") boolean openOnly) {
        return printBatches.batches(openOnly);
    }

    @GetMapping("/print-batches/{id}")
    PrintBatch printBatch(@PathVariable UUID id) {
        return printBatches.batch(id);
    }

    /** One PDF with every letter of the batch; closes the batch. */
    @GetMapping(value = "/print-batches/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        byte[] pdf = printBatches.download(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"print-batch-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/call-tasks")
    List<CallTask> callTasks(@RequestParam(required = false) String owner, @RequestParam(defaultValue = "true") boolean openOnly) {
        return callTasks.todo(owner, openOnly);
    }

    @GetMapping("/call-tasks/{id}")
    CallTask callTask(@PathVariable UUID id) {
        return callTasks.task(id);
    }

    record Owner(String owner) {
    }

    @PutMapping("/call-tasks/{id}/owner")
    CallTask assign(@PathVariable UUID id, @RequestBody Owner owner) {
        return callTasks.assign(id, owner.owner());
    }

    @PostMapping("/call-tasks/{id}/outcome")
    CallTask outcome(@PathVariable UUID id, @RequestBody CallResult result) {
        return callTasks.recordOutcome(id, result);
    }
}
