package fr.encaisse.cockpit.web;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.Outbox;
import fr.encaisse.documents.DeliveryOutcome;
import fr.encaisse.documents.RegisteredLetter;
import fr.encaisse.documents.RegisteredLetters;
import fr.encaisse.shared.NotFoundException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The registered letters the outbox sent to a debtor, with what is recorded of them (a debtor has a few). */
@Component
class RegisteredLetterRows {

    /** What the returned card says, as the credit team reads it (a refused or unclaimed letter was presented, a returned one was not). */
    static final Map<DeliveryOutcome, String> OUTCOMES = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            DeliveryOutcome.DELIVERED, "AR signé",
            DeliveryOutcome.REFUSED, "refusée par le débiteur",
            DeliveryOutcome.NOT_CLAIMED, "pli avisé non réclamé",
            DeliveryOutcome.RETURNED, "retournée non distribuée")));

    private final Outbox outbox;
    private final RegisteredLetters letters;

    RegisteredLetterRows(Outbox outbox, RegisteredLetters letters) {
        this.outbox = outbox;
        this.letters = letters;
    }

    /** Oldest first, in the order the outbox sent them. */
    List<RegisteredLetter> ofDebtor(UUID debtorId) {
        return outbox.ofDebtor(debtorId).stream().filter(RegisteredLetterRows::sentRegistered)
                .map(m -> letters.registeredLetter(m.id())).toList();
    }

    /** A letter is reached through its own debtor's page only: another debtor's is not found. */
    void requireOf(UUID debtorId, UUID messageId) {
        Message m = outbox.message(messageId);
        if (!debtorId.equals(m.debtorId()) || !sentRegistered(m)) {
            throw new NotFoundException("Registered letter", messageId);
        }
    }

    private static boolean sentRegistered(Message m) {
        return m.channel() == Channel.REGISTERED_LETTER && m.status() == MessageStatus.SENT;
    }
}
