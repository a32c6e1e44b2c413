package fr.encaisse.sepa.web;

import fr.encaisse.sepa.DebitReturn;
import fr.encaisse.sepa.DirectDebits;
import fr.encaisse.sepa.ReturnImport;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/sepa/returns}: a pain.002 status report or a camt.054 notification, as a
 * multipart {@code file} or as the raw XML body; {@code receivedOn} is the day it came (default today).
 */
@RestController
@RequestMapping("/api/v1/sepa/returns")
class ReturnController {

    private final DirectDebits directDebits;
    private final DataSize maxBytes;

    ReturnController(DirectDebits directDebits, @Value("${spring.servlet.multipart.max-file-size}") DataSize maxBytes) {
        this.directDebits = directDebits;
        this.maxBytes = maxBytes;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReturnImport upload(@RequestPart("file") MultipartFile file, @RequestParam(required = false) LocalDate receivedOn)
            throws IOException {
        return directDebits.importReturns(file.getOriginalFilename(), file.getBytes(), receivedOn);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ReturnImport raw(InputStream body, @RequestParam(required = false) String fileName,
                     @RequestParam(required = false) LocalDate receivedOn) throws IOException {
        byte[] content = body.readNBytes((int) maxBytes.toBytes() + 1);
        if (content.length > maxBytes.toBytes()) {
            throw new MaxUploadSizeExceededException(maxBytes.toBytes());
        }
        return directDebits.importReturns(fileName, content, receivedOn);
    }

    @GetMapping
    List<DebitReturn> list(@RequestParam(defaultValue = "100") int limit) {
        return directDebits.returns(limit);
    }
}
