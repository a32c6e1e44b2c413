package fr.encaisse.imports.web;

import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.shared.InvalidInputException;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports/{debtors|invoices}} with the CSV as a multipart {@code file} or as
 * the raw body. 200 with the report when applied (or a clean dry run), 422 with the report
 * listing every bad line when nothing was written.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
                                        @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return respond(imports.importCsv(kind(kind), file.getBytes(), dryRun));
    }

    @PostMapping(value = "/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> raw(@PathVariable String kind, @RequestBody byte[] body,
                                     @RequestParam(defaultValue = "false") boolean dryRun) {
        return respond(imports.importCsv(kind(kind), body, dryRun));
    }

    private static ImportKind kind(String kind) {
        return switch (kind) {
            case "debtors" -> ImportKind.DEBTORS;
            case "invoices" -> ImportKind.INVOICES;
            default -> throw InvalidInputException.of("kind", "must be debtors or invoices");
        };
    }

    private static ResponseEntity<ImportReport> respond(ImportReport report) {
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
