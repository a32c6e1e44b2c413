package fr.encaisse.communication.internal;

import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.OutboundMessage;
import fr.encaisse.communication.Outbox;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class OutboxService implements Outbox {

    private final OutboxStore store;
    private final Dispatcher dispatcher;
    private final Evidence evidence;
    private final Clock clock;

    OutboxService(OutboxStore store, Dispatcher dispatcher, Evidence evidence, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public UUID enqueue(OutboundMessage m) {
        if (m.debtorId() == null || m.channel() == null || m.asOf() == null || m.sourceType() == null || m.sourceId() == null) {
            throw new IllegalArgumentException("debtorId, channel, asOf and source are required: " + m);
        }
        if (!MailTexts.TEMPLATES.contains(m.template())) {
            throw InvalidInputException.of("template", "unknown template '" + m.template() + "'; known: " + templates());
        }
        return store.insert(TenantContext.tenantId(), m, OffsetDateTime.now(clock));
    }

    /** Outside any transaction: each message is claimed, sent and recorded in its own. */
    @Override
    @Transactional(propagation = Propagation.NEVER)
    public int dispatchDue() {
        return dispatcher.dispatch(TenantContext.tenantId(), clock.instant());
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public int dispatchDue(Instant now) {
        return dispatcher.dispatch(TenantContext.tenantId(), now);
    }

    /** The background dispatcher's entry: every tenant. */
    @Transactional(propagation = Propagation.NEVER)
    public int dispatchAllTenants() {
        return dispatcher.dispatch(null, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Message message(UUID id) {
        return store.find(TenantContext.tenantId(), id).orElseThrow(() -> new NotFoundException("Message", id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Message> messages(MessageStatus status, UUID debtorId, int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return store.list(TenantContext.tenantId(), status == null ? List.of() : List.of(status), debtorId, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Message> ofDebtor(UUID debtorId) {
        return store.ofDebtor(TenantContext.tenantId(), debtorId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Message> deadLetters() {
        return store.list(TenantContext.tenantId(), List.of(MessageStatus.DEAD, MessageStatus.BOUNCED), null, 500);
    }

    @Override
    public int deadLetterCount() {
        return store.count(TenantContext.tenantId(), List.of(MessageStatus.DEAD, MessageStatus.BOUNCED));
    }

    @Override
    public Message retry(UUID id) {
        Message m = message(id);
        if (!EnumSet.of(MessageStatus.FAILED, MessageStatus.DEAD, MessageStatus.BOUNCED).contains(m.status())) {
            throw new ConflictException("Message " + id + " is " + m.status() + "; only failed, dead or bounced messages are retried");
        }
        store.requeue(TenantContext.tenantId(), id, OffsetDateTime.now(clock));
        evidence.record("DEBTOR", m.debtorId(), "message.requeued", "{\"message\":\"" + id + "\"}");
        return message(id);
    }

    @Override
    public Message markBounced(UUID id, String reason) {
        Message m = message(id);
        if (m.status() != MessageStatus.SENT) {
            throw new ConflictException("Message " + id + " is " + m.status() + "; only a sent message can bounce");
        }
        String why = reason == null || reason.isBlank() ? "bounced" : reason;
        store.bounced(TenantContext.tenantId(), id, why);
        evidence.record("DEBTOR", m.debtorId(), "message.bounced", "{\"message\":\"" + id + "\"}");
        return message(id);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] content(UUID id) {
        message(id);
        return store.content(TenantContext.tenantId(), id).orElseThrow(() -> new NotFoundException("Content of message", id));
    }

    @Override
    public Set<String> templates() {
        return new TreeSet<>(MailTexts.TEMPLATES);
    }
}
