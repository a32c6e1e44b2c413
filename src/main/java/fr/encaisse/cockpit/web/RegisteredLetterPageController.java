package fr.encaisse.cockpit.web;

import fr.encaisse.communication.Outbox;
import fr.encaisse.documents.DeliveryOutcome;
import fr.encaisse.documents.RegisteredLetter;
import fr.encaisse.documents.RegisteredLetters;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The debtor page's registered letters sent by the outbox: their PDF, and forms recording the LRAR
 * posting and the returned card through the same {@link RegisteredLetters} calls as the REST API, so
 * the same rules and journal entries. A refused record is a flash message naming the field; nothing changes.
 */
@Controller
class RegisteredLetterPageController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Outbox outbox;
    private final RegisteredLetters letters;
    private final RegisteredLetterRows rows;

    RegisteredLetterPageController(Outbox outbox, RegisteredLetters letters, RegisteredLetterRows rows) {
        this.outbox = outbox;
        this.letters = letters;
        this.rows = rows;
    }

    @PostMapping("/debtors/{id}/registered-letters/{messageId}/posting")
    String posted(@PathVariable UUID id, @PathVariable UUID messageId, @RequestParam String trackingNumber,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedOn, RedirectAttributes flash) {
        return act(id, messageId, flash, () -> {
            RegisteredLetter l = letters.recordPosting(messageId, trackingNumber, postedOn);
            return "LRAR n° " + l.trackingNumber() + " postée le " + DAY.format(l.postedOn()) + " — enregistré.";
        });
    }

    @PostMapping("/debtors/{id}/registered-letters/{messageId}/acknowledgement")
    String acknowledged(@PathVariable UUID id, @PathVariable UUID messageId,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                        @RequestParam DeliveryOutcome outcome, RedirectAttributes flash) {
        return act(id, messageId, flash, () -> {
            RegisteredLetter l = letters.recordAcknowledgement(messageId, receivedOn, outcome);
            return "Avis de réception (" + RegisteredLetterRows.OUTCOMES.get(l.outcome()) + ") du " + DAY.format(l.acknowledgedOn()) + " — enregistré.";
        });
    }

    @GetMapping("/debtors/{id}/registered-letters/{messageId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID messageId) {
        rows.requireOf(id, messageId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("lettre-recommandee-" + messageId + ".pdf").build().toString())
                .body(outbox.content(messageId));
    }

    private String act(UUID id, UUID messageId, RedirectAttributes flash, Supplier<String> action) {
        if (!Writers.canWrite()) {
            flash.addFlashAttribute("error", Writers.REFUSED);
        } else {
            rows.requireOf(id, messageId);
            try {
                flash.addFlashAttribute("info", action.get());
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("error", e.problems().stream().map(p -> p.field() + " : " + p.message())
                        .collect(Collectors.joining(" ; ")));
            } catch (ConflictException e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/debtors/" + id + "#registered-letters";
    }
}
