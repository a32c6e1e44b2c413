package fr.encaisse.portal;

import java.util.Optional;
import java.util.UUID;

/**
 * Access links to the portal for the current tenant's debtors. A link is an unguessable token in a
 * URL; the database keeps only its SHA-256 and a seed the server alone can turn back into it.
 * Unknown, expired and revoked links all answer the same 404.
 */
public interface PortalLinks {

    /**
     * The debtor's live link while it stays valid for at least {@code encaisse.portal.reuse-min-remaining},
     * else a new one valid {@code encaisse.portal.link-validity}.
     *
     * @throws fr.encaisse.shared.NotFoundException for an unknown debtor or another tenant's
     */
    PortalLink issue(UUID debtorId);

    /** The debtor's live link that lasts longest, if any; issues nothing and journals nothing. */
    Optional<PortalLink> live(UUID debtorId);

    /** Revokes every live link of the debtor at once; returns how many. */
    int revoke(UUID debtorId);
}
