package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.Outbox;
import fr.encaisse.documents.DeliveryOutcome;
import fr.encaisse.documents.RegisteredLetter;
import fr.encaisse.documents.RegisteredLetters;
import fr.encaisse.documents.internal.RegisteredLetterStore.Lrar;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** LRAR records of the registered letters the outbox sent: the same rules as for the letters written here. */
@Service
@Transactional
class RegisteredLetterService implements RegisteredLetters {

    private final Outbox outbox;
    private final RegisteredLetterStore store;
    private final Evidence evidence;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;

    RegisteredLetterService(Outbox outbox, RegisteredLetterStore store, Evidence evidence, Tenants tenants, JsonMapper json,
                            Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.evidence = evidence;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RegisteredLetter recordPosting(UUID messageId, String trackingNumber, LocalDate postedOn) {
        String tracking = LrarRules.requirePosting(trackingNumber, postedOn);
        UUID tenantId = TenantContext.tenantId();
        Message m = sentRegisteredLetter(messageId);
        // Not before the PDF went to the print batch: a letter cannot be posted before it was printed.
        LocalDate printed = m.sentAt().atZoneSameInstant(tenants.get(tenantId).timeZone()).toLocalDate();
        LocalDate notBefore = printed.isAfter(m.asOf()) ? printed : m.asOf();
        LrarRules.check(postedOn, notBefore, tenants.today(tenantId), "postedOn", "the day the letter was dated or printed");
        var recorded = store.find(tenantId, messageId);
        if (recorded.isPresent()) {
            if (recorded.get().trackingNumber().equals(tracking) && recorded.get().postedOn().equals(postedOn)) {
                return view(m, recorded.get());
            }
            throw new ConflictException(what(m) + " is already recorded as posted on " + recorded.get().postedOn()
                    + " under " + recorded.get().trackingNumber());
        }
        store.posted(tenantId, messageId, m.debtorId(), tracking, postedOn, OffsetDateTime.now(clock));
        evidence.record("DEBTOR", m.debtorId(), "registered-mail.posted", json.writeValueAsString(m(
                "message", messageId.toString(), "template", m.template(), "sha256", m.contentSha256(),
                "trackingNumber", tracking, "postedOn", postedOn.toString())));
        return registeredLetter(messageId);
    }

    @Override
    public RegisteredLetter recordAcknowledgement(UUID messageId, LocalDate receivedOn, DeliveryOutcome outcome) {
        if (receivedOn == null) {
            throw InvalidInputException.of("receivedOn", "is required");
        }
        DeliveryOutcome said = outcome == null ? DeliveryOutcome.DELIVERED : outcome;
        UUID tenantId = TenantContext.tenantId();
        Message m = sentRegisteredLetter(messageId);
        Lrar lrar = store.find(tenantId, messageId).orElseThrow(() -> new ConflictException(
                what(m) + " has no recorded posting: record the tracking number first"));
        LrarRules.check(receivedOn, lrar.postedOn(), tenants.today(tenantId), "receivedOn", "the posting date");
        if (lrar.outcome() != null) {
            if (lrar.outcome() == said && lrar.acknowledgedOn().equals(receivedOn)) {
                return view(m, lrar);
            }
            throw new ConflictException(what(m) + " is already recorded as " + lrar.outcome() + " on " + lrar.acknowledgedOn());
        }
        if (!store.acknowledged(tenantId, messageId, receivedOn, said, OffsetDateTime.now(clock))) {
            throw new ConflictException(what(m) + " was recorded by someone else meanwhile: reload it");
        }
        evidence.record("DEBTOR", m.debtorId(), action(said), json.writeValueAsString(m(
                "message", messageId.toString(), "template", m.template(), "sha256", m.contentSha256(),
                "trackingNumber", lrar.trackingNumber(), "outcome", said.name(), "receivedOn", receivedOn.toString())));
        return registeredLetter(messageId);
    }

    @Override
    @Transactional(readOnly = true)
    public RegisteredLetter registeredLetter(UUID messageId) {
        Message m = sentRegisteredLetter(messageId);
        return view(m, store.find(TenantContext.tenantId(), messageId).orElse(null));
    }

    /** The journal's action for a returned card: each outcome reads differently in the chronology. */
    static String action(DeliveryOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> "registered-mail.acknowledged";
            case REFUSED -> "registered-mail.refused";
            case NOT_CLAIMED -> "registered-mail.not-claimed";
            case RETURNED -> "registered-mail.returned";
        };
    }

    /** Another tenant's message is not found (404) before anything else is said about it. */
    private Message sentRegisteredLetter(UUID messageId) {
        Message m = outbox.message(messageId);
        if (m.channel() != Channel.REGISTERED_LETTER) {
            throw new ConflictException("Message " + messageId + " went by " + m.channel()
                    + ": only a registered letter (REGISTERED_LETTER) has a tracking number and an acknowledgement of receipt");
        }
        if (m.status() != MessageStatus.SENT) {
            throw new ConflictException("Message " + messageId + " is " + m.status()
                    + ": only a registered letter the outbox sent (SENT) can have been posted");
        }
        return m;
    }

    private static String what(Message m) {
        return "Registered letter " + m.id() + " (" + m.template() + " of " + m.asOf() + ")";
    }

    private static RegisteredLetter view(Message m, Lrar lrar) {
        return new RegisteredLetter(m.id(), m.debtorId(), m.template(), m.asOf(), m.recipient(), m.contentSha256(),
                lrar == null ? null : lrar.trackingNumber(), lrar == null ? null : lrar.postedOn(),
                lrar == null ? null : lrar.acknowledgedOn(), lrar == null ? null : lrar.outcome());
    }
}
