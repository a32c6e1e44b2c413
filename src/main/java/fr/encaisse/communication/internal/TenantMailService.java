package fr.encaisse.communication.internal;

import fr.encaisse.communication.MailSecurity;
import fr.encaisse.communication.MailSettings;
import fr.encaisse.communication.TenantMail;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code communication_settings} table: SMTP server, sender, default owner of call tasks. */
@Service
@Transactional
class TenantMailService implements TenantMail {

    /** Settings with the password in clear, for the sender only. */
    record Stored(String host, Integer port, MailSecurity security, String username, String password, String fromAddress,
                  String fromName, String replyTo, String defaultCallOwner) {
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Evidence evidence;
    private final Clock clock;

    TenantMailService(JdbcClient jdbc, SecretBox secrets, Evidence evidence, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public MailSettings settings() {
        return stored(TenantContext.tenantId()).map(s -> new MailSettings(s.host(), s.port(), s.security(), s.username(), null,
                        s.fromAddress(), s.fromName(), s.replyTo(), s.defaultCallOwner(), s.password() != null))
                .orElse(new MailSettings(null, null, MailSecurity.STARTTLS, null, null, null, null, null, null, false));
    }

    @Override
    public MailSettings update(MailSettings s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.host() != null && !s.host().isBlank() && (s.port() == null || s.port() < 1 || s.port() > 65535)) {
            problems.add(FieldProblem.of("port", "must be between 1 and 65535 when a host is given"));
        }
        for (var f : List.of(new String[]{"fromAddress", s.fromAddress()}, new String[]{"replyTo", s.replyTo()})) {
            if (f[1] != null && !f[1].isBlank()) {
                try {
                    new InternetAddress(f[1], true);
                } catch (AddressException e) {
                    problems.add(FieldProblem.of(f[0], f[1], "is not an email address"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid mail settings", problems);
        }
        UUID tenant = TenantContext.tenantId();
        Optional<Stored> current = stored(tenant);
        String password = s.password() == null ? current.map(Stored::password).orElse(null)
                : s.password().isEmpty() ? null : s.password();
        MailSecurity security = s.security() == null ? MailSecurity.STARTTLS : s.security();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Object[] values = {blankToNull(s.host()), s.port(), security.name(), blankToNull(s.username()),
                password == null ? null : secrets.seal(password), blankToNull(s.fromAddress()), blankToNull(s.fromName()),
                blankToNull(s.replyTo()), blankToNull(s.defaultCallOwner()), now, tenant};
        int updated = jdbc.sql("""
                UPDATE communication_settings SET smtp_host = ?, smtp_port = ?, smtp_security = ?, smtp_username = ?,
                    smtp_password = ?, from_address = ?, from_name = ?, reply_to = ?, default_call_owner = ?, updated_at = ?
                WHERE tenant_id = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO communication_settings (smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,
                        from_address, from_name, reply_to, default_call_owner, updated_at, tenant_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
        evidence.record("TENANT", tenant, "mail-settings.updated", "{\"host\":\"" + (s.host() == null ? "" : s.host().replace("\"", ""))
                + "\",\"port\":" + s.port() + ",\"security\":\"" + security + "\"}");
        return settings();
    }

    @Transactional(readOnly = true)
    Optional<Stored> stored(UUID tenantId) {
        return jdbc.sql("SELECT * FROM communication_settings WHERE tenant_id = ?").param(tenantId)
                .query((rs, n) -> new Stored(rs.getString("smtp_host"), (Integer) rs.getObject("smtp_port"),
                        MailSecurity.valueOf(rs.getString("smtp_security")), rs.getString("smtp_username"),
                        secrets.open(rs.getString("smtp_password")), rs.getString("from_address"), rs.getString("from_name"),
                        rs.getString("reply_to"), rs.getString("default_call_owner")))
                .optional();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
