package fr.encaisse.portal.internal;

import java.util.UUID;

/** What a valid token opens: one debtor of one tenant. */
public record Access(UUID tenantId, UUID debtorId) {
}
