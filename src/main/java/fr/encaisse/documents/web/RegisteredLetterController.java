package fr.encaisse.documents.web;

import fr.encaisse.documents.DeliveryOutcome;
import fr.encaisse.documents.RegisteredLetter;
import fr.encaisse.documents.RegisteredLetters;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * LRAR number and acknowledgement of receipt of a registered letter the dunning run sent: the same calls
 * as for a letter written here ({@code /documents/{id}/…}), under the outbox message they belong to.
 */
@RestController
class RegisteredLetterController {

    private final RegisteredLetters letters;

    RegisteredLetterController(RegisteredLetters letters) {
        this.letters = letters;
    }

    @GetMapping("/api/v1/communication/messages/{id}/registered-mail")
    RegisteredLetter registeredLetter(@PathVariable UUID id) {
        return letters.registeredLetter(id);
    }

    record PostingBody(String trackingNumber, LocalDate postedOn) {
    }

    /** Records that the letter was posted, with La Poste's tracking number. */
    @PutMapping("/api/v1/communication/messages/{id}/registered-mail")
    RegisteredLetter posted(@PathVariable UUID id, @RequestBody PostingBody body) {
        return letters.recordPosting(id, body.trackingNumber(), body.postedOn());
    }

    /** @param outcome DELIVERED (default), REFUSED, NOT_CLAIMED or RETURNED, as the returned card says */
    record AcknowledgementBody(LocalDate receivedOn, DeliveryOutcome outcome) {
    }

    /** Records the returned acknowledgement card: its date and what it says. */
    @PutMapping("/api/v1/communication/messages/{id}/acknowledgement")
    RegisteredLetter acknowledged(@PathVariable UUID id, @RequestBody AcknowledgementBody body) {
        return letters.recordAcknowledgement(id, body.receivedOn(), body.outcome());
    }
}
