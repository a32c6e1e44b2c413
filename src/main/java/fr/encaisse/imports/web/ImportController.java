package fr.encaisse.imports.web;

import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final DataSize maxBytes;

    ImportController(Imports imports, @Value("${spring.servlet.multipart.max-file-size}") DataSize maxBytes) {
        this.imports = imports;
        this.maxBytes = maxBytes;
    }

    @PostMapping(value = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
                                        @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return respond(imports.importCsv(kind(kind), file.getBytes(), dryRun));
    }

    @PostMapping(value = "/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> raw(@PathVariable String kind, InputStream body,
                                     @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        // A raw body has no multipart limit: read at most the limit, and refuse anything longer.
        byte[] content = body.readNBytes((int) maxBytes.toBytes() + 1);
        if (content.length > maxBytes.toBytes()) {
            throw new MaxUploadSizeExceededException(maxBytes.toBytes());
        }
        return respond(imports.importCsv(kind(kind), content, dryRun));
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
