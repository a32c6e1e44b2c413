package fr.encaisse.communication;

import java.util.UUID;

/**
 * Port: the address at which a debtor sees its account online, printed in every email and letter.
 * Implemented by the portal module (portal → communication, never the reverse).
 */
public interface PortalLinkProvider {

    /** A working link for the current tenant's debtor; the same one while it stays valid long enough. */
    String linkFor(UUID debtorId);
}
