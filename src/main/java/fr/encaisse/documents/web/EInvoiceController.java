package fr.encaisse.documents.web;

import fr.encaisse.documents.Documents;
import fr.encaisse.documents.EInvoiceImport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/einvoices}: a Factur-X/ZUGFeRD PDF, a CII or a UBL XML, as a multipart
 * {@code file} or as the raw body. 201 with what it became in the ledger; 422 naming each business
 * term at fault, 409 for an invoice number already in the ledger — and then nothing was written.
 */
@RestController
class EInvoiceController {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final Documents documents;

    EInvoiceController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(value = "/api/v1/einvoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EInvoiceImport> upload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new MaxUploadSizeExceededException(MAX_BYTES);
        }
        return created(documents.importEInvoice(file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(value = "/api/v1/einvoices", consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<EInvoiceImport> raw(InputStream body, @RequestParam(required = false) String fileName,
                                       @RequestHeader(value = "Content-Type", required = false) String type) throws IOException {
        byte[] content = body.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            throw new MaxUploadSizeExceededException(MAX_BYTES);
        }
        String name = fileName != null ? fileName : type != null && type.contains("pdf") ? "einvoice.pdf" : "einvoice.xml";
        return created(documents.importEInvoice(name, content));
    }

    private static ResponseEntity<EInvoiceImport> created(EInvoiceImport result) {
        URI location = URI.create(result.invoiceId() != null ? "/api/v1/invoices/" + result.invoiceId()
                : "/api/v1/credit-notes/" + result.creditNoteId());
        return ResponseEntity.created(location).body(result);
    }
}
