package fr.encaisse.communication.internal;

import fr.encaisse.communication.MailSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Composes a MIME message once, keeps its exact bytes (what the evidence journal hashes) and sends
 * those very bytes over SMTP. The server is the tenant's, else the application's {@code spring.mail.*}.
 */
@Component
class SmtpMailer {

    record Server(String host, int port, MailSecurity security, String username, String password, String from,
                  String fromName, String replyTo) {
    }

    private final ObjectProvider<JavaMailSender> applicationSender;
    private final String defaultFrom;

    SmtpMailer(ObjectProvider<JavaMailSender> applicationSender,
               @Value("${encaisse.communication.default-from:relances@encaisse.local}") String defaultFrom) {
        this.applicationSender = applicationSender;
        this.defaultFrom = defaultFrom;
    }

    Optional<Server> server(Optional<TenantMailService.Stored> tenant) {
        String from = tenant.map(TenantMailService.Stored::fromAddress).orElse(null);
        String fromName = tenant.map(TenantMailService.Stored::fromName).orElse(null);
        String replyTo = tenant.map(TenantMailService.Stored::replyTo).orElse(null);
        if (tenant.isPresent() && tenant.get().host() != null) {
            TenantMailService.Stored s = tenant.get();
            return Optional.of(new Server(s.host(), s.port(), s.security(), s.username(), s.password(),
                    from != null ? from : s.username() != null && s.username().contains("@") ? s.username() : defaultFrom,
                    fromName, replyTo));
        }
        if (applicationSender.getIfAvailable() instanceof JavaMailSenderImpl app && app.getHost() != null) {
            Properties p = app.getJavaMailProperties();
            MailSecurity security = "true".equals(p.getProperty("mail.smtp.ssl.enable")) ? MailSecurity.SSL
                    : "true".equals(p.getProperty("mail.smtp.starttls.enable")) ? MailSecurity.STARTTLS : MailSecurity.NONE;
            int port = app.getPort() > 0 ? app.getPort() : security == MailSecurity.SSL ? 465 : 25;
            return Optional.of(new Server(app.getHost(), port, security, app.getUsername(), app.getPassword(),
                    from != null ? from : defaultFrom, fromName, replyTo));
        }
        return Optional.empty();
    }

    Session session(Server s) {
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", String.valueOf(s.port()));
        p.put("mail.smtp.auth", String.valueOf(s.username() != null));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        if (s.security() == MailSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (s.security() == MailSecurity.SSL) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        return Session.getInstance(p);
    }

    /** The RFC 5322 bytes of the message, Message-ID fixed to the outbox id (so a resend is recognisable). */
    byte[] compose(Server s, UUID messageId, Instant now, String to, String subject, String text, String html,
                   byte[] pdf, String pdfName) throws MessagingException {
        MimeMessage mime = new MimeMessage(session(s)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + "@encaisse>");
            }
        };
        MimeMessageHelper h = new MimeMessageHelper(mime, true, "UTF-8");
        try {
            h.setFrom(new InternetAddress(s.from(), s.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        h.setTo(new InternetAddress(to, true));
        if (s.replyTo() != null) {
            h.setReplyTo(s.replyTo());
        }
        h.setSubject(subject);
        h.setSentDate(Date.from(now));
        h.setText(text, html);
        if (pdf != null) {
            h.addAttachment(pdfName, new ByteArrayResource(pdf), "application/pdf");
        }
        mime.saveChanges();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Could not write the message", e);
        }
    }

    /** Sends exactly these bytes. */
    void send(Server s, byte[] rfc822) throws MessagingException {
        Session session = session(s);
        MimeMessage exact = new MimeMessage(session, new ByteArrayInputStream(rfc822));
        try (Transport t = session.getTransport("smtp")) {
            t.connect(s.host(), s.port(), s.username(), s.password());
            t.sendMessage(exact, exact.getAllRecipients());
        }
    }
}
