package fr.encaisse.banking.web;

import fr.encaisse.banking.BankStatement;
import fr.encaisse.banking.ImportResult;
import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.ManualMatch;
import fr.encaisse.banking.MatchCounts;
import fr.encaisse.banking.Reconciliation;
import fr.encaisse.banking.ReconciliationSettings;
import fr.encaisse.banking.StatementLine;
import fr.encaisse.ledger.Slice;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/bank-statements}: upload a camt.053/camt.054/CFONB 120 file (multipart
 * {@code file} or the raw body), list statements and their lines with status and candidates,
 * confirm, change, split, reject or undo a line's match, and close or reopen a reversing debit.
 * 201 when an upload created lines, 200 when everything in it was imported before, 422 naming
 * the line and element when the file is not a valid statement (nothing is written).
 */
@RestController
@RequestMapping("/api/v1/bank-statements")
class BankStatementController {

    private final Reconciliation reconciliation;
    private final DataSize maxBytes;

    BankStatementController(Reconciliation reconciliation,
                            @Value("${spring.servlet.multipart.max-file-size}") DataSize maxBytes) {
        this.reconciliation = reconciliation;
        this.maxBytes = maxBytes;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> upload(@RequestPart("file") MultipartFile file) throws IOException {
        return created(reconciliation.importStatement(file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportResult> raw(InputStream body, @RequestParam(required = false) String fileName) throws IOException {
        // A raw body has no multipart limit: read at most the limit, and refuse anything longer.
        byte[] content = body.readNBytes((int) maxBytes.toBytes() + 1);
        if (content.length > maxBytes.toBytes()) {
            throw new MaxUploadSizeExceededException(maxBytes.toBytes());
        }
        return created(reconciliation.importStatement(fileName, content));
    }

    private static ResponseEntity<ImportResult> created(ImportResult result) {
        return ResponseEntity.status(result.newLines() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @GetMapping
    Slice<BankStatement> statements(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        return reconciliation.statements(limit, after);
    }

    @GetMapping("/{id}")
    BankStatement statement(@PathVariable UUID id) {
        return reconciliation.statement(id);
    }

    @GetMapping("/{id}/lines")
    Slice<StatementLine> lines(@PathVariable UUID id, @RequestParam(required = false) LineStatus status,
                               @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String after) {
        return reconciliation.lines(id, status, limit, after);
    }

    /** Matches the statement's unmatched credits again (after invoices or credit notes were added). */
    @PostMapping("/{id}/match")
    MatchCounts rematch(@PathVariable UUID id) {
        return reconciliation.rematch(id);
    }

    /** The work queue: lines of every statement with a status, e.g. {@code SUGGESTED}. */
    @GetMapping("/lines")
    Slice<StatementLine> queue(@RequestParam LineStatus status, @RequestParam(defaultValue = "100") int limit,
                               @RequestParam(required = false) String after) {
        return reconciliation.lines(status, limit, after);
    }

    @GetMapping("/lines/{lineId}")
    StatementLine line(@PathVariable UUID lineId) {
        return reconciliation.line(lineId);
    }

    record Confirmation(Integer candidate) {
    }

    /** Applies a candidate (the best when the body is empty or has no {@code candidate}). */
    @PostMapping("/lines/{lineId}/confirm")
    StatementLine confirm(@PathVariable UUID lineId, @RequestBody(required = false) Confirmation confirmation) {
        return reconciliation.confirm(lineId, confirmation == null || confirmation.candidate() == null ? 0 : confirmation.candidate());
    }

    /** Changes or splits: the debtor and how much goes to which invoice. */
    @PostMapping("/lines/{lineId}/match")
    StatementLine match(@PathVariable UUID lineId, @RequestBody ManualMatch match) {
        return reconciliation.match(lineId, match);
    }

    @PostMapping("/lines/{lineId}/reject")
    StatementLine reject(@PathVariable UUID lineId) {
        return reconciliation.reject(lineId);
    }

    @PostMapping("/lines/{lineId}/undo")
    StatementLine undo(@PathVariable UUID lineId) {
        return reconciliation.undo(lineId);
    }

    record Closing(String reason) {
    }

    /** Closes a reversing debit left for a person, with the reason. */
    @PostMapping("/lines/{lineId}/close")
    StatementLine close(@PathVariable UUID lineId, @RequestBody(required = false) Closing closing) {
        return reconciliation.close(lineId, closing == null ? null : closing.reason());
    }

    @PostMapping("/lines/{lineId}/reopen")
    StatementLine reopen(@PathVariable UUID lineId) {
        return reconciliation.reopen(lineId);
    }

    @GetMapping("/settings")
    ReconciliationSettings settings() {
        return reconciliation.settings();
    }

    @PutMapping("/settings")
    ReconciliationSettings updateSettings(@RequestBody ReconciliationSettings settings) {
        return reconciliation.updateSettings(settings);
    }
}
