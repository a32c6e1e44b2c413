package fr.encaisse.portal.internal;

import fr.encaisse.communication.PortalLinkProvider;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.portal.PortalLink;
import fr.encaisse.portal.PortalLinks;
import fr.encaisse.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, reuses, revokes and resolves portal links. Resolving is the one query without a tenant
 * filter: the token is what says which tenant (as an API key does).
 */
@Service
@Transactional
public class LinkService implements PortalLinks, PortalLinkProvider {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final TokenMint mint;
    private final Ledger ledger;
    private final Evidence evidence;
    private final Clock clock;
    private final String baseUrl;
    private final Duration validity;
    private final Duration reuseMinRemaining;

    LinkService(JdbcClient jdbc, TokenMint mint, Ledger ledger, Evidence evidence, Clock clock,
                @Value("${encaisse.portal.base-url:http://localhost:8080/portal}") String baseUrl,
                @Value("${encaisse.portal.link-validity:P90D}") Duration validity,
                @Value("${encaisse.portal.reuse-min-remaining:P30D}") Duration reuseMinRemaining) {
        this.jdbc = jdbc;
        this.mint = mint;
        this.ledger = ledger;
        this.evidence = evidence;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
        this.reuseMinRemaining = reuseMinRemaining;
    }

    @Override
    public String linkFor(UUID debtorId) {
        return issue(debtorId).url();
    }

    @Override
    public PortalLink issue(UUID debtorId) {
        ledger.debtor(debtorId);
        UUID tenant = TenantContext.tenantId();
        Instant now = clock.instant();
        // A message sent today should not carry a link about to die: reuse only one with time left.
        Optional<PortalLink> live = liveUntilAfter(debtorId, now.plus(reuseMinRemaining));
        if (live.isPresent()) {
            return live.get();
        }
        UUID id = UUID.randomUUID();
        String seed = TokenMint.newSeed();
        Instant expires = now.plus(validity);
        jdbc.sql("""
                        INSERT INTO portal_link (id, tenant_id, debtor_id, seed, token_hash, created_at, expires_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, debtorId, seed, TokenMint.hash(mint.token(seed)), at(now), at(expires), TenantContext.actor())
                .update();
        evidence.record("DEBTOR", debtorId, "portal-link.issued",
                "{\"linkId\":\"" + id + "\",\"expiresAt\":\"" + expires + "\"}");
        return new PortalLink(id, debtorId, url(seed), expires);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PortalLink> live(UUID debtorId) {
        ledger.debtor(debtorId);
        return liveUntilAfter(debtorId, clock.instant());
    }

    private Optional<PortalLink> liveUntilAfter(UUID debtorId, Instant instant) {
        return jdbc.sql("""
                        SELECT id, seed, expires_at FROM portal_link
                        WHERE tenant_id = ? AND debtor_id = ? AND revoked_at IS NULL AND expires_at > ?
                        ORDER BY expires_at DESC LIMIT 1""")
                .params(TenantContext.tenantId(), debtorId, at(instant))
                .query((rs, n) -> new PortalLink(rs.getObject("id", UUID.class), debtorId, url(rs.getString("seed")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public int revoke(UUID debtorId) {
        ledger.debtor(debtorId);
        Instant now = clock.instant();
        int revoked = jdbc.sql("""
                        UPDATE portal_link SET revoked_at = ?
                        WHERE tenant_id = ? AND debtor_id = ? AND revoked_at IS NULL AND expires_at > ?""")
                .params(at(now), TenantContext.tenantId(), debtorId, at(now)).update();
        if (revoked > 0) {
            evidence.record("DEBTOR", debtorId, "portal-link.revoked", "{\"links\":" + revoked + "}");
        }
        return revoked;
    }

    /** Empty for a malformed, unknown, expired or revoked token alike: callers must not tell them apart. */
    @Transactional(readOnly = true)
    public Optional<Access> resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT tenant_id, debtor_id FROM portal_link
                        WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?""")
                .params(TokenMint.hash(token), at(clock.instant()))
                .query((rs, n) -> new Access(rs.getObject("tenant_id", UUID.class), rs.getObject("debtor_id", UUID.class)))
                .optional();
    }

    private String url(String seed) {
        return baseUrl + "/" + mint.token(seed);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
