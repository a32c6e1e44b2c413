package fr.encaisse.imports.web;

import fr.encaisse.imports.AccountingSettings;
import fr.encaisse.imports.BooksSettings;
import fr.encaisse.imports.CsvPreview;
import fr.encaisse.imports.FecImportOptions;
import fr.encaisse.imports.FecImportReport;
import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportProfile;
import fr.encaisse.imports.ImportProfiles;
import fr.encaisse.imports.ImportProgress;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.shared.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports from the books.
 * <ul>
 *   <li>{@code POST /api/v1/imports/{debtors|invoices}[?profile=]}: a CSV, multipart {@code file} or raw body;</li>
 *   <li>{@code POST /api/v1/imports/fec[?dryRun=&termDays=]}: a FEC, multipart (up to the upload limit) or raw
 *       body (streamed, up to {@code encaisse.imports.fec.max-size});</li>
 *   <li>{@code POST /api/v1/imports/preview[?kind=&profile=]}: how the first lines of a file would be read;</li>
 *   <li>{@code GET/POST /api/v1/imports/profiles}, {@code DELETE /api/v1/imports/profiles/{name}}: saved CSV profiles;</li>
 *   <li>{@code GET/PUT /api/v1/imports/settings}: the books' settings (default payment term, accounts, journals).</li>
 * </ul>
 * Imports answer 200 with the report when applied (or a clean dry run), 422 with the report
 * listing every problem by line and column when nothing was written.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private static final List<String> RAW = List.of("text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "text/tab-separated-values");
    /** A preview reads this much of the file at most. */
    private static final int PREVIEW_BYTES = 1 << 20;

    private final Imports imports;
    private final ImportProfiles profiles;
    private final AccountingSettings settings;
    private final DataSize maxBytes;
    private final DataSize maxFecBytes;

    ImportController(Imports imports, ImportProfiles profiles, AccountingSettings settings,
                     @Value("${spring.servlet.multipart.max-file-size}") DataSize maxBytes,
                     @Value("${encaisse.imports.fec.max-size:4GB}") DataSize maxFecBytes) {
        this.imports = imports;
        this.profiles = profiles;
        this.settings = settings;
        this.maxBytes = maxBytes;
        this.maxFecBytes = maxFecBytes;
    }

    // ---- FEC

    @PostMapping(value = "/fec", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FecImportReport> fec(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                                        @RequestParam(required = false) Integer termDays) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return respond(imports.importFec(in, new FecImportOptions(dryRun, termDays, file.getOriginalFilename(),
                    file.getSize(), logging(file.getOriginalFilename()))));
        }
    }

    @PostMapping(value = "/fec", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "text/tab-separated-values"})
    ResponseEntity<FecImportReport> fecRaw(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun,
                                           @RequestParam(required = false) Integer termDays,
                                           @RequestParam(required = false) String fileName,
                                           @RequestHeader(value = "Content-Length", required = false) Long length) {
        if (length != null && length > maxFecBytes.toBytes()) {
            throw new MaxUploadSizeExceededException(maxFecBytes.toBytes());
        }
        return respond(imports.importFec(new Limited(body, maxFecBytes.toBytes()), new FecImportOptions(dryRun, termDays, fileName,
                length == null ? -1 : length, logging(fileName))));
    }

    private static ImportProgress logging(String name) {
        return (phase, lines, bytes, total) -> {
            if (phase.equals("reading") && lines % 500_000 < 50_000 && lines >= 500_000) {
                log.info("FEC {}: {} lines read{}", name == null ? "" : name, lines,
                        total > 0 ? " (" + (100 * bytes / total) + "%)" : "");
            }
        };
    }

    // ---- CSV

    @PostMapping(value = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
                                        @RequestParam(defaultValue = "false") boolean dryRun,
                                        @RequestParam(required = false) String profile) throws IOException {
        return respond(imports.importCsv(kind(kind), file.getBytes(), dryRun, profile));
    }

    @PostMapping(value = "/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> raw(@PathVariable String kind, InputStream body,
                                     @RequestParam(defaultValue = "false") boolean dryRun,
                                     @RequestParam(required = false) String profile) throws IOException {
        // A raw body has no multipart limit: read at most the limit, and refuse anything longer.
        byte[] content = body.readNBytes((int) maxBytes.toBytes() + 1);
        if (content.length > maxBytes.toBytes()) {
            throw new MaxUploadSizeExceededException(maxBytes.toBytes());
        }
        return respond(imports.importCsv(kind(kind), content, dryRun, profile));
    }

    // ---- preview and profiles

    @PostMapping(value = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CsvPreview preview(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String profile) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.preview(head(in), kind == null ? null : kind(kind), profile);
        }
    }

    @PostMapping(value = "/preview", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "text/tab-separated-values"})
    CsvPreview previewRaw(InputStream body, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String profile) throws IOException {
        return imports.preview(head(body), kind == null ? null : kind(kind), profile);
    }

    @GetMapping("/profiles")
    List<ImportProfile> profiles() {
        return profiles.list();
    }

    @PostMapping(value = "/profiles", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportProfile saveProfile(@RequestBody ImportProfile profile) {
        return profiles.save(profile);
    }

    @DeleteMapping("/profiles/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProfile(@PathVariable String name) {
        profiles.delete(name);
    }

    // ---- settings

    @GetMapping("/settings")
    BooksSettings settings() {
        return settings.get();
    }

    @PutMapping(value = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    BooksSettings saveSettings(@RequestBody BooksSettings books) {
        return settings.save(books);
    }

    /** The first megabyte of a file, cut after its last complete line. */
    private static byte[] head(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(PREVIEW_BYTES + 1);
        if (bytes.length <= PREVIEW_BYTES) {
            return bytes;
        }
        int end = PREVIEW_BYTES;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(bytes, end == 0 ? PREVIEW_BYTES : end);
    }

    private static ImportKind kind(String kind) {
        return switch (kind) {
            case "debtors" -> ImportKind.DEBTORS;
            case "invoices" -> ImportKind.INVOICES;
            default -> throw InvalidInputException.of("kind", "must be debtors or invoices");
        };
    }

    private static <T> ResponseEntity<T> respond(T report) {
        boolean ok = report instanceof ImportReport r ? r.ok() : ((FecImportReport) report).ok();
        return ResponseEntity.status(ok ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    /** Refuses a raw body longer than the limit instead of reading it all. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("the file exceeds the limit of " + max + " bytes");
            }
        }
    }
}
