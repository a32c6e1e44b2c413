package fr.encaisse.sepa.internal;

import fr.encaisse.communication.MailSettings;
import fr.encaisse.communication.TenantMail;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.tenancy.TenantContext;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued debtor notices by email, each in its own transaction after the one that queued it,
 * and journals the SHA-256 of the exact MIME bytes sent.
 *
 * <p>An adapter, until {@code communication} can send a message whose content another module
 * writes: its {@code Outbox} only renders its own dunning templates from the ledger (and cancels a
 * message whose invoices are paused, which a pending direct debit always is). So the notices go
 * through the application's SMTP server ({@code spring.mail.*}), with the tenant's sender
 * address, name and reply-to from {@link TenantMail}. Failures are retried with exponential
 * backoff; a refused recipient or too many attempts make the notice DEAD.
 */
@Component
class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    private static final String ACTOR = "system:sepa-notices";
    private static final int BATCH = 20;

    private final NoticeStore store;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TenantMail tenantMail;
    private final Evidence evidence;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String defaultFrom;
    private final int maxAttempts;
    private final Duration firstBackoff;

    NoticeSender(NoticeStore store, ObjectProvider<JavaMailSender> mailSender, TenantMail tenantMail, Evidence evidence,
                 JsonMapper json, Clock clock, PlatformTransactionManager txManager,
                 @Value("${encaisse.communication.default-from:relances@encaisse.local}") String defaultFrom,
                 @Value("${encaisse.sepa.notice-max-attempts:6}") int maxAttempts,
                 @Value("${encaisse.sepa.notice-first-backoff:PT1M}") Duration firstBackoff) {
        this.store = store;
        this.mailSender = mailSender;
        this.tenantMail = tenantMail;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.defaultFrom = defaultFrom;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    /** Sends what is due, for one tenant or (null) all; returns how many were sent. Call outside a transaction. */
    int dispatch(UUID tenantIdOrNull) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int sent = 0;
        while (true) {
            List<NoticeStore.Claimed> batch = tx.execute(s -> store.claim(tenantIdOrNull, now, BATCH));
            for (NoticeStore.Claimed c : batch) {
                if (TenantContext.runAs(c.tenantId(), ACTOR, () -> send(c, now))) {
                    sent++;
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean send(NoticeStore.Claimed c, OffsetDateTime now) {
        try {
            if (!(mailSender.getIfAvailable() instanceof JavaMailSenderImpl sender) || sender.getHost() == null) {
                throw new IllegalStateException("no mail server: set spring.mail.host (SEPA notices use the application's SMTP server)");
            }
            MailSettings settings = tenantMail.settings();
            byte[] mime = compose(sender, c, settings, now);
            deliver(sender, mime);
            String sha = sha256(mime);
            tx.executeWithoutResult(s -> {
                store.sent(c.id(), mime, sha, now);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("notice", c.id().toString());
                details.put("kind", c.kind());
                details.put("debit", c.debitId().toString());
                details.put("recipient", c.recipient());
                details.put("sentAt", now.toString());
                details.put("sha256", sha);
                evidence.record("DEBTOR", c.debtorId(), "sepa.notice.sent", json.writeValueAsString(details));
            });
            return true;
        } catch (MessagingException | RuntimeException e) {
            SendFailedException failure = e instanceof SendFailedException sf ? sf
                    : e.getCause() instanceof SendFailedException cf ? cf : null;
            boolean refused = failure != null && failure.getInvalidAddresses() != null && failure.getInvalidAddresses().length > 0;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            String status = refused || c.attempts() >= maxAttempts ? "DEAD" : "FAILED";
            OffsetDateTime next = now.plus(firstBackoff.multipliedBy(1L << Math.min(20, c.attempts() - 1)));
            log.warn("SEPA notice {} not sent (attempt {}, now {}): {}", c.id(), c.attempts(), status, error);
            tx.executeWithoutResult(s -> store.failed(c.id(), status, error, next));
            return false;
        }
    }

    private byte[] compose(JavaMailSenderImpl sender, NoticeStore.Claimed c, MailSettings settings, OffsetDateTime now)
            throws MessagingException {
        MimeMessage mime = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + c.id() + "@encaisse-sepa>");
            }
        };
        MimeMessageHelper h = new MimeMessageHelper(mime, true, "UTF-8");
        String from = settings.fromAddress() != null && !settings.fromAddress().isBlank() ? settings.fromAddress() : defaultFrom;
        try {
            h.setFrom(new InternetAddress(from, settings.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        h.setTo(new InternetAddress(c.recipient(), true));
        if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
            h.setReplyTo(settings.replyTo());
        }
        h.setSubject(c.subject());
        h.setSentDate(Date.from(now.toInstant()));
        h.setText(c.text(), c.html());
        mime.saveChanges();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Could not write the message", e);
        }
    }

    /** Sends exactly these bytes (no re-encoding, so the journaled hash is of what left). */
    private static void deliver(JavaMailSenderImpl sender, byte[] rfc822) throws MessagingException {
        Session session = sender.getSession();
        MimeMessage exact = new MimeMessage(session, new ByteArrayInputStream(rfc822));
        try (Transport t = session.getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol())) {
            t.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            t.sendMessage(exact, exact.getAllRecipients());
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
