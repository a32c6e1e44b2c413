package fr.encaisse.portal;

import java.time.Instant;
import java.util.UUID;

/** A debtor's way into the portal: {@code url} carries the token, shown to nobody but the debtor. */
public record PortalLink(UUID id, UUID debtorId, String url, Instant expiresAt) {
}
