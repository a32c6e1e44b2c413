package fr.encaisse.communication.internal;

import fr.encaisse.communication.LetterRenderer;
import fr.encaisse.communication.MessageSent;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.SmsGateway;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.tenancy.TenantContext;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due messages: claims a batch (SKIP LOCKED, so two nodes never take the same message),
 * renders each one from the ledger as it is now, delivers it, then records the result with its
 * evidence entry. Letters and call tasks are delivered and recorded in one transaction (exactly
 * once); an email is handed to SMTP between the claim and the record, so a node dying in that
 * window may send it again after {@code stale-after} — its Message-ID stays the same.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final String ACTOR = "system:outbox";
    private static final int BATCH = 50;

    private final OutboxStore store;
    private final ContentBuilder builder;
    private final LetterRenderer letters;
    private final SmtpMailer mailer;
    private final TenantMailService mailSettings;
    private final PrintBatchService printBatches;
    private final CallTaskService callTasks;
    private final SmsGateway sms;
    private final Evidence evidence;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration staleAfter;

    Dispatcher(OutboxStore store, ContentBuilder builder, LetterRenderer letters, SmtpMailer mailer,
               TenantMailService mailSettings, PrintBatchService printBatches, CallTaskService callTasks, SmsGateway sms,
               Evidence evidence, ApplicationEventPublisher events, JsonMapper json, PlatformTransactionManager txManager,
               @Value("${encaisse.communication.max-attempts:6}") int maxAttempts,
               @Value("${encaisse.communication.first-backoff:PT1M}") Duration firstBackoff,
               @Value("${encaisse.communication.stale-after:PT10M}") Duration staleAfter) {
        this.store = store;
        this.builder = builder;
        this.letters = letters;
        this.mailer = mailer;
        this.mailSettings = mailSettings;
        this.printBatches = printBatches;
        this.callTasks = callTasks;
        this.sms = sms;
        this.evidence = evidence;
        this.events = events;
        this.json = json;
        this.tx = new TransactionTemplate(txManager);
        this.readTx = new TransactionTemplate(txManager);
        this.readTx.setReadOnly(true);
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.staleAfter = staleAfter;
    }

    /** Sends what is due at {@code now}, for one tenant or (null) all of them; returns how many were processed. */
    int dispatch(UUID tenantIdOrNull, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        tx.executeWithoutResult(s -> store.releaseStale(at.minus(staleAfter)));
        int processed = 0;
        while (true) {
            List<OutboxStore.Row> batch = tx.execute(s -> store.claim(tenantIdOrNull, at, BATCH));
            for (OutboxStore.Row row : batch) {
                TenantContext.runAs(row.tenantId(), ACTOR, () -> process(row, at));
            }
            processed += batch.size();
            if (batch.size() < BATCH) {
                return processed;
            }
        }
    }

    /** A failure that retrying cannot fix. */
    private static final class Permanent extends RuntimeException {
        final MessageStatus status;

        Permanent(MessageStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void process(OutboxStore.Row row, OffsetDateTime now) {
        try {
            ContentBuilder.Content c = readTx.execute(s -> builder.build(row));
            if (c == null) {
                tx.executeWithoutResult(s -> store.finish(row.id(), MessageStatus.CANCELLED,
                        "nothing left to chase on " + row.asOf() + ": paid, credited or paused", null));
                return;
            }
            switch (row.channel()) {
                case EMAIL -> email(row, c, now);
                case LETTER, REGISTERED_LETTER -> letter(row, c, now);
                case CALL_TASK -> call(row, c, now);
                case SMS -> sms(row, c, now);
            }
        } catch (Permanent e) {
            tx.executeWithoutResult(s -> store.finish(row.id(), e.status, e.getMessage(), null));
        } catch (RuntimeException | MessagingException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (row.attempts() >= maxAttempts) {
                log.warn("Message {} given up after {} attempts: {}", row.id(), row.attempts(), error);
                tx.executeWithoutResult(s -> store.finish(row.id(), MessageStatus.DEAD,
                        "gave up after " + row.attempts() + " attempts; last error: " + error, null));
            } else {
                OffsetDateTime next = now.plus(firstBackoff.multipliedBy(1L << Math.min(20, row.attempts() - 1)));
                tx.executeWithoutResult(s -> store.finish(row.id(), MessageStatus.FAILED, error, next));
            }
        }
    }

    private void email(OutboxStore.Row row, ContentBuilder.Content c, OffsetDateTime now) throws MessagingException {
        if (c.email() == null) {
            throw new Permanent(MessageStatus.DEAD, "the debtor has no email address");
        }
        SmtpMailer.Server server = mailer.server(mailSettings.stored(row.tenantId())).orElseThrow(() -> new Permanent(
                MessageStatus.DEAD, "no mail server: set the tenant's mail settings or the application's spring.mail.host"));
        byte[] pdf = row.attachLetter() && c.letter() != null ? letters.render(c.letter()) : null;
        byte[] mime = mailer.compose(server, row.id(), now.toInstant(), c.email(), c.subject(), c.text(), c.html(), pdf,
                row.template() + "-" + row.asOf() + ".pdf");
        try {
            mailer.send(server, mime);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new Permanent(MessageStatus.BOUNCED, "recipient refused: " + e.getMessage());
            }
            throw e;
        }
        tx.executeWithoutResult(s -> sent(row, c.email(), c.subject(), mime, "message/rfc822", null, null, now));
    }

    private void letter(OutboxStore.Row row, ContentBuilder.Content c, OffsetDateTime now) {
        byte[] pdf = letters.render(c.letter());
        tx.executeWithoutResult(s -> {
            UUID batch = printBatches.addLetter(row.tenantId(), row.channel(), now);
            sent(row, address(c), c.letter().title(), pdf, "application/pdf", batch, null, now);
        });
    }

    private void call(OutboxStore.Row row, ContentBuilder.Content c, OffsetDateTime now) {
        String owner = mailSettings.stored(row.tenantId()).map(TenantMailService.Stored::defaultCallOwner).orElse(null);
        byte[] script = c.text().getBytes(StandardCharsets.UTF_8);
        tx.executeWithoutResult(s -> {
            UUID task = callTasks.create(row.tenantId(), row.debtorId(), row.id(), c.invoiceIds(), c.callTitle(), c.text(),
                    c.phone(), owner, row.asOf(), now);
            sent(row, c.phone() == null ? c.recipientName() : c.recipientName() + " " + c.phone(), c.callTitle(), script,
                    "text/plain; charset=UTF-8", null, task, now);
        });
    }

    private void sms(OutboxStore.Row row, ContentBuilder.Content c, OffsetDateTime now) {
        if (c.phone() == null) {
            throw new Permanent(MessageStatus.DEAD, "the debtor has no phone number");
        }
        String text = c.subject();
        try {
            sms.send(c.phone(), text);
        } catch (SmsGateway.SmsNotSentException e) {
            if (e.permanent()) {
                throw new Permanent(MessageStatus.DEAD, e.getMessage());
            }
            throw e;
        }
        tx.executeWithoutResult(s -> sent(row, c.phone(), text, text.getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8", null, null, now));
    }

    private void sent(OutboxStore.Row row, String recipient, String subject, byte[] content, String contentType,
                      UUID printBatch, UUID callTask, OffsetDateTime now) {
        String sha = sha256(content);
        store.sent(row.id(), recipient, subject, content, contentType, sha, printBatch, callTask, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message", row.id().toString());
        details.put("channel", row.channel().name());
        details.put("recipient", recipient);
        details.put("sentAt", now.toString());
        details.put("sha256", sha);
        details.put("template", row.template());
        details.put("asOf", row.asOf().toString());
        details.put("source", row.sourceType() + ":" + row.sourceId());
        evidence.record("DEBTOR", row.debtorId(), "message.sent", json.writeValueAsString(details));
        events.publishEvent(new MessageSent(row.tenantId(), row.id(), row.debtorId(), row.channel(), recipient, now, sha,
                row.sourceType(), row.sourceId()));
    }

    private static String address(ContentBuilder.Content c) {
        var r = c.letter().recipient();
        return String.join(", ", java.util.stream.Stream.of(r.name(), r.line1(), r.line2(),
                ((r.postalCode() == null ? "" : r.postalCode()) + " " + (r.city() == null ? "" : r.city())).trim())
                .filter(x -> x != null && !x.isBlank()).toList());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
